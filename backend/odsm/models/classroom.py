from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class ClassroomSession(Audited, Base):
    __tablename__ = "classroom_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructors.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    room: Mapped[str] = mapped_column(String(60))
    topic: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("ix_classroom_sessions_starts_at", "starts_at"),
        Index("ix_classroom_sessions_instructor_start", "instructor_id", "starts_at"),
    )


class Attendance(Audited, Base):
    """Minutes present, per enrollment and session. Each change also lands in the hours ledger."""

    __tablename__ = "classroom_attendance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("classroom_sessions.id"))
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"))
    student_id: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("session_id", "enrollment_id"),
        Index("ix_classroom_attendance_student", "student_id", "session_id"),
    )

    def audit_student_id(self) -> int | None:
        return self.student_id


class RosterEntry(Audited, Base):
    """A student registered ahead of time for a class: attendance opens with them listed."""

    __tablename__ = "classroom_roster"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("classroom_sessions.id"))
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"))
    student_id: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        UniqueConstraint("session_id", "enrollment_id"),
        Index("ix_classroom_roster_student", "student_id", "session_id"),
    )

    def audit_student_id(self) -> int | None:
        return self.student_id
