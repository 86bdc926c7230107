from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class RoadTestStatus(StrEnum):
    BOOKED = "booked"
    PASSED = "passed"
    FAILED = "failed"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    LATE_CANCELLED = "late_cancelled"


# Tests that hold their time (the car, the instructor, the student): a cancelled test or a no-show frees
# it, as a cancelled lesson does. Lessons read this too, so a lesson booked later sees the test.
ROAD_TEST_HOLDS_TIME = (RoadTestStatus.BOOKED, RoadTestStatus.PASSED, RoadTestStatus.FAILED)


class RoadTestSettings(Audited, Base):
    """One row: every road-test number the school may change (DOMAIN.md, "Graduated licensing")."""

    __tablename__ = "road_test_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    g2_after_g1_months: Mapped[int] = mapped_column(Integer, default=12)
    g2_after_g1_with_bde_months: Mapped[int] = mapped_column(Integer, default=8)
    g_after_g2_months: Mapped[int] = mapped_column(Integer, default=12)
    programme_years: Mapped[int] = mapped_column(Integer, default=5)
    retest_days: Mapped[int] = mapped_column(Integer, default=10)
    cancel_notice_hours: Mapped[int] = mapped_column(Integer, default=48)
    buffer_before_minutes: Mapped[int] = mapped_column(Integer, default=60)
    buffer_after_minutes: Mapped[int] = mapped_column(Integer, default=30)
    g2_test_minutes: Mapped[int] = mapped_column(Integer, default=30)
    g_test_minutes: Mapped[int] = mapped_column(Integer, default=45)
    g2_fee_cents: Mapped[int] = mapped_column(Integer, default=5375)
    g_fee_cents: Mapped[int] = mapped_column(Integer, default=9125)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DriveTestCentre(Audited, Base):
    """A DriveTest centre where road tests are taken; the school adds its own and retires old ones."""

    __tablename__ = "drivetest_centres"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class RoadTest(Audited, Base):
    """A road test booked for a student. With the school car (and optionally an instructor) rented,
    `blocked_from`/`blocked_until` (the test with the buffer before and after) hold the car and the
    instructor as a lesson does; the student is held for the test itself."""

    __tablename__ = "road_tests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    centre_id: Mapped[int] = mapped_column(ForeignKey("drivetest_centres.id"))
    licence_class: Mapped[str] = mapped_column(String(2))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"))
    instructor_id: Mapped[int | None] = mapped_column(ForeignKey("instructors.id"))
    blocked_from: Mapped[datetime] = mapped_column(UTCDateTime())
    blocked_until: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default=RoadTestStatus.BOOKED)
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    fee_lost_cents: Mapped[int] = mapped_column(Integer, default=0)
    result_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # The overlap rules read "one car's, instructor's or student's tests in a time range", as for lessons.
    __table_args__ = (
        Index("ix_road_tests_vehicle_blocked", "vehicle_id", "blocked_from"),
        Index("ix_road_tests_instructor_blocked", "instructor_id", "blocked_from"),
        Index("ix_road_tests_student_start", "student_id", "starts_at"),
        Index("ix_road_tests_blocked_from", "blocked_from"),
    )

    def audit_student_id(self) -> int | None:
        return self.student_id


class RoadTestCharge(Audited, Base):
    """What the student owes for a road test (the rental of the school car, or its reversal). Billing takes
    it over in the same write: `invoice_id` is the invoice (or, for a reversal, the credit note) that put it
    on the student's account, and `billed` is true. Rows written before billing existed wait with `billed`
    false until the road-test service takes them over."""

    __tablename__ = "road_test_charges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    road_test_id: Mapped[int] = mapped_column(ForeignKey("road_tests.id"))
    kind: Mapped[str] = mapped_column(String(24))
    amount_cents: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(300), default="")
    billed: Mapped[bool] = mapped_column(Boolean, default=False)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index("ix_road_test_charges_billed", "billed", "student_id"),)

    def audit_student_id(self) -> int | None:
        return self.student_id
