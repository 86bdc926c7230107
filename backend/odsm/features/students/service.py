"""The students' rules: licence normalisation and warnings, optimistic concurrency, soft delete."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, Select
from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.core.errors import ValidationFailed
from odsm.core.import_outcome import CHUNK, RowsDone, no_progress
from odsm.core.orm import utcnow
from odsm.core.resource_lock_repository import ImportLock, Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import check_version, guard_stale
from odsm.features.school.service import school_today
from odsm.models import Student

from . import repository as repo
from .birth_date import age_on, birth_date_refusal
from .errors import LicenceNumberTaken, StudentArchived, StudentNotFound, StudentVersionConflict
from .licence import licence_warnings
from .licence_history import follow_form
from .schemas import (
    ImportOutcome,
    ImportProblem,
    StudentArchive,
    StudentCreate,
    StudentPage,
    StudentRead,
    StudentUpdate,
    Warning,
)
from .search_keys import fold, search_keys

REQUIRED_FIELDS = {"first_name", "last_name", "date_of_birth"}


def to_read(student: Student | Row[Any]) -> StudentRead:
    """The answer for a student: from the entity a write holds, or straight from a read's row."""
    # A row validates fastest as the mapping of its columns.
    read = StudentRead.model_validate(student._mapping if isinstance(student, Row) else student)
    warnings: list[Warning] = []
    if read.licence_number:
        warnings += [
            Warning(code=w.code, field=w.field, message=w.message)
            for w in licence_warnings(read.licence_number, read.last_name, read.date_of_birth)
        ]
    if age_on(read.date_of_birth, date.today()) < 18 and not read.guardian_name:
        warnings.append(
            Warning(
                code="student.minor_without_guardian",
                field="guardian_name",
                message="This student is under 18: record a parent or guardian.",
            )
        )
    read.warnings = warnings
    return read


def _apply_consent(student: Student, consent: bool | None) -> None:
    if consent is True and student.consent_at is None:
        student.consent_at = utcnow()
    elif consent is False:
        student.consent_at = None


def _derive_search_fields(student: Student) -> None:
    keys = search_keys(student.first_name, student.last_name, student.phone)
    for column, value in keys._asdict().items():
        setattr(student, column, value)


def _refuse_impossible_birth_date(s: Session, dob: date, licence_class: str | None) -> None:
    refusal = birth_date_refusal(dob, licence_class, school_today(s))
    if refusal is not None:
        raise refusal


def students_named(q: str) -> Select[Any] | None:
    """For another feature's list filter: a statement of the ids of the students whose name matches `q`
    (as the students list searches names), or None when `q` has nothing to search by."""
    return repo.ids_named(q)


def full_name(student: Student) -> str:
    """ "Maya Chen", as a refusal or a list names the student."""
    return " ".join(part for part in (student.first_name, student.last_name) if part) or f"student {student.id}"


def load_student(s: Session, student_id: int) -> Student:
    """For other features' services: the student, inside their own unit of work."""
    student = repo.get(s, student_id)
    if student is None:
        raise StudentNotFound(details={"student_id": student_id})
    return student


