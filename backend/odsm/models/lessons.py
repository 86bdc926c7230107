from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class LessonStatus(StrEnum):
    """A lesson's status, stored as these strings (the column stays a plain string: no migration)."""

    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    LATE_CANCELLED = "late_cancelled"
    NO_SHOW = "no_show"


class Lesson(Audited, Base):
    """An in-car lesson: one student with one instructor in one vehicle (structural: one id each)."""

    __tablename__ = "lessons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"))
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructors.id"))
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    pickup_location: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default=LessonStatus.SCHEDULED)
    actual_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    actual_end: Mapped[datetime | None] = mapped_column(UTCDateTime())
    odometer_start: Mapped[int | None] = mapped_column(Integer)
    odometer_end: Mapped[int | None] = mapped_column(Integer)
    skills_covered: Mapped[list[Any]] = mapped_column(JSON, default=list)
    evaluation_notes: Mapped[str | None] = mapped_column(Text)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str | None] = mapped_column(String(500))
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # The calendar and the overlap rules read "one person's or car's lessons in a time range":
    # each is an index range scan on (owner, starts_at), bounded on both sides because a lesson
    # lasts at most a day.
    __table_args__ = (
        Index("ix_lessons_instructor_start", "instructor_id", "starts_at"),
        Index("ix_lessons_vehicle_start", "vehicle_id", "starts_at"),
        Index("ix_lessons_student_start", "student_id", "starts_at"),
        Index("ix_lessons_starts_at", "starts_at"),
        Index("ix_lessons_enrollment_status", "enrollment_id", "status", "instructor_id"),
        # The certification worklist: which enrollments a lapsed instructor taught (covering).
        Index("ix_lessons_instructor_status_enrollment", "instructor_id", "status", "enrollment_id"),
    )

    def audit_student_id(self) -> int | None:
        return self.student_id
