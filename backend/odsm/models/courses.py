from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


class CourseKind(StrEnum):
    BDE = "bde"
    PACKAGE = "package"


class Course(Audited, Base):
    """A BDE course or a non-BDE lesson package. Hours are in minutes; money in cents."""

    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # a CourseKind
    classroom_minutes: Mapped[int] = mapped_column(Integer, default=0)
    in_car_minutes: Mapped[int] = mapped_column(Integer, default=0)
    flex_minutes: Mapped[int] = mapped_column(Integer, default=0)
    price_cents: Mapped[int] = mapped_column(Integer, default=0)
    # HST is 13% in Ontario; a setting on each product (1300 basis points).
    tax_rate_basis_points: Mapped[int] = mapped_column(Integer, default=1300)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
