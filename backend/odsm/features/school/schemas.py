from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .ministry import MINISTRY_MAXIMUMS, MINISTRY_MINIMUMS

_ZONES = None


def _valid_zone(value: str) -> str:
    global _ZONES
    _ZONES = _ZONES or available_timezones()
    if value not in _ZONES:
        raise ValueError(f"{value!r} is not an IANA time zone such as America/Toronto")
    return value


def _minutes(**kw: Any) -> Any:
    return Field(ge=0, le=100 * 60, **kw)


class SchoolSettingsFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str = Field(max_length=200)
    address: str = Field(max_length=500)
    mto_school_number: str = Field(max_length=40)
    hst_number: str = Field(max_length=40, description="BN/RT, printed on invoices when HST-registered")
    hst_registered: bool
    time_zone: str
    bde_classroom_minutes: int = _minutes()
    bde_in_car_minutes: int = _minutes()
    bde_flex_minutes: int = _minutes()
    max_classroom_minutes_per_day: int = Field(ge=0, le=24 * 60)
    max_in_car_minutes_per_day: int = Field(ge=0, le=24 * 60)
    max_in_car_minutes_on_full_classroom_day: int = Field(ge=0, le=24 * 60)
    completion_deadline_months: int = Field(ge=1, le=120, description="calendar months from the first class")
    g1_night_start_minute: int = Field(ge=0, lt=24 * 60)
    g1_night_end_minute: int = Field(ge=0, le=24 * 60)
    expiry_warning_days: int = Field(ge=0, le=365)
    at_risk_days: int = Field(ge=0, le=365)
    late_cancel_notice_hours: int = Field(ge=0, le=14 * 24)
    late_cancel_fee_cents: int = Field(ge=0, le=1_000_000)
    backdate_grace_hours: int = Field(ge=0, le=31 * 24, description="after this, a late entry needs a reason")
    class_size_max: int = Field(ge=1, le=500)
    pass_mark_percent: int = Field(ge=0, le=100)
    certification_fee_cents: int = Field(ge=0, le=1_000_000)
    retention_years: int = Field(ge=1, le=100)

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, v: str) -> str:
        return _valid_zone(v)


class MinistryLimits(BaseModel):
    """The Ministry's values the settings screen names: hours a school may only raise, months only shorten."""

    bde_classroom_minutes: int
    bde_in_car_minutes: int
    bde_flex_minutes: int
    completion_deadline_months: int


class SchoolSettingsRead(SchoolSettingsFields):
    model_config = ConfigDict(from_attributes=True)

    version: int
    ministry: MinistryLimits = MinistryLimits(**MINISTRY_MINIMUMS, **MINISTRY_MAXIMUMS)


class SchoolSettingsUpdate(BaseModel):
    """Only the fields sent are changed."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    version: int = Field(ge=1)
    name: str | None = Field(default=None, max_length=200)
    address: str | None = Field(default=None, max_length=500)
    mto_school_number: str | None = Field(default=None, max_length=40)
    hst_number: str | None = Field(default=None, max_length=40)
    hst_registered: bool | None = None
    time_zone: str | None = None
    bde_classroom_minutes: int | None = _minutes(default=None)
    bde_in_car_minutes: int | None = _minutes(default=None)
    bde_flex_minutes: int | None = _minutes(default=None)
    max_classroom_minutes_per_day: int | None = Field(default=None, ge=0, le=24 * 60)
    max_in_car_minutes_per_day: int | None = Field(default=None, ge=0, le=24 * 60)
    max_in_car_minutes_on_full_classroom_day: int | None = Field(default=None, ge=0, le=24 * 60)
    completion_deadline_months: int | None = Field(default=None, ge=1, le=120)
    g1_night_start_minute: int | None = Field(default=None, ge=0, lt=24 * 60)
    g1_night_end_minute: int | None = Field(default=None, ge=0, le=24 * 60)
    expiry_warning_days: int | None = Field(default=None, ge=0, le=365)
    at_risk_days: int | None = Field(default=None, ge=0, le=365)
    late_cancel_notice_hours: int | None = Field(default=None, ge=0, le=14 * 24)
    late_cancel_fee_cents: int | None = Field(default=None, ge=0, le=1_000_000)
    backdate_grace_hours: int | None = Field(default=None, ge=0, le=31 * 24)
    class_size_max: int | None = Field(default=None, ge=1, le=500)
    pass_mark_percent: int | None = Field(default=None, ge=0, le=100)
    certification_fee_cents: int | None = Field(default=None, ge=0, le=1_000_000)
    retention_years: int | None = Field(default=None, ge=1, le=100)

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, v: str | None) -> str | None:
        return None if v is None else _valid_zone(v)
