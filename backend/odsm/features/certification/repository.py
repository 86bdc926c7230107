"""The certification worklist's queries.

They join other aggregates' tables (courses, students, instructors, lessons) inside one query on purpose:
the worklist must stay one indexed pass over the enrollments' running totals (the large-database bench
holds it near 155 ms against a 200 ms target), and going through each feature's service would cost a
query per row. They only read; every write still goes through the owning feature's service.
They are Core statements on a connection (the worklist's `Database.query`, or the certify command's own
transaction): rows, never entities, so no identity map is built for a read that changes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Connection, Row, Select, Table, and_, func, or_, select

from odsm.features.enrollments.service import (
    CATEGORIES,
    SQL,
    ReadyFacts,
    hours_met,
    ready_checks,
    required_sql,
    running_total,
)
from odsm.models import Course, CourseKind, Enrollment, EnrollmentStatus, Instructor, Lesson, SchoolSettings, Student

# The lessons feature's status for a lesson taught (its model keeps it as a plain string).
COMPLETED = "completed"
# The school settings' one row (the school feature creates it on first read).
SETTINGS_ID = 1

_settings, _courses, _instructors = (cast(Table, m.__table__) for m in (SchoolSettings, Course, Instructor))


def settings_of(conn: Connection) -> SchoolSettings | None:
    """The school settings, read as a row into a detached object that no session tracks (None before the
    school feature first created them): the worklist's rules read them as they read the entity."""
    row = conn.execute(select(_settings).where(_settings.c.id == SETTINGS_ID)).first()
    return None if row is None else SchoolSettings(**row._mapping)


def _required(settings: SchoolSettings) -> dict[str, ColumnElement[int]]:
    return {c: required_sql(settings, c) for c in CATEGORIES}


def _totals(suffix: str = "") -> dict[str, Any]:
    return {c: running_total(c, suffix) for c in CATEGORIES}


def lapsed_instructor_ids(conn: Connection, today: date) -> list[int]:
    """Instructors whose DI licence has lapsed today: a handful, so an IN list stays short.

    Only the licence counts (DOMAIN.md): an instructor who left the school with a valid licence still
    taught validly, and their former students may be certified.
    """
    return list(conn.scalars(select(Instructor.id).where(Instructor.di_licence_expiry < today)))


def done_rows(
    conn: Connection, settings: SchoolSettings, lapsed_ids: list[int], narrow: list[ColumnElement[bool]]
) -> list[Row[Any]]:
    """Enrollments whose work is done (every hour credited, a pass), as `enrollment_rows` reads them, each
    with whether nothing else stops them (`nothing_else`): the hours by the deadline suffice, the student
    consented, and no lapsed instructor taught them. Ordered by deadline; one indexed query over the running
    totals.

    The lapsed instructors are looked for in the done enrollments' own lessons (a covering-index probe
    each), not in everything those instructors ever taught: the done rows are few, their lessons many."""
    required = _required(settings)
    # The work done (hours, result) picks the rows; consent, like hours by the deadline, only decides
    # ready or blocked: a student without consent is listed as blocked with the reason, not hidden.
    facts = ReadyFacts(Enrollment.status, Course.kind, Enrollment.result, Student.consent_at, _totals(), required)
    done = ready_checks(SQL, facts)
    consented = done.pop("consent")
    on_time = and_(*hours_met(_totals("_on_time"), required).values())
    nothing_else = and_(on_time, consented)
    if lapsed_ids:
        taught_by_lapsed = (
            select(Lesson.id)
            .where(
                Lesson.enrollment_id == Enrollment.id,
                Lesson.status == COMPLETED,
                Lesson.instructor_id.in_(lapsed_ids),
            )
            .exists()
        )
        nothing_else = and_(nothing_else, ~taught_by_lapsed)
    stmt = _rows().add_columns(nothing_else.label("nothing_else")).where(*done.values(), *narrow)
    return list(conn.execute(stmt.order_by(Enrollment.deadline, Enrollment.id)).all())


def short_of_hours_filter(settings: SchoolSettings) -> list[ColumnElement[bool]]:
    """Active BDE enrollments still short of credited hours."""
    required = _required(settings)
    return [
        Enrollment.status == EnrollmentStatus.ACTIVE,
        Course.kind == CourseKind.BDE,
        or_(*[running_total(c) < required[c] for c in CATEGORIES]),
    ]


