"""Classroom sessions and attendance: credited minutes never exceed the session, nor the daily limit."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odsm.core.unit_of_work import Database
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import di_licence_valid_on, load_instructor
from odsm.features.school.clock import day_bounds, local_date, minutes_between
from odsm.features.school.service import load_settings
from odsm.models import Attendance, ClassroomSession, Instructor, SchoolSettings, Student

from .errors import (
    ClassSizeExceeded,
    DailyLimitExceeded,
    InstructorNotAuthorised,
    MinutesExceedSession,
    SessionFull,
    SessionNotFound,
)
from .schemas import AttendanceEntry, AttendanceRead, AttendanceRecord, SessionCreate, SessionPage, SessionRead

# Sessions last at most a day (schema), so a range query can bound starts_at on both sides.
MAX_SESSION = timedelta(days=1)


def classroom_minutes_on(
    s: Session, settings: SchoolSettings, student_id: int, day: date, exclude_session_id: int | None = None
) -> tuple[int, list[int]]:
    """The student's credited classroom minutes in sessions starting that local day, and those sessions."""
    start, end = day_bounds(settings, day)
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
    rows = s.execute(stmt).all()
    return sum(m for _, m in rows), [sid for sid, _ in rows]


def sessions_between(s: Session, start: datetime, end: datetime, instructor_id: int | None) -> list[ClassroomSession]:
    stmt = select(ClassroomSession).where(
        ClassroomSession.starts_at < end,
        ClassroomSession.starts_at > start - MAX_SESSION,
        ClassroomSession.ends_at > start,
    )
    if instructor_id is not None:
        stmt = stmt.where(ClassroomSession.instructor_id == instructor_id)
    return list(s.scalars(stmt.order_by(ClassroomSession.starts_at, ClassroomSession.id)).all())


def _load(s: Session, session_id: int) -> ClassroomSession:
    row = s.get(ClassroomSession, session_id)
    if row is None:
        raise SessionNotFound(details={"session_id": session_id})
    return row


def _read(s: Session, row: ClassroomSession) -> SessionRead:
    out = SessionRead.model_validate(row)
    instructor = s.get(Instructor, row.instructor_id)
    out.instructor_name = f"{instructor.first_name} {instructor.last_name}" if instructor else ""
    rows = s.execute(
        select(Attendance, Student.first_name, Student.last_name)
        .join(Student, Student.id == Attendance.student_id)
        .where(Attendance.session_id == row.id)
        .order_by(Student.last_name, Student.first_name)
    ).all()
    out.attendance = [
        AttendanceRead(
            enrollment_id=a.enrollment_id, student_id=a.student_id, student_name=f"{first} {last}", minutes=a.minutes
        )
        for a, first, last in rows
    ]
    return out


class ClassroomService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, start: datetime, end: datetime, instructor_id: int | None) -> SessionPage:
        def fn(s: Session) -> SessionPage:
            rows = sessions_between(s, start, end, instructor_id)
            return SessionPage(items=[_read(s, r) for r in rows], total=len(rows))

        return self.db.read(fn)

    def create(self, data: SessionCreate) -> SessionRead:
        def fn(s: Session) -> SessionRead:
            settings = load_settings(s)
            if data.capacity > settings.class_size_max:
                raise ClassSizeExceeded(
                    details={
                        "rule": "class_size_max",
                        "field": "capacity",
                        "limit": settings.class_size_max,
                        "capacity": data.capacity,
                    }
                )
            instructor = load_instructor(s, data.instructor_id)
            day = local_date(settings, data.starts_at)
            if not (instructor.authorised_classroom and di_licence_valid_on(instructor, day)):
                raise InstructorNotAuthorised(
                    details={
                        "rule": "classroom_instructor",
                        "instructor_id": instructor.id,
                        "date": day.isoformat(),
                        "authorised_classroom": instructor.authorised_classroom,
                        "active": instructor.active,
                        "di_licence_expiry": instructor.di_licence_expiry.isoformat(),
                    }
                )
            row = ClassroomSession(**data.model_dump())
            s.add(row)
            s.flush()
            return _read(s, row)

        return self.db.write(fn)

    def record_attendance(self, session_id: int, data: AttendanceRecord) -> SessionRead:
        def fn(s: Session) -> SessionRead:
            settings = load_settings(s)
            session = _load(s, session_id)
            for entry in data.entries:
                self._record_one(s, settings, session, entry)
            return _read(s, session)

        return self.db.write(fn)

    @staticmethod
    def _record_one(s: Session, settings: SchoolSettings, session: ClassroomSession, entry: AttendanceEntry) -> None:
        enrollment = ledger.load_enrollment(s, entry.enrollment_id)
        ledger.ensure_open(enrollment)
        length = minutes_between(session.starts_at, session.ends_at)
        if entry.minutes > length:
            raise MinutesExceedSession(
                details={
                    "rule": "minutes_exceed_session",
                    "enrollment_id": enrollment.id,
                    "limit_minutes": length,
                    "minutes": entry.minutes,
                }
            )
        day = local_date(settings, session.starts_at)
        other, sessions = classroom_minutes_on(s, settings, enrollment.student_id, day, exclude_session_id=session.id)
        limit = settings.max_classroom_minutes_per_day
        if other + entry.minutes > limit:
            raise DailyLimitExceeded(
                details={
                    "rule": "max_classroom_minutes_per_day",
                    "enrollment_id": enrollment.id,
                    "date": day.isoformat(),
                    "limit_minutes": limit,
                    "already_minutes": other,
                    "minutes": entry.minutes,
                    "conflicting_session_ids": sessions,
                }
            )
        existing = s.scalar(
            select(Attendance).where(Attendance.session_id == session.id, Attendance.enrollment_id == enrollment.id)
        )
        if (existing is None or existing.minutes == 0) and entry.minutes > 0:
            present = s.scalar(select(func.count()).where(Attendance.session_id == session.id, Attendance.minutes > 0))
            if (present or 0) >= session.capacity:
                raise SessionFull(details={"rule": "capacity", "session_id": session.id, "limit": session.capacity})
        before = existing.minutes if existing else 0
        if existing is None:
            s.add(
                Attendance(
                    session_id=session.id,
                    enrollment_id=enrollment.id,
                    student_id=enrollment.student_id,
                    minutes=entry.minutes,
                )
            )
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
