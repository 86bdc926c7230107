"""The queries of the instructors aggregate: instructors, their weekly availability and time off."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import Row, Select, select

from odsm.core.repository import RetirableRepository, overlaps
from odsm.models import Instructor, InstructorTimeOff, Lesson, LessonStatus, Student

from .errors import InstructorNotFound

# The lessons feature's rules, which this feature cannot import (lessons imports instructors): a lesson
# lasts at most a day, so an overlap query scans the (instructor, starts_at) index over the span and a day
# before it, not the instructor's whole past; and a scheduled or completed lesson holds its slot.
LONGEST_LESSON = timedelta(days=1)
LESSON_HOLDS_SLOT = (LessonStatus.SCHEDULED, LessonStatus.COMPLETED)


class InstructorRepository(RetirableRepository[Instructor]):
    model = Instructor
    not_found = InstructorNotFound
    id_name = "instructor_id"
    listing_order = (Instructor.last_name, Instructor.first_name)

    def in_car_ids(self) -> list[int]:
        stmt = select(Instructor.id).where(Instructor.active.is_(True), Instructor.authorised_in_car.is_(True))
        return list(self.session.scalars(stmt.order_by(Instructor.id)))

    def licensed_on(self, day: date) -> list[Instructor]:
        """The active instructors whose DI licence is valid on `day`, by name."""
        stmt = select(Instructor).where(Instructor.active.is_(True), Instructor.di_licence_expiry >= day)
        return list(self.session.scalars(stmt.order_by(*self.listing_order, Instructor.id)))

    def di_licence_numbers(self) -> list[str]:
        """Every instructor's DI licence number: what an import matches its rows against."""
        return list(self.session.scalars(select(Instructor.di_licence_number)))

    def first_time_off(self, instructor_id: int, start: datetime, end: datetime) -> InstructorTimeOff | None:
        """Any recorded time off of the instructor's that overlaps [start, end)."""
        return self.session.scalars(
            select(InstructorTimeOff)
            .where(
                InstructorTimeOff.instructor_id == instructor_id,
                overlaps(InstructorTimeOff.starts_at, InstructorTimeOff.ends_at, start, end),
            )
            .limit(1)
        ).first()

    def _lessons_with_student(self, instructor_id: int, start: datetime, end: datetime) -> Select[Lesson, str, str]:
        return (
            select(Lesson, Student.first_name, Student.last_name)
            .join(Student, Student.id == Lesson.student_id)
            .where(
                Lesson.instructor_id == instructor_id,
                overlaps(Lesson.starts_at, Lesson.ends_at, start, end, longest=LONGEST_LESSON),
            )
        )

    def first_lesson(self, instructor_id: int, start: datetime, end: datetime) -> Row[Lesson, str, str] | None:
        """An in-car lesson of the instructor's overlapping [start, end), with its student's name (range scan
        on the lessons' (instructor, starts_at) index). Here rather than in lessons: the classroom rules
        ask it, and classroom may not import lessons, which imports classroom."""
        stmt = self._lessons_with_student(instructor_id, start, end).where(Lesson.status.in_(LESSON_HOLDS_SLOT))
        return self.session.execute(stmt.limit(1)).first()

    def scheduled_lessons_during(
        self, instructor_id: int, start: datetime, end: datetime
    ) -> Sequence[Row[Lesson, str, str]]:
        """The instructor's scheduled lessons overlapping [start, end), with the student's names, earliest first."""
        stmt = self._lessons_with_student(instructor_id, start, end).where(Lesson.status == LessonStatus.SCHEDULED)
        return self.session.execute(stmt.order_by(Lesson.starts_at, Lesson.id)).all()
