"""The rows an instructor's schedule file is made of: lessons that hold their slot and the classes they
teach, with the names they are shown with. Range reads on (instructor, starts_at)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from odsm.models import ClassroomSession, Instructor, Lesson, LessonStatus, Student, Vehicle

# A lesson or a class lasts at most a day, so a range read is bounded on both sides of starts_at.
LONGEST = timedelta(days=1)
ON_SCHEDULE = (LessonStatus.SCHEDULED, LessonStatus.COMPLETED)


def is_completed(lesson: Lesson) -> bool:
    return lesson.status == LessonStatus.COMPLETED


def instructor(s: Session, instructor_id: int) -> Instructor | None:
    return s.get(Instructor, instructor_id)


def lessons(s: Session, instructor_id: int, start: datetime, end: datetime) -> Sequence[Row[Lesson, str, str, str]]:
    stmt = (
        select(Lesson, Student.first_name, Student.last_name, Vehicle.plate)
        .join(Student, Student.id == Lesson.student_id)
        .join(Vehicle, Vehicle.id == Lesson.vehicle_id)
        .where(
            Lesson.instructor_id == instructor_id,
            Lesson.starts_at >= start - LONGEST,
            Lesson.starts_at < end,
            Lesson.ends_at > start,
            Lesson.status.in_(ON_SCHEDULE),
        )
        .order_by(Lesson.starts_at, Lesson.id)
    )
    return s.execute(stmt).all()


def classes(s: Session, instructor_id: int, start: datetime, end: datetime) -> Sequence[ClassroomSession]:
    stmt = (
        select(ClassroomSession)
        .where(
            ClassroomSession.instructor_id == instructor_id,
            ClassroomSession.starts_at >= start - LONGEST,
            ClassroomSession.starts_at < end,
            ClassroomSession.ends_at > start,
        )
        .order_by(ClassroomSession.starts_at, ClassroomSession.id)
    )
    return s.scalars(stmt).all()
