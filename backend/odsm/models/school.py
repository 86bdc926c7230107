from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base


class SchoolSettings(Audited, Base):
    """One row. Every rule limit from DOMAIN.md is a setting here, with the documented default."""

    __tablename__ = "school_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    mto_school_number: Mapped[str] = mapped_column(String(40), default="")
    hst_number: Mapped[str] = mapped_column(String(40), default="")
    hst_registered: Mapped[bool] = mapped_column(Boolean, default=True)
    time_zone: Mapped[str] = mapped_column(String(60), default="America/Toronto")
    # How refusals write a time: "12h" ("4:00 p.m.", as most Ontario front desks say it) or "24h" ("16:00").
    time_format: Mapped[str] = mapped_column(String(3), default="12h")
    # BDE hours (minutes): 20 h classroom, 10 h in-car, 10 h flex (ontario.ca BDE catalogue entry).
    bde_classroom_minutes: Mapped[int] = mapped_column(Integer, default=20 * 60)
    bde_in_car_minutes: Mapped[int] = mapped_column(Integer, default=10 * 60)
    bde_flex_minutes: Mapped[int] = mapped_column(Integer, default=10 * 60)
    # Daily limits as schools cite them (unconfirmed): 5 h classroom; 2 h in-car, 1 h on a 5 h classroom day.
    max_classroom_minutes_per_day: Mapped[int] = mapped_column(Integer, default=5 * 60)
    max_in_car_minutes_per_day: Mapped[int] = mapped_column(Integer, default=2 * 60)
    max_in_car_minutes_on_full_classroom_day: Mapped[int] = mapped_column(Integer, default=60)
    # In-car must be finished within 1 year of the first class: calendar months, so 29 February and leap
    # years count as a calendar does (a school may choose fewer months, never more).
    completion_deadline_months: Mapped[int] = mapped_column(Integer, default=12)
    # G1: no driving between midnight and 5 a.m.
    g1_night_start_minute: Mapped[int] = mapped_column(Integer, default=0)
    g1_night_end_minute: Mapped[int] = mapped_column(Integer, default=5 * 60)
    expiry_warning_days: Mapped[int] = mapped_column(Integer, default=60)
    at_risk_days: Mapped[int] = mapped_column(Integer, default=60)
    late_cancel_notice_hours: Mapped[int] = mapped_column(Integer, default=24)
    late_cancel_fee_cents: Mapped[int] = mapped_column(Integer, default=4500)
    # A lesson completion or attendance entered later than this after the event needs a reason (DOMAIN.md:
    # "no back-dating without a logged reason"); two days leave room for a weekend's paperwork.
    backdate_grace_hours: Mapped[int] = mapped_column(Integer, default=48)
    class_size_max: Mapped[int] = mapped_column(Integer, default=40)
    pass_mark_percent: Mapped[int] = mapped_column(Integer, default=70)
    certification_fee_cents: Mapped[int] = mapped_column(Integer, default=1500)
    retention_years: Mapped[int] = mapped_column(Integer, default=7)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
