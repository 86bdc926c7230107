"""Classroom sessions and attendance: credited minutes never exceed the session, nor the daily limit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from odsm.core.audit import primary
from odsm.core.orm import utcnow
from odsm.core.resource_lock_repository import Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import find_instructor, lesson_taught_during, load_instructor, time_off_during
from odsm.features.school.clock import day_bounds, local_date, minutes_between, zone
from odsm.features.school.service import load_settings
from odsm.features.students.service import full_name, load_student
from odsm.models import Attendance, ClassroomSession, RosterEntry

from . import roster_rules
from . import session_rules as rules
from .errors import NotOnRoster
from .repository import ClassroomRepository
from .schemas import (
    AttendanceEntry,
    AttendanceRead,
    AttendanceRecord,
    RosterChange,
    RosterRead,
    SessionCreate,
    SessionPage,
    SessionRead,
)

if TYPE_CHECKING:
    from odsm.models import SchoolSettings


def classroom_minutes_on(
    s: Session, settings: SchoolSettings, student_id: int, day: date, exclude_session_id: int | None = None
) -> tuple[int, list[int]]:
    """The student's credited classroom minutes in sessions starting that local day, and those sessions."""
    start, end = day_bounds(settings, day)
    rows = ClassroomRepository(s).credited_minutes(student_id, start, end, exclude_session_id)
    return sum(m for _, m in rows), [sid for sid, _ in rows]


def sessions_between(s: Session, start: datetime, end: datetime, instructor_id: int | None) -> list[ClassroomSession]:
    return list(ClassroomRepository(s).between(start, end, instructor_id))


def class_taught_during(s: Session, instructor_id: int, start: datetime, end: datetime) -> ClassroomSession | None:
    """For the booking rules: a class the instructor teaches that overlaps [start, end), if any."""
    return ClassroomRepository(s).first_taught(instructor_id, start, end)


def present_counts(s: Session, session_ids: Sequence[int]) -> dict[int, int]:
    """For the day sheet: how many attended each session."""
    return ClassroomRepository(s).present_counts(session_ids)


def _timing(settings: SchoolSettings, starts_at: datetime, ends_at: datetime, reason: str | None) -> rules.Timing:
    grace = settings.backdate_grace_hours
    return rules.Timing(starts_at, ends_at, utcnow(), zone(settings), grace, reason, settings.time_format or "12h")


def _clashes(s: Session, instructor_id: int, start: datetime, end: datetime) -> rules.Clashes:
    """What holds the instructor then: four indexed look-ups, each by instructor and start."""
    test = ClassroomRepository(s).first_road_test(instructor_id, start, end)
    road_test = None
    if test is not None:
        row, first, last = test
        road_test = rules.RoadTestHeld(
            row.id, row.student_id, f"{first} {last}", row.licence_class, row.blocked_from, row.blocked_until
        )
    return rules.Clashes(
        lesson=lesson_taught_during(s, instructor_id, start, end),
        session=ClassroomRepository(s).first_taught(instructor_id, start, end),
        time_off=time_off_during(s, instructor_id, start, end),
        road_test=road_test,
    )


def _reads(s: Session, sessions: Sequence[ClassroomSession]) -> list[SessionRead]:
    """The sessions with their instructor's name, their roster and their attendance (one query each)."""
    ids = [row.id for row in sessions]
    rosters: dict[int, list[RosterRead]] = {row.id: [] for row in sessions}
    for r, first, last in ClassroomRepository(s).roster_with_names(ids):
        rosters[r.session_id].append(
            RosterRead(enrollment_id=r.enrollment_id, student_id=r.student_id, student_name=f"{first} {last}")
        )
    by_session: dict[int, list[AttendanceRead]] = {row.id: [] for row in sessions}
    for a, first, last in ClassroomRepository(s).attendance_with_names(ids):
        name = f"{first} {last}"
        by_session[a.session_id].append(
            AttendanceRead(enrollment_id=a.enrollment_id, student_id=a.student_id, student_name=name, minutes=a.minutes)
        )
    out = []
    for row in sessions:
        read = SessionRead.model_validate(row)
        instructor = load_instructor(s, row.instructor_id)
        read.instructor_name = f"{instructor.first_name} {instructor.last_name}"
        read.attendance = by_session[row.id]
        read.roster = rosters[row.id]
        out.append(read)
    return out


