"""The queries of the instructors aggregate: instructors, their weekly availability and time off."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Row, select

from odsm.core.repository import Repository, overlaps
from odsm.models import Instructor, InstructorTimeOff, Lesson, LessonStatus, Student

from .errors import InstructorNotFound

# A lesson lasts at most a day (the lessons' schema bounds it): the overlap query then scans the
# (instructor, starts_at) index over the time off and a day before it, not the instructor's whole past.
LONGEST_LESSON = timedelta(days=1)


class InstructorRepository(Repository[Instructor]):
    model = Instructor

    def load(self, instructor_id: int) -> Instructor:
        return self.get_or_raise(instructor_id, InstructorNotFound, "instructor_id")

    def listed(self, include_inactive: bool) -> tuple[Sequence[Instructor], int]:
        stmt = select(Instructor)
        if not include_inactive:
            stmt = stmt.where(Instructor.active.is_(True))
        return self.rows_and_total(stmt, Instructor.last_name, Instructor.first_name)

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

    def scheduled_lessons_during(
        self, instructor_id: int, start: datetime, end: datetime
    ) -> Sequence[Row[Lesson, str, str]]:
        """The instructor's scheduled lessons overlapping [start, end), with the student's names, earliest first."""
        return self.session.execute(
            select(Lesson, Student.first_name, Student.last_name)
            .join(Student, Student.id == Lesson.student_id)
            .where(
                Lesson.instructor_id == instructor_id,
                Lesson.status == LessonStatus.SCHEDULED,
                overlaps(Lesson.starts_at, Lesson.ends_at, start, end, longest=LONGEST_LESSON),
            )
            .order_by(Lesson.starts_at, Lesson.id)
        ).all()