class StudentService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(
        self, q: str | None, offset: int, limit: int, include_archived: bool, instructor_id: int | None = None
    ) -> StudentPage:
        rows, total = self.db.query(
            lambda conn: repo.read_page(conn, q, include_archived, offset, limit, instructor_id)
        )
        return StudentPage(items=[to_read(r) for r in rows], total=total, offset=offset, limit=limit)

    def is_taught_by(self, student_id: int, instructor_id: int) -> bool | None:
        """Whether the instructor teaches the student (a lesson, or a class); None when there is no such student."""
        if self.db.query(lambda conn: repo.read_one(conn, student_id)) is None:
            return None
        return bool(self.db.query(lambda conn: conn.scalar(repo.is_taught_by(student_id, instructor_id))))

    def get(self, student_id: int) -> StudentRead:
        row = self.db.query(lambda conn: repo.read_one(conn, student_id))
        if row is None:
            raise StudentNotFound(details={"student_id": student_id})
        return to_read(row)

    def create(self, data: StudentCreate) -> StudentRead:
        def fn(s: Session) -> StudentRead:
            _refuse_impossible_birth_date(s, data.date_of_birth, data.licence_class)
            if data.licence_number:
                self._ensure_licence_free(s, data.licence_number, None)
            student = Student(**data.model_dump(exclude={"consent_to_share"}))
            _apply_consent(student, data.consent_to_share)
            _derive_search_fields(student)
            s.add(student)
            s.flush()
            if student.licence_class:
                follow_form(s, student, new=True)
                s.flush()
            return to_read(student)

        return self.db.write(fn)

    def import_many(
        self, rows: Sequence[tuple[int, StudentCreate]], source: str, progress: RowsDone = no_progress
    ) -> ImportOutcome:
        """Creates the rows in one transaction, skipping any student already on file: the same licence
        number, or the same name and birth date. So an import run twice adds nobody the second time.
        The import is one user action, so one audit entry: the first student's, with the others in it.
        Two desks importing at once take turns (the import lock), so the second finds the first's rows."""

        def fn(s: Session) -> ImportOutcome:
            lock_resources(s, [(Resource.IMPORT, ImportLock.STUDENTS)])
            licences: dict[str, tuple[str, str, date]] = {}
            people: set[tuple[str, str, date]] = set()
            for licence, first, last, dob in s.execute(repo.identities()):
                person = (fold(first), fold(last), dob)
                people.add(person)
                if licence:
                    licences[licence] = person
            outcome = ImportOutcome()
            today = school_today(s)
            created: list[Student] = []
            progress(0, len(rows))
            for done, (row, data) in enumerate(rows, start=1):
                if done % CHUNK == 0:
                    s.flush()
                    progress(done, len(rows))
                refusal = birth_date_refusal(data.date_of_birth, data.licence_class, today)
                if refusal is not None:
                    outcome.problems.append(
                        ImportProblem(row=row, field="date_of_birth", rule=refusal.code, message=refusal.message)
                    )
                    continue
                person = (fold(data.first_name), fold(data.last_name), data.date_of_birth)
                holder = licences.get(data.licence_number) if data.licence_number else None
                if holder is not None and holder != person:
                    outcome.problems.append(
                        ImportProblem(
                            row=row,
                            field="licence_number",
                            rule="unique",
                            message="Another student already has this licence number.",
                        )
                    )
                    continue
                if holder is not None or person in people:
                    outcome.already_on_file += 1
                    continue
                student = Student(**data.model_dump(exclude={"consent_to_share"}))
                _apply_consent(student, data.consent_to_share)
                _derive_search_fields(student)
                s.add(student)
                if student.licence_class:
                    created.append(student)
                if outcome.imported == 0:
                    audit.primary(s, student, "import", f"Imported from {source}")
                people.add(person)
                if data.licence_number:
                    licences[data.licence_number] = person
                outcome.imported += 1
            s.flush()
            for added in created:
                follow_form(s, added, new=True)
            s.flush()
            progress(len(rows), len(rows))
            return outcome

        return self.db.write(fn)

    def update(self, student_id: int, data: StudentUpdate) -> StudentRead:
        changes: dict[str, Any] = {
            k: getattr(data, k) for k in data.model_fields_set if k not in {"version", "consent_to_share"}
        }
        for name in REQUIRED_FIELDS & changes.keys():
            if changes[name] is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        def fn(s: Session) -> StudentRead:
            student = load_student(s, student_id)
            check_version(student.version, data.version, StudentVersionConflict, student_id=student.id)
            if student.archived_at is not None:
                raise StudentArchived(details={"student_id": student_id})
            if changes.get("licence_number"):
                self._ensure_licence_free(s, changes["licence_number"], student.id)
            if {"date_of_birth", "licence_class"} & changes.keys():
                _refuse_impossible_birth_date(
                    s,
                    changes.get("date_of_birth", student.date_of_birth),
                    changes.get("licence_class", student.licence_class),
                )
            for name, value in changes.items():
                setattr(student, name, value)
            if changes.keys() & {"licence_class", "g1_issue_date"}:
                follow_form(s, student)
            _apply_consent(student, data.consent_to_share)
            _derive_search_fields(student)
            s.flush()
            return to_read(student)

        return guard_stale(
            lambda: self.db.write(fn), StudentVersionConflict, student_id=student_id, your_version=data.version
        )

    def archive(self, student_id: int, data: StudentArchive) -> StudentRead:
        def fn(s: Session) -> StudentRead:
            student = load_student(s, student_id)
            check_version(student.version, data.version, StudentVersionConflict, student_id=student.id)
            if student.archived_at is None:
                student.archived_at = utcnow()
                audit.note(s, student, "archive")
                s.flush()
            return to_read(student)

        return guard_stale(
            lambda: self.db.write(fn), StudentVersionConflict, student_id=student_id, your_version=data.version
        )

    @staticmethod
    def _ensure_licence_free(s: Session, licence_number: str, own_id: int | None) -> None:
        other = s.scalars(repo.by_licence_number(licence_number)).first()
        if other is not None and other.id != own_id:
            raise LicenceNumberTaken(
                details={
                    "fields": [
                        {
                            "field": "licence_number",
                            "rule": "unique",
                            "message": "Another student already has this licence number.",
                        }
                    ],
                    "student_id": other.id,
                    "licence_number": licence_number,
                }
            )
