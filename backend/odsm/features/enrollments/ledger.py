"""The hours ledger, for every feature that credits hours: classroom attendance, lessons, home-link, corrections.

Other features call these inside their own unit of work; they never write the ledger table themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.features.school.service import load_settings
from odsm.models import Enrollment, EnrollmentStatus, HoursEntry, HoursSource

from . import repository as repo
from .deadline import deadline_for
from .errors import EnrollmentLocked, EnrollmentNotFound, EnrollmentWithdrawn
from .requirements import CATEGORIES, required_for_course

if TYPE_CHECKING:
    from odsm.models import Course, SchoolSettings

__all__ = ["CATEGORIES", "credit", "ensure_open", "load_enrollment", "requirements", "totals"]

# Sources that date the first class (home-link work and corrections do not).
FIRST_CLASS_SOURCES = frozenset({HoursSource.CLASSROOM_SESSION, HoursSource.LESSON})


def load_enrollment(s: Session, enrollment_id: int) -> Enrollment:
    row = repo.get(s, enrollment_id)
    if row is None:
        raise EnrollmentNotFound(details={"enrollment_id": enrollment_id})
    return row


def ensure_open(enrollment: Enrollment) -> None:
    """Certified records are locked; a withdrawn enrollment takes no new records either."""
    if enrollment.status == EnrollmentStatus.CERTIFIED:
        raise EnrollmentLocked(
            details={
                "rule": "certified_records_locked",
                "enrollment_id": enrollment.id,
                "certified_on": enrollment.certified_on.isoformat() if enrollment.certified_on else None,
            }
        )
    if enrollment.status == EnrollmentStatus.WITHDRAWN:
        raise EnrollmentWithdrawn(details={"enrollment_id": enrollment.id})


def requirements(course: Course, settings: SchoolSettings) -> dict[str, int]:
    """Minutes required per category (the one definition lives in requirements.py)."""
    own = {c: getattr(course, f"{c}_minutes") for c in CATEGORIES}
    return required_for_course(course.kind, own, settings)


def credit(
    s: Session,
    enrollment: Enrollment,
    category: str,
    minutes: int,
    occurred_on: date,
    source: str,
    source_id: int | None = None,
    reason: str | None = None,
    audit_action: str | None = None,
) -> HoursEntry:
    entry = HoursEntry(
        enrollment_id=enrollment.id,
        student_id=enrollment.student_id,
        category=category,
        minutes=minutes,
        occurred_on=occurred_on,
        source=source,
        source_id=source_id,
        reason=reason,
    )
    s.add(entry)
    if audit_action is not None:
        audit.note(s, entry, audit_action, reason)
    if source in FIRST_CLASS_SOURCES and minutes > 0:
        first = enrollment.first_class_date
        if first is None or occurred_on < first:
            enrollment.first_class_date = occurred_on
            enrollment.deadline = deadline_for(occurred_on, load_settings(s))
    s.flush()
    # The running totals are the one source of credited hours: the enrollment view, the day sheet and
    # the certification worklist all read them, so they are recomputed from the ledger on every entry.
    repo.refresh_totals(s, enrollment)
    return entry


def credited(enrollment: Enrollment) -> dict[str, int]:
    """Credited minutes per category: the running totals on an enrollment already loaded."""
    return {c: int(getattr(enrollment, f"{c}_minutes")) for c in CATEGORIES}


def totals(s: Session, enrollment_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Credited minutes per category for each enrollment, from the running totals."""
    ids = list(enrollment_ids)
    return {i: dict.fromkeys(CATEGORIES, 0) for i in ids} | repo.running_totals(s, ids)


def bde_in_car_standing(s: Session, student_ids: Iterable[int]) -> dict[int, tuple[int, int, int]]:
    """For the day sheet: each student's current BDE enrollment (the newest active one, else the newest),
    as (enrollment id, credited in-car minutes, required in-car minutes)."""
    current: dict[int, tuple[Enrollment, Course]] = {}
    for enrollment, course in s.execute(repo.bde_enrollments_newest_active_first(student_ids)):
        current.setdefault(enrollment.student_id, (enrollment, course))
    settings = load_settings(s)
    return {
        student_id: (e.id, credited(e)["in_car"], requirements(course, settings)["in_car"])
        for student_id, (e, course) in current.items()
    }
