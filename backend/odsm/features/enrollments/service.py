"""Enrollments: a student on a course, the hours ledger against its requirements, the final result."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.core.errors import ValidationFailed
from odsm.core.resource_lock_repository import Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import check_version, guard_stale
from odsm.features.billing.service import invoice_enrolment
from odsm.features.courses.errors import CourseInactive
from odsm.features.courses.service import load_course
from odsm.features.school.clock import local_today
from odsm.features.school.service import load_settings
from odsm.features.students.service import load_student
from odsm.models import Enrollment, EnrollmentResult, EnrollmentStatus, HoursCategory, HoursSource

from . import ledger
from . import repository as repo
from .errors import EnrollmentVersionConflict
from .ledger import CATEGORIES, credited, load_enrollment, requirements
from .repository import SQL, required_sql, running_total
from .requirements import PYTHON, ReadyFacts, hours_met, ready_checks
from .schemas import (
    CorrectionAdd,
    EnrollmentCreate,
    EnrollmentDetail,
    EnrollmentPage,
    EnrollmentRead,
    HoursAdd,
    HoursTotal,
    LedgerEntryRead,
    ResultRecord,
)

# For the certification worklist: the one definition of hours required and ready to certify, as Python
# values and as SQL over the running totals, and the enrollment it locks once certified.
__all__ = [
    "CATEGORIES",
    "PYTHON",
    "SQL",
    "EnrollmentService",
    "EnrollmentStatus",
    "ReadyFacts",
    "credited",
    "enrollment_detail",
    "hours_met",
    "hours_total_fields",
    "hours_totals",
    "load_enrollment",
    "ready_checks",
    "required_sql",
    "requirements",
    "running_total",
]


def _reads(s: Session, rows: list[Enrollment]) -> list[EnrollmentRead]:
    settings = load_settings(s)
    out = []
    for row in rows:
        course = load_course(s, row.course_id)
        read = EnrollmentRead.model_validate(row)
        read.course_name, read.course_kind = course.name, course.kind  # type: ignore[assignment]
        read.totals = hours_totals(ledger.requirements(course, settings), ledger.credited(row))
        out.append(read)
    return out


def hours_total_fields(required: dict[str, int], credited: dict[str, int]) -> list[dict[str, Any]]:
    """Required, credited and remaining minutes per category, as the fields of HoursTotal: the enrollment view
    and the worklist share it (the worklist validates its rows all at once)."""
    return [
        {
            "category": c,
            "required_minutes": required[c],
            "credited_minutes": credited[c],
            "remaining_minutes": max(0, required[c] - credited[c]),
        }
        for c in ledger.CATEGORIES
    ]


def hours_totals(required: dict[str, int], credited: dict[str, int]) -> list[HoursTotal]:
    return [HoursTotal.model_validate(fields) for fields in hours_total_fields(required, credited)]


def enrollment_detail(s: Session, row: Enrollment) -> EnrollmentDetail:
    [read] = _reads(s, [row])
    entries = s.scalars(repo.ledger_entries(row.id)).all()
    return EnrollmentDetail(**read.model_dump(), ledger=[LedgerEntryRead.model_validate(e) for e in entries])


class EnrollmentService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, student_id: int) -> EnrollmentPage:
        def fn(s: Session) -> EnrollmentPage:
            rows = list(s.scalars(repo.for_student(student_id)).all())
            return EnrollmentPage(items=_reads(s, rows), total=len(rows))

        return self.db.read(fn)

    def get(self, enrollment_id: int) -> EnrollmentDetail:
        return self.db.read(lambda s: enrollment_detail(s, ledger.load_enrollment(s, enrollment_id)))

    def create(self, data: EnrollmentCreate) -> EnrollmentDetail:
        def fn(s: Session) -> EnrollmentDetail:
            student = load_student(s, data.student_id)
            course = load_course(s, data.course_id)
            if not course.active:
                raise CourseInactive(details={"course_id": course.id})
            row = Enrollment(
                student_id=student.id,
                course_id=course.id,
                enrolled_on=data.enrolled_on or local_today(load_settings(s)),
            )
            s.add(row)
            s.flush()
            invoice_enrolment(s, student.id, row.id, course.name, course.price_cents, course.tax_rate_basis_points)
            return enrollment_detail(s, row)

        return self.db.write(fn)

    def record_result(self, enrollment_id: int, data: ResultRecord) -> EnrollmentDetail:
        def fn(s: Session) -> EnrollmentDetail:
            row = ledger.load_enrollment(s, enrollment_id)
            check_version(row.version, data.version, EnrollmentVersionConflict, enrollment_id=enrollment_id)
            ledger.ensure_open(row)
            # Settings first: a query between the two changes would autoflush the first alone, and the
            # write would leave two audit entries instead of one.
            pass_mark = load_settings(s).pass_mark_percent
            row.final_mark_percent = data.final_mark_percent
            passed = data.final_mark_percent >= pass_mark
            row.result = EnrollmentResult.PASS if passed else EnrollmentResult.FAIL
            audit.note(s, row, "record_result")
            s.flush()
            return enrollment_detail(s, row)

        return guard_stale(lambda: self.db.write(fn), EnrollmentVersionConflict, enrollment_id=enrollment_id)

    def add_hours(self, enrollment_id: int, data: HoursAdd) -> EnrollmentDetail:
        def fn(s: Session) -> EnrollmentDetail:
            lock_resources(s, [(Resource.ENROLLMENT, enrollment_id)])  # certification reads these hours
            row = ledger.load_enrollment(s, enrollment_id)
            ledger.ensure_open(row)
            if data.occurred_on > local_today(load_settings(s)):
                raise ValidationFailed.for_field("occurred_on", "not_future", "Hours cannot be recorded ahead.")
            ledger.credit(
                s, row, HoursCategory.FLEX, data.minutes, data.occurred_on, HoursSource.HOMELINK, reason=data.reason
            )
            return enrollment_detail(s, row)

        return self.db.write(fn)

    def add_correction(self, enrollment_id: int, data: CorrectionAdd) -> EnrollmentDetail:
        """Allowed on certified enrollments too: a correction is a new, audited entry, never an edit."""

        def fn(s: Session) -> EnrollmentDetail:
            lock_resources(s, [(Resource.ENROLLMENT, enrollment_id)])  # certification reads these hours
            row = ledger.load_enrollment(s, enrollment_id)
            occurred_on = data.occurred_on or local_today(load_settings(s))
            reason = data.reason
            source = HoursSource.CORRECTION
            ledger.credit(s, row, data.category, data.minutes, occurred_on, source, None, reason, "correction")
            return enrollment_detail(s, row)

        return self.db.write(fn)
