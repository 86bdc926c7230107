"""The reads behind Home's "needs attention": Core statements on one connection, nothing changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, func, or_, select

from odsm.models import Instructor, Lesson, LessonStatus, Student, Vehicle

lessons, students = Lesson.__table__, Student.__table__
instructors, vehicles = Instructor.__table__, Vehicle.__table__


def _count(conn: Connection, where: ColumnElement[bool], table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(where)).scalar_one())


def _unfinished(now: datetime) -> ColumnElement[bool]:
    return (lessons.c.status == LessonStatus.SCHEDULED) & (lessons.c.ends_at < now)


def unfinished_lessons(conn: Connection, now: datetime, limit: int) -> tuple[Sequence[Row[Any]], int]:
    """Lessons whose end has passed while they are still only scheduled: neither completed nor cancelled."""
    stmt: Select[Any] = (
        select(
            lessons.c.id,
            lessons.c.starts_at,
            lessons.c.ends_at,
            lessons.c.student_id,
            (students.c.first_name + " " + students.c.last_name).label("student_name"),
            (instructors.c.first_name + " " + instructors.c.last_name).label("instructor_name"),
            vehicles.c.plate.label("vehicle_plate"),
        )
        .join(students, students.c.id == lessons.c.student_id)
        .join(instructors, instructors.c.id == lessons.c.instructor_id)
        .join(vehicles, vehicles.c.id == lessons.c.vehicle_id)
        .where(_unfinished(now))
        .order_by(lessons.c.starts_at, lessons.c.id)
        .limit(limit)
    )
    return conn.execute(stmt).all(), _count(conn, _unfinished(now), lessons)


# (id, name, date_of_birth) of each student, and how many there are in all.
StudentRows = tuple[Sequence[Row[Any, Any, Any]], int]


def _student_rows(conn: Connection, where: ColumnElement[bool], limit: int) -> StudentRows:
    current = where & students.c.archived_at.is_(None)
    stmt = (
        select(
            students.c.id,
            (students.c.first_name + " " + students.c.last_name).label("name"),
            students.c.date_of_birth,
        )
        .where(current)
        .order_by(students.c.last_name, students.c.first_name, students.c.id)
        .limit(limit)
    )
    return conn.execute(stmt).all(), _count(conn, current, students)


def students_without_consent(conn: Connection, limit: int) -> StudentRows:
    """Current students with no consent on file to share with MTO, IBC and the course inspector."""
    return _student_rows(conn, students.c.consent_at.is_(None), limit)


def minors_without_guardian(conn: Connection, born_after: date, limit: int) -> StudentRows:
    """Current students born after `born_after` (under 18 today) with no guardian's name on file."""
    no_guardian = or_(students.c.guardian_name.is_(None), func.trim(students.c.guardian_name) == "")
    return _student_rows(conn, (students.c.date_of_birth > born_after) & no_guardian, limit)
