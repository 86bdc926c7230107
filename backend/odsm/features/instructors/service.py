"""Instructors: credentials, weekly availability and time off."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.core.errors import ValidationFailed
from odsm.core.import_outcome import CHUNK, ImportOutcome, RowsDone, no_progress
from odsm.core.orm import utcnow
from odsm.core.resource_lock_repository import ImportLock, Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.features.school.clock import zone
from odsm.features.school.service import load_settings
from odsm.models import Instructor, InstructorAvailability, InstructorTimeOff

from .errors import InstructorVersionConflict, TimeOffNotFound
from .repository import InstructorRepository
from .schemas import (
    AffectedLesson,
    AvailabilitySlot,
    InstructorCreate,
    InstructorFields,
    InstructorPage,
    InstructorRead,
    InstructorUpdate,
    TimeOffAdded,
    TimeOffCreate,
)

REQUIRED = {"first_name", "last_name", "di_licence_number", "di_licence_expiry"}


def di_licence_valid_on(instructor: Instructor, day: date) -> bool:
    return instructor.active and instructor.di_licence_expiry >= day


def find_instructor(s: Session, instructor_id: int) -> Instructor | None:
    return InstructorRepository(s).get(instructor_id)


def load_instructor(s: Session, instructor_id: int) -> Instructor:
    return InstructorRepository(s).load(instructor_id)


def licensed_instructors(s: Session, day: date) -> list[Instructor]:
    """For the certification feature: the active instructors whose DI licence is valid on `day`."""
    return InstructorRepository(s).licensed_on(day)


def in_car_instructor_ids(s: Session) -> list[int]:
    """For finding a lesson slot: the ids of the active instructors authorised for in-car, by id. (Ids only:
    a search loads an instructor, hours and time off, only once it reaches them.)"""
    return InstructorRepository(s).in_car_ids()


def time_off_during(s: Session, instructor_id: int, start: datetime, end: datetime) -> InstructorTimeOff | None:
    """For other features' services: recorded time off that overlaps [start, end), if any."""
    return InstructorRepository(s).first_time_off(instructor_id, start, end)


@dataclass(frozen=True)
class LessonTaught:
    """An in-car lesson that holds the instructor, as the classroom rules name it."""

    lesson_id: int
    student_name: str
    starts_at: datetime
    ends_at: datetime


def lesson_taught_during(s: Session, instructor_id: int, start: datetime, end: datetime) -> LessonTaught | None:
    """For the classroom rules: an in-car lesson the instructor teaches that overlaps [start, end), if any."""
    row = InstructorRepository(s).first_lesson(instructor_id, start, end)
    if row is None:
        return None
    lesson, first, last = row
    return LessonTaught(lesson.id, f"{first} {last}", lesson.starts_at, lesson.ends_at)


def _lessons_during(s: Session, instructor_id: int, start: datetime, end: datetime) -> list[AffectedLesson]:
    rows = InstructorRepository(s).scheduled_lessons_during(instructor_id, start, end)
    if not rows:
        return []
    tz = zone(load_settings(s))
    return [
        AffectedLesson(
            lesson_id=lesson.id,
            student_name=f"{first} {last}",
            starts_at=lesson.starts_at,
            local_starts_at=lesson.starts_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
        )
        for lesson, first, last in rows
    ]


def di_licence_key(number: str) -> str:
    """A DI licence number as an import compares it: "ab-1234 5" and "AB12345" are one licence."""
    return re.sub(r"[^0-9A-Z]", "", number.upper())


def _slots(slots: list[AvailabilitySlot]) -> list[InstructorAvailability]:
    return [InstructorAvailability(**slot.model_dump()) for slot in slots]


class InstructorService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, include_inactive: bool) -> InstructorPage:
        def fn(s: Session) -> InstructorPage:
            rows, total = InstructorRepository(s).listed(include_inactive)
            return InstructorPage(items=[InstructorRead.model_validate(r) for r in rows], total=total)

        return self.db.read(fn)

    def get(self, instructor_id: int) -> InstructorRead:
        return self.db.read(lambda s: InstructorRead.model_validate(load_instructor(s, instructor_id)))

    def create(self, data: InstructorCreate) -> InstructorRead:
        def fn(s: Session) -> InstructorRead:
            row = Instructor(**data.model_dump(exclude={"availability"}))
            row.availability = _slots(data.availability)
            s.add(row)
            s.flush()
            return InstructorRead.model_validate(row)

        return self.db.write(fn)

    def import_many(
        self, rows: Sequence[tuple[int, InstructorFields]], source: str, progress: RowsDone = no_progress
    ) -> ImportOutcome:
        """Creates the rows in one transaction, skipping an instructor already on file (the same DI licence
        number), so an import run twice adds nobody the second time. One user action, one audit entry.
        Two desks importing at once take turns (the import lock), so the second finds the first's rows."""

        def fn(s: Session) -> ImportOutcome:
            lock_resources(s, [(Resource.IMPORT, ImportLock.INSTRUCTORS)])
            on_file = {di_licence_key(n) for n in InstructorRepository(s).di_licence_numbers()}
            outcome = ImportOutcome()
            progress(0, len(rows))
            for done, (_, data) in enumerate(rows, start=1):
                if done % CHUNK == 0:
                    s.flush()
                    progress(done, len(rows))
                key = di_licence_key(data.di_licence_number)
                if key in on_file:
                    outcome.already_on_file += 1
                    continue
                row = Instructor(**data.model_dump())
                s.add(row)
                if outcome.imported == 0:
                    audit.primary(s, row, "import", f"Imported from {source}")
                on_file.add(key)
                outcome.imported += 1
            s.flush()
            progress(len(rows), len(rows))
            return outcome

        return self.db.write(fn)

    def update(self, instructor_id: int, data: InstructorUpdate) -> InstructorRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k not in {"version", "availability"}}
        for name in REQUIRED & changes.keys():
            if changes[name] is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        def fn(s: Session) -> InstructorRead:
            row = load_instructor(s, instructor_id)
            check_version(row.version, data.version, InstructorVersionConflict, instructor_id=instructor_id)
            apply_changes(row, changes)
            if data.availability is not None:
                row.availability = _slots(data.availability)
                # The instructor row changes too, so its version bumps with its availability.
                row.updated_at = utcnow()
            s.flush()
            return InstructorRead.model_validate(row)

        return guard_stale(lambda: self.db.write(fn), InstructorVersionConflict, instructor_id=instructor_id)

    def add_time_off(self, instructor_id: int, data: TimeOffCreate) -> TimeOffAdded:
        def fn(s: Session) -> TimeOffAdded:
            row = load_instructor(s, instructor_id)
            row.time_off.append(InstructorTimeOff(**data.model_dump()))
            s.flush()
            affected = _lessons_during(s, instructor_id, data.starts_at, data.ends_at)
            return TimeOffAdded(**InstructorRead.model_validate(row).model_dump(), affected_lessons=affected)

        return self.db.write(fn)

    def remove_time_off(self, instructor_id: int, time_off_id: int) -> InstructorRead:
        def fn(s: Session) -> InstructorRead:
            row = load_instructor(s, instructor_id)
            match = next((t for t in row.time_off if t.id == time_off_id), None)
            if match is None:
                raise TimeOffNotFound(details={"instructor_id": instructor_id, "time_off_id": time_off_id})
            row.time_off.remove(match)
            s.flush()
            return InstructorRead.model_validate(row)

        return self.db.write(fn)
