"""The enrollments' queries: the enrollment, its hours ledger and the running totals kept from it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select, update
from sqlalchemy.orm import Session

from odsm.models import TOTAL_COLUMNS, Course, Enrollment, EnrollmentStatus, HoursEntry, SchoolSettings

from .requirements import CATEGORIES, Ops, required_minutes

# The requirement rules of requirements.py, built as SQL column expressions.
SQL = Ops(
    when=lambda cond, then, other: case((cond, then), else_=other),
    greatest=lambda a, b: case((a > b, a), else_=b),
    present=lambda column: column.is_not(None),
)


def required_sql(settings: SchoolSettings, category: str) -> ColumnElement[int]:
    """Hours required of a row joined to its course. The requirement is the course's (with the school's
    BDE floor), so this expression reads the courses table: the caller joins it."""
    own = getattr(Course, f"{category}_minutes")
    expression: ColumnElement[int] = required_minutes(SQL, Course.kind, own, settings, category)
    return expression


def running_total(category: str, suffix: str = "") -> Any:
    return getattr(Enrollment, f"{category}_minutes{suffix}")


def get(s: Session, enrollment_id: int) -> Enrollment | None:
    return s.get(Enrollment, enrollment_id)


def for_student(student_id: int) -> Select[Enrollment]:
    return (
        select(Enrollment)
        .where(Enrollment.student_id == student_id)
        .order_by(Enrollment.enrolled_on.desc(), Enrollment.id.desc())
    )


def bde_enrollments_newest_active_first(student_ids: Iterable[int]) -> Select[Enrollment, Course]:
    """The students' BDE enrollments with their course, each student's active ones first, newest first."""
    return (
        select(Enrollment, Course)
        .join(Course, Course.id == Enrollment.course_id)
        .where(Enrollment.student_id.in_(list(student_ids)), Course.kind == "bde")
        .order_by(Enrollment.status != "active", Enrollment.id.desc())
    )


def open_with_first_class(s: Session) -> list[Enrollment]:
    """Active enrollments with a deadline to follow (the status index narrows them)."""
    stmt = select(Enrollment).where(
        Enrollment.status == EnrollmentStatus.ACTIVE, Enrollment.first_class_date.is_not(None)
    )
    return list(s.scalars(stmt))


def ledger_entries(enrollment_id: int) -> Select[HoursEntry]:
    return (
        select(HoursEntry)
        .where(HoursEntry.enrollment_id == enrollment_id)
        .order_by(HoursEntry.occurred_on, HoursEntry.id)
    )


def refresh_totals(s: Session, enrollment: Enrollment) -> None:
    """Recomputes the enrollment's running totals from its ledger (one indexed, grouped query).

    A bulk UPDATE: derived columns neither bump the version a user is editing against nor make an
    audit entry (the ledger entry that caused them is audited).
    """
    minutes = HoursEntry.minutes
    on_time = (
        func.sum(case((HoursEntry.occurred_on <= enrollment.deadline, minutes), else_=0))
        if enrollment.deadline is not None
        else func.sum(minutes)
    )
    rows = s.execute(
        select(HoursEntry.category, func.sum(minutes), on_time)
        .where(HoursEntry.enrollment_id == enrollment.id)
        .group_by(HoursEntry.category)
    ).all()
    values = dict.fromkeys(TOTAL_COLUMNS, 0)
    for category, total, by_deadline in rows:
        values[f"{category}_minutes"] = int(total or 0)
        values[f"{category}_minutes_on_time"] = int(by_deadline or 0)
    s.execute(
        update(Enrollment)
        .where(Enrollment.id == enrollment.id)
        .values(**values)
        .execution_options(synchronize_session="fetch")
    )


def running_totals(s: Session, enrollment_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Credited minutes per category, read from the running totals (one primary-key IN query)."""
    ids = list(enrollment_ids)
    if not ids:
        return {}
    columns = [running_total(c) for c in CATEGORIES]
    rows = s.execute(select(Enrollment.id, *columns).where(Enrollment.id.in_(ids))).all()
    return {row[0]: dict(zip(CATEGORIES, (int(v) for v in row[1:]), strict=True)) for row in rows}
