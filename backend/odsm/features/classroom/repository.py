"""The queries of the classroom aggregate: sessions and their attendance."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Row, func, select

from odsm.core.repository import Repository, overlaps
from odsm.models import ROAD_TEST_HOLDS_TIME, Attendance, ClassroomSession, RoadTest, RosterEntry, Student

from .errors import SessionNotFound

# Sessions last at most a day (schema), so a range query can bound starts_at on both sides.
MAX_SESSION = timedelta(days=1)
# A road test holds its instructor (travel included) for well under a day, as the lessons' check assumes.
ROAD_TEST_LONGEST = timedelta(hours=24)


class ClassroomRepository(Repository[ClassroomSession]):
    model = ClassroomSession
    not_found = SessionNotFound
    id_name = "session_id"

    def between(self, start: datetime, end: datetime, instructor_id: int | None) -> Sequence[ClassroomSession]:
        stmt = select(ClassroomSession).where(
            overlaps(ClassroomSession.starts_at, ClassroomSession.ends_at, start, end, longest=MAX_SESSION)
        )
        if instructor_id is not None:
            stmt = stmt.where(ClassroomSession.instructor_id == instructor_id)
        return self.session.scalars(stmt.order_by(ClassroomSession.starts_at, ClassroomSession.id)).all()

    def first_taught(self, instructor_id: int, start: datetime, end: datetime) -> ClassroomSession | None:
        """A session the instructor teaches that overlaps [start, end) (range scan on instructor, starts_at)."""
        return self.session.scalars(
            select(ClassroomSession)
            .where(
                ClassroomSession.instructor_id == instructor_id,
                overlaps(ClassroomSession.starts_at, ClassroomSession.ends_at, start, end, longest=MAX_SESSION),
            )
            .limit(1)
        ).first()

    def first_road_test(self, instructor_id: int, start: datetime, end: datetime) -> Row[RoadTest, str, str] | None:
        """The earliest road test the instructor goes to whose hold (blocked_from to blocked_until) overlaps
        [start, end), with its student's name. Read from the road tests' table, as lessons do."""
        stmt = (
            select(RoadTest, Student.first_name, Student.last_name)
            .join(Student, Student.id == RoadTest.student_id)
            .where(
                RoadTest.instructor_id == instructor_id,
                overlaps(RoadTest.blocked_from, RoadTest.blocked_until, start, end, longest=ROAD_TEST_LONGEST),
                RoadTest.status.in_(ROAD_TEST_HOLDS_TIME),
            )
            .order_by(RoadTest.blocked_from)
            .limit(1)
        )
        return self.session.execute(stmt).first()

    def credited_minutes(
        self, student_id: int, start: datetime, end: datetime, exclude_session_id: int | None
    ) -> Sequence[Row[int, int]]:
        """(session_id, minutes) of the student's attendance in sessions starting in [start, end)."""
        stmt = (
            select(Attendance.session_id, Attendance.minutes)
            .join(ClassroomSession, ClassroomSession.id == Attendance.session_id)
            .where(
                Attendance.student_id == student_id,
                Attendance.minutes > 0,
                ClassroomSession.starts_at >= start,
                ClassroomSession.starts_at < end,
            )
        )
        if exclude_session_id is not None:
            stmt = stmt.where(Attendance.session_id != exclude_session_id)
        return self.session.execute(stmt).all()

    def attendance_with_names(self, session_ids: Sequence[int]) -> Sequence[Row[Attendance, str, str]]:
        """The attendance of these sessions, in one query, by student name. It joins the students' table
        for their names: one indexed read instead of a look-up per attendee."""
        if not session_ids:
            return []
        return self.session.execute(
            select(Attendance, Student.first_name, Student.last_name)
            .join(Student, Student.id == Attendance.student_id)
            .where(Attendance.session_id.in_(session_ids))
            .order_by(Student.last_name, Student.first_name)
        ).all()

    def attendance_of(self, session_id: int) -> dict[int, Attendance]:
        """The session's attendance by enrollment id, in one query."""
        rows = self.session.scalars(select(Attendance).where(Attendance.session_id == session_id))
        return {row.enrollment_id: row for row in rows}

    def present_counts(self, session_ids: Sequence[int]) -> dict[int, int]:
        """How many attended (minutes > 0) each of these sessions, in one grouped query."""
        if not session_ids:
            return {}
        rows = self.session.execute(
            select(Attendance.session_id, func.count())
            .where(Attendance.session_id.in_(session_ids), Attendance.minutes > 0)
            .group_by(Attendance.session_id)
        ).all()
        return {session_id: count for session_id, count in rows}

    def roster_with_names(self, session_ids: Sequence[int]) -> Sequence[Row[RosterEntry, str, str]]:
        """The rosters of these sessions, in one query, by student name."""
        if not session_ids:
            return []
        return self.session.execute(
            select(RosterEntry, Student.first_name, Student.last_name)
            .join(Student, Student.id == RosterEntry.student_id)
            .where(RosterEntry.session_id.in_(session_ids))
            .order_by(Student.last_name, Student.first_name, RosterEntry.id)
        ).all()

    def roster_of(self, session_id: int) -> dict[int, RosterEntry]:
        """The session's roster by enrollment id, in one query."""
        rows = self.session.scalars(select(RosterEntry).where(RosterEntry.session_id == session_id))
        return {row.enrollment_id: row for row in rows}
