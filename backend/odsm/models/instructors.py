from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class Instructor(Audited, Base):
    __tablename__ = "instructors"
    __audit_collections__ = ("availability", "time_off")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    di_licence_number: Mapped[str] = mapped_column(String(40))
    # MTO driving-instructor licence: runs 3 years and expires on 31 March.
    di_licence_expiry: Mapped[date] = mapped_column(Date)
    authorised_in_car: Mapped[bool] = mapped_column(Boolean, default=True)
    authorised_classroom: Mapped[bool] = mapped_column(Boolean, default=False)
    criminal_check_date: Mapped[date | None] = mapped_column(Date)
    driver_abstract_date: Mapped[date | None] = mapped_column(Date)
    # Toronto instructors teaching in their own car.
    city_licence_expiry: Mapped[date | None] = mapped_column(Date)
    own_car_insurance_expiry: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    availability: Mapped[list[InstructorAvailability]] = relationship(
        cascade="all, delete-orphan", order_by="InstructorAvailability.weekday", lazy="selectin"
    )
    time_off: Mapped[list[InstructorTimeOff]] = relationship(
        cascade="all, delete-orphan", order_by="InstructorTimeOff.starts_at", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class InstructorAvailability(Base):
    """A weekly window: weekday 0 = Monday; minutes from local midnight. Audited as part of its instructor."""

    __tablename__ = "instructor_availability"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructors.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)


class InstructorTimeOff(Base):
    """Audited as part of its instructor."""

    __tablename__ = "instructor_time_off"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("instructors.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str | None] = mapped_column(String(200))
