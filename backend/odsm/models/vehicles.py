from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.db import Base, UTCDateTime, utcnow


class Vehicle(Audited, Base):
    __tablename__ = "vehicles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plate: Mapped[str] = mapped_column(String(12), unique=True)
    vin: Mapped[str] = mapped_column(String(17))
    make: Mapped[str] = mapped_column(String(60))
    model: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer)
    transmission: Mapped[str] = mapped_column(String(10))
    dual_brake: Mapped[bool] = mapped_column(Boolean, default=True)
    insurance_expiry: Mapped[date] = mapped_column(Date)
    inspection_expiry: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class OdometerReading(Audited, Base):
    """Append-only: a reading is never edited; a wrong one is followed by a corrected one."""

    __tablename__ = "odometer_readings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    km: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))  # manual | lesson_start | lesson_end
    lesson_id: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (Index("ix_odometer_readings_vehicle_time", "vehicle_id", "recorded_at"),)