class ClassroomService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, start: datetime, end: datetime, instructor_id: int | None) -> SessionPage:
        def fn(s: Session) -> SessionPage:
            rows = sessions_between(s, start, end, instructor_id)
            return SessionPage(items=_reads(s, rows), total=len(rows))

        return self.db.read(fn)

    def create(self, data: SessionCreate) -> SessionRead:
        def fn(s: Session) -> SessionRead:
            # The instructor's lessons and classes are one calendar (see lessons' _lock_calendars).
            lock_resources(s, [(Resource.INSTRUCTOR, data.instructor_id)])
            settings = load_settings(s)
            facts = rules.NewSessionFacts(
                instructor_id=data.instructor_id,
                instructor=find_instructor(s, data.instructor_id),
                day=local_date(settings, data.starts_at),
                capacity=data.capacity,
                class_size_max=settings.class_size_max,
                timing=_timing(settings, data.starts_at, data.ends_at, data.reason),
                clashes=_clashes(s, data.instructor_id, data.starts_at, data.ends_at),
            )
            rules.creating.enforce(rules.Stage.CREATE, facts)
            # The back-dating reason is not a column: it lives in the session's audit entry.
            row = ClassroomSession(**data.model_dump(exclude={"reason"}))
            s.add(row)
            primary(s, row, "create", data.reason)
            s.flush()
            return _reads(s, [row])[0]

        return self.db.write(fn)

    def record_attendance(self, session_id: int, data: AttendanceRecord) -> SessionRead:
        def fn(s: Session) -> SessionRead:
            # The session's seats first, then each attendee's day and hours (kinds in increasing order).
            lock_resources(s, [(Resource.CLASSROOM_SESSION, session_id)])
            session = ClassroomRepository(s).load(session_id)
            enrollments = [ledger.load_enrollment(s, entry.enrollment_id) for entry in data.entries]
            attendees = [(Resource.ENROLLMENT, e.id) for e in enrollments]
            lock_resources(s, attendees + [(Resource.STUDENT, e.student_id) for e in enrollments])
            settings = load_settings(s)
            attendance = ClassroomRepository(s).attendance_of(session.id)
            timing = _timing(settings, session.starts_at, session.ends_at, data.reason)
            # Taking a class's attendance is one action: one entry on the session, with every attendance
            # row, hours entry and enrollment it changed inside, and the reason when it is entered late.
            primary(s, session, "record_attendance", timing.reason)
            for entry in data.entries:
                self._record_one(s, settings, session, attendance, entry, timing)
            return _reads(s, [session])[0]

        return self.db.write(fn)

    def add_to_roster(self, session_id: int, data: RosterChange) -> SessionRead:
        """Registers a student's enrollment for the class ahead of time, within the class size."""

        def fn(s: Session) -> SessionRead:
            lock_resources(s, [(Resource.CLASSROOM_SESSION, session_id)])
            session = ClassroomRepository(s).load(session_id)
            enrollment = ledger.load_enrollment(s, data.enrollment_id)
            roster = ClassroomRepository(s).roster_of(session.id)
            facts = roster_rules.RegisterFacts(
                session_id=session.id,
                enrollment=enrollment,
                student_name=full_name(load_student(s, enrollment.student_id)),
                on_roster=enrollment.id in roster,
                roster_size=len(roster),
                capacity=session.capacity,
                class_size_max=load_settings(s).class_size_max,
            )
            roster_rules.registering.enforce(roster_rules.Stage.REGISTER, facts)
            primary(s, session, "roster_add")
            s.add(RosterEntry(session_id=session.id, enrollment_id=enrollment.id, student_id=enrollment.student_id))
            s.flush()
            return _reads(s, [session])[0]

        return self.db.write(fn)

    def remove_from_roster(self, session_id: int, data: RosterChange) -> SessionRead:
        """Takes a student off the class's roster; attendance already taken stays as it is."""

        def fn(s: Session) -> SessionRead:
            lock_resources(s, [(Resource.CLASSROOM_SESSION, session_id)])
            session = ClassroomRepository(s).load(session_id)
            entry = ClassroomRepository(s).roster_of(session.id).get(data.enrollment_id)
            if entry is None:
                details = {"rule": "roster_member", "session_id": session.id, "enrollment_id": data.enrollment_id}
                raise NotOnRoster(details=details)
            primary(s, session, "roster_remove")
            s.delete(entry)
            s.flush()
            return _reads(s, [session])[0]

        return self.db.write(fn)

    @staticmethod
    def _record_one(
        s: Session,
        settings: SchoolSettings,
        session: ClassroomSession,
        attendance: dict[int, Attendance],
        entry: AttendanceEntry,
        timing: rules.Timing,
    ) -> None:
        """`attendance`, the session's rows by enrollment, loaded once and kept current entry by entry."""
        enrollment = ledger.load_enrollment(s, entry.enrollment_id)
        day = local_date(settings, session.starts_at)
        other, sessions = classroom_minutes_on(s, settings, enrollment.student_id, day, exclude_session_id=session.id)
        existing = attendance.get(enrollment.id)
        facts = rules.AttendanceFacts(
            enrollment=enrollment,
            session_id=session.id,
            minutes=entry.minutes,
            session_minutes=minutes_between(session.starts_at, session.ends_at),
            day=day,
            daily_limit=settings.max_classroom_minutes_per_day,
            other_minutes=other,
            other_session_ids=sessions,
            existing_minutes=existing.minutes if existing else None,
            present=sum(1 for row in attendance.values() if row.minutes > 0),
            capacity=session.capacity,
            timing=timing,
        )
        rules.attending.enforce(rules.Stage.ATTEND, facts)
        before = existing.minutes if existing else 0
        if existing is None:
            existing = Attendance(
                session_id=session.id,
                enrollment_id=enrollment.id,
                student_id=enrollment.student_id,
                minutes=entry.minutes,
            )
            s.add(existing)
            attendance[enrollment.id] = existing
        else:
            existing.minutes = entry.minutes
        delta = entry.minutes - before
        if delta == 0:
            s.flush()
        elif before == 0:
            ledger.credit(s, enrollment, "classroom", delta, day, "classroom_session", session.id)
        else:
            # The ledger is append-only: a changed attendance becomes a correction entry.
            reason = f"attendance for classroom session {session.id} changed from {before} to {entry.minutes} min"
            ledger.credit(s, enrollment, "classroom", delta, day, "correction", session.id, reason)
