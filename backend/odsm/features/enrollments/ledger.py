"""The hours ledger, for every feature that credits hours: classroom attendance, lessons, home-link, corrections.

Other features call these inside their own unit of work; they never write the ledger table themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.features.school.service import load_settings
from odsm.models import TOTAL_COLUMNS, Course, Enrollment, HoursEntry, SchoolSettings

from .errors import EnrollmentLocked, EnrollmentNotFound, EnrollmentWithdrawn

CATEGORIES = ("classroom", "in_car", "flex")
# Sources that date the first class (home-link work and corrections do not).
FIRST_CLASS_SOURCES = frozenset({"classroom_session", "lesson"})


def load_enrollment(s: Session, enrollment_id: int) -> Enrollment:
    row = s.get(Enrollment, enrollment_id)
    if row is None:
        raise EnrollmentNotFound(details={"enrollment_id": enrollment_id})
    return row


def ensure_open(enrollment: Enrollment) -> None:
    """Certified records are locked; a withdrawn enrollment takes no new records either."""
    if enrollment.status == "certified":
        raise EnrollmentLocked(
            details={
                "rule": "certified_records_locked",
                "enrollment_id": enrollment.id,
                "certified_on": enrollment.certified_on.isoformat() if enrollment.certified_on else None,
            }
        )
    if enrollment.status == "withdrawn":
        raise EnrollmentWithdrawn(details={"enrollment_id": enrollment.id})


def requirements(course: Course, settings: SchoolSettings) -> dict[str, int]:
    """A BDE course never asks for less than the school's BDE settings; a package asks what it says."""
    own = {"classroom": course.classroom_minutes, "in_car": course.in_car_minutes, "flex": course.flex_minutes}
    if course.kind != "bde":
        return own
    floor = {
        "classroom": settings.bde_classroom_minutes,
        "in_car": settings.bde_in_car_minutes,
        "flex": settings.bde_flex_minutes,
    }
    return {c: max(own[c], floor[c]) for c in CATEGORIES}


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
            enrollment.deadline = occurred_on + timedelta(days=load_settings(s).completion_deadline_days)
    s.flush()
    refresh_totals(s, enrollment)
    return entry


def refresh_totals(s: Session, enrollment: Enrollment) -> None:
    """Recomputes the enrollment's running totals from its ledger (one indexed, grouped query).

    A bulk UPDATE: derived columns neither bump the version a user is editing against nor make an
    audit entry (the ledger entry that caused them is audited).
    """
    rows = s.execute(
        select(
            HoursEntry.category,
            func.sum(HoursEntry.minutes),
            func.sum(case((HoursEntry.occurred_on <= enrollment.deadline, HoursEntry.minutes), else_=0))
            if enrollment.deadline is not None
            else func.sum(HoursEntry.minutes),
        )
        .where(HoursEntry.enrollment_id == enrollment.id)
        .group_by(HoursEntry.category)
    ).all()
    values = dict.fromkeys(TOTAL_COLUMNS, 0)
    for category, total, on_time in rows:
        values[f"{category}_minutes"] = int(total or 0)
        values[f"{category}_minutes_on_time"] = int(on_time or 0)
    s.execute(
        update(Enrollment)
        .where(Enrollment.id == enrollment.id)
        .values(**values)
        .execution_options(synchronize_session="fetch")
    )


def totals(s: Session, enrollment_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Credited minutes per category for each enrollment, summed in SQL."""
    ids = list(enrollment_ids)
    out: dict[int, dict[str, int]] = {i: dict.fromkeys(CATEGORIES, 0) for i in ids}
    if not ids:
        return out
    rows = s.execute(
        select(HoursEntry.enrollment_id, HoursEntry.category, func.sum(HoursEntry.minutes))
        .where(HoursEntry.enrollment_id.in_(ids))
        .group_by(HoursEntry.enrollment_id, HoursEntry.category)
    ).all()
    for enrollment_id, category, minutes in rows:
        out[enrollment_id][category] = int(minutes or 0)
    return out


def bde_in_car_standing(s: Session, student_ids: Iterable[int]) -> dict[int, tuple[int, int, int]]:
    """For the day sheet: each student's current BDE enrollment (the newest active one, else the newest),
    as (enrollment id, credited in-car minutes, required in-car minutes)."""
    rows = s.execute(
        select(Enrollment, Course)
        .join(Course, Course.id == Enrollment.course_id)
        .where(Enrollment.student_id.in_(list(student_ids)), Course.kind == "bde")
        .order_by(Enrollment.status != "active", Enrollment.id.desc())
    ).all()
    current: dict[int, tuple[Enrollment, Course]] = {}
    for enrollment, course in rows:
        current.setdefault(enrollment.student_id, (enrollment, course))
    settings = load_settings(s)
    credited = totals(s, [e.id for e, _ in current.values()])
    return {
        student_id: (e.id, credited[e.id]["in_car"], requirements(course, settings)["in_car"])
        for student_id, (e, course) in current.items()
    }
