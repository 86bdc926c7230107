"""The queries of the instructors aggregate: instructors, their weekly availability and time off."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from odsm.core.repository import Repository, overlaps
from odsm.models import Instructor, InstructorTimeOff

from .errors import InstructorNotFound


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
