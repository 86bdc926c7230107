from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class EnrollmentStatus(StrEnum):
    ACTIVE = "active"
    CERTIFIED = "certified"
    WITHDRAWN = "withdrawn"


class EnrollmentResult(StrEnum):
    PENDING = "pending"
    PASS = "pass"
    FAIL = "fail"


class HoursCategory(StrEnum):
    CLASSROOM = "classroom"
    IN_CAR = "in_car"
    FLEX = "flex"


TOTAL_COLUMNS = tuple(f"{c.value}_minutes{s}" for c in HoursCategory for s in ("", "_on_time"))


class HoursSource(StrEnum):
    CLASSROOM_SESSION = "classroom_session"
    LESSON = "lesson"
    HOMELINK = "homelink"
    CORRECTION = "correction"


class Enrollment(Audited, Base):
    __tablename__ = "enrollments"
    __audit_exclude__ = frozenset(TOTAL_COLUMNS)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"))
    enrolled_on: Mapped[date] = mapped_column(Date)
    # Set from the first credited class or completed lesson; the deadline is counted from it.
    first_class_date: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    final_mark_percent: Mapped[int | None] = mapped_column(Integer)
    # Stored as plain strings: a StrEnum compares and serialises as its value, so rows and the API are unchanged.
    result: Mapped[str] = mapped_column(String(10), default=EnrollmentResult.PENDING.value)
    status: Mapped[str] = mapped_column(String(12), default=EnrollmentStatus.ACTIVE.value)
    certified_on: Mapped[date | None] = mapped_column(Date)
    certified_by: Mapped[str | None] = mapped_column(String(200))
    mto_reference: Mapped[str | None] = mapped_column(String(60))
    certification_fee_cents: Mapped[int | None] = mapped_column(Integer)
    # Running totals, recomputed from the ledger (the record) by ledger.credit on every entry: the
    # certification worklist filters on them instead of summing a million ledger rows each time.
    # "on_time" counts only entries dated on or before the deadline.
    classroom_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    in_car_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    flex_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    classroom_minutes_on_time: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    in_car_minutes_on_time: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    flex_minutes_on_time: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # The certification worklist reads by (status, result) and the at-risk list by (status, deadline).
    __table_args__ = (
        # (status, result, deadline): the ready list filters on both and pages by deadline without a sort.
        Index("ix_enrollments_status_result_deadline", "status", "result", "deadline"),
        # Covering for the at-risk and expired counts: the deadline window, the course and the totals.
        Index(
            "ix_enrollments_status_deadline_totals",
            "status",
            "deadline",
            "course_id",
            "classroom_minutes",
            "in_car_minutes",
            "flex_minutes",
        ),
    )

    def audit_student_id(self) -> int | None:
        return self.student_id


class HoursEntry(Audited, Base):
    """The hours ledger: append-only (triggers refuse UPDATE and DELETE). A mistake gets a correction entry."""

    __tablename__ = "enrollment_hours"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"))
    # Copied from the enrollment so the audit entry names the student without a query inside the flush.
    student_id: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(10))  # an HoursCategory
    minutes: Mapped[int] = mapped_column(Integer)
    occurred_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20))  # an HoursSource
    source_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    # Covering index: per-enrollment totals (and "by the deadline" totals) are read from it alone.
    __table_args__ = (Index("ix_enrollment_hours_totals", "enrollment_id", "category", "occurred_on", "minutes"),)

    def audit_student_id(self) -> int | None:
        return self.student_id