def at_risk_filter(settings: SchoolSettings, today: date) -> list[ColumnElement[bool]]:
    horizon = today + timedelta(days=settings.at_risk_days)
    return [*short_of_hours_filter(settings), Enrollment.deadline >= today, Enrollment.deadline <= horizon]


def expired_filter(settings: SchoolSettings, today: date) -> list[ColumnElement[bool]]:
    """Past the deadline and still short: listed so the school can act (withdraw, or explain), never hidden."""
    return [*short_of_hours_filter(settings), Enrollment.deadline < today]


def narrowed_by(course_id: int | None, student_ids: Select[Any] | None) -> list[ColumnElement[bool]]:
    """The worklist's filters as conditions on the enrollments: a course, and students found by name (the
    students list's index range scans, as a subquery: still one statement per list, no query per row)."""
    narrow: list[ColumnElement[bool]] = []
    if course_id is not None:
        narrow.append(Enrollment.course_id == course_id)
    if student_ids is not None:
        narrow.append(Enrollment.student_id.in_(student_ids.scalar_subquery()))
    return narrow


def reference_holder(conn: Connection, mto_reference: str, enrollment_id: int) -> int | None:
    """Another enrollment already certified under this MTO reference, if any, whatever its letters' case."""
    same = func.upper(func.trim(Enrollment.mto_reference)) == mto_reference.strip().upper()
    stmt = select(Enrollment.id).where(same, Enrollment.id != enrollment_id)
    return conn.scalar(stmt.limit(1))


def with_ids(ids: list[int]) -> ColumnElement[bool]:
    return Enrollment.id.in_(ids)


def count(conn: Connection, where: list[ColumnElement[bool]]) -> int:
    stmt = select(func.count()).select_from(Enrollment).join(Course, Course.id == Enrollment.course_id).where(*where)
    return int(conn.scalar(stmt) or 0)


def courses(conn: Connection) -> dict[int, Row[Any]]:
    """Every course's row by id: a school has a handful."""
    return {c.id: c for c in conn.execute(select(_courses)).all()}


# The enrollment's columns a worklist row reads: the others are left out, as converting them (timestamps,
# dates) was a third of the time spent building the rows.
_UNREAD = {"created_at", "updated_at", "enrolled_on", "certified_on", "certified_by", "mto_reference",
           "certification_fee_cents"}  # fmt: skip
_ROW_COLUMNS = [c for c in Enrollment.__table__.c if c.name not in _UNREAD]


def enrollment_rows(conn: Connection, *where: ColumnElement[bool], limit: int | None = None) -> list[Row[Any]]:
    """The enrollments' columns (with their running totals), the student's name and consent, by deadline.

    With a limit, the page's ids are picked first from the covering (status, deadline, totals) index and
    only those rows are read: ordering whole rows read 33,000 enrollments and students to keep 500."""
    if limit is not None:
        page = (
            select(Enrollment.id)
            .join(Course, Course.id == Enrollment.course_id)
            .where(*where)
            .order_by(Enrollment.deadline, Enrollment.id)
            .limit(limit)
        )
        where = (Enrollment.id.in_(page.scalar_subquery()),)
    return list(conn.execute(_rows().where(*where).order_by(Enrollment.deadline, Enrollment.id)).all())


def _rows() -> Select[Any]:
    return (
        select(*_ROW_COLUMNS, Student.first_name, Student.last_name, Student.consent_at)
        .join(Course, Course.id == Enrollment.course_id)
        .join(Student, Student.id == Enrollment.student_id)
    )


def lapsed_teachers(conn: Connection, enrollment_ids: list[int], lapsed_ids: list[int]) -> list[Row[Any]]:
    """(enrollment id, the lapsed instructor's columns) for each completed lesson those instructors taught these
    enrollments."""
    i = _instructors.c
    return list(
        conn.execute(
            select(Lesson.enrollment_id, i.id, i.first_name, i.last_name, i.di_licence_expiry, i.active)
            .join(_instructors, i.id == Lesson.instructor_id)
            .where(
                Lesson.enrollment_id.in_(enrollment_ids),
                Lesson.status == COMPLETED,
                Lesson.instructor_id.in_(lapsed_ids),
            )
            .distinct()
        ).all()
    )
