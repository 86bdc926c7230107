from __future__ import annotations

from typing import Annotated
from zoneinfo import available_timezones

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator

from odsm.core.bounded import Address, Flag, NulFree, Short, VersionedChange, Zone, omitted
from odsm.core.clock_text import TimeFormat

from .ministry import MINISTRY_MAXIMUMS, MINISTRY_MINIMUMS

_ZONES = None


def _valid_zone(value: str) -> str:
    global _ZONES
    _ZONES = _ZONES or available_timezones()
    if value not in _ZONES:
        raise ValueError(f"{value!r} is not an IANA time zone such as America/Toronto")
    return value


RequirementMinutes = Annotated[int, Strict(), Field(ge=0, le=100 * 60)]
DayMinutes = Annotated[int, Strict(), Field(ge=0, le=24 * 60)]
MinuteOfDay = Annotated[int, Strict(), Field(ge=0, lt=24 * 60)]
Days = Annotated[int, Strict(), Field(ge=0, le=365)]
DeadlineMonths = Annotated[int, Strict(), Field(ge=1, le=120, description="calendar months from the first class")]
GraceHours = Annotated[int, Strict(), Field(ge=0, le=31 * 24, description="after this, a late entry needs a reason")]
NoticeHours = Annotated[int, Strict(), Field(ge=0, le=14 * 24)]
Fee = Annotated[int, Strict(), Field(ge=0, le=1_000_000)]
ClassSize = Annotated[int, Strict(), Field(ge=1, le=500)]
Percent = Annotated[int, Strict(), Field(ge=0, le=100)]
Years = Annotated[int, Strict(), Field(ge=1, le=100)]
TimeFormatSetting = Annotated[
    TimeFormat, Field(description='how refusals write a time: "12h" (4:00 p.m.) or "24h" (16:00)')
]
SchoolName = Annotated[str, Field(max_length=200), NulFree]


class SchoolSettingsFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: SchoolName
    address: Address
    mto_school_number: Short
    hst_number: Short = Field(description="BN/RT, printed on invoices when HST-registered")
    hst_registered: Flag
    time_zone: Zone
    time_format: TimeFormatSetting
    bde_classroom_minutes: RequirementMinutes
    bde_in_car_minutes: RequirementMinutes
    bde_flex_minutes: RequirementMinutes
    max_classroom_minutes_per_day: DayMinutes
    max_in_car_minutes_per_day: DayMinutes
    max_in_car_minutes_on_full_classroom_day: DayMinutes
    completion_deadline_months: DeadlineMonths
    g1_night_start_minute: MinuteOfDay
    g1_night_end_minute: DayMinutes
    expiry_warning_days: Days
    at_risk_days: Days
    late_cancel_notice_hours: NoticeHours
    late_cancel_fee_cents: Fee
    backdate_grace_hours: GraceHours
    class_size_max: ClassSize
    pass_mark_percent: Percent
    certification_fee_cents: Fee
    retention_years: Years

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


class SchoolSettingsUpdate(VersionedChange):
    """Only the fields sent are changed; every setting has a value, so null is refused."""

    name: SchoolName = omitted()
    address: Address = omitted()
    mto_school_number: Short = omitted()
    hst_number: Short = omitted()
    hst_registered: Flag = omitted()
    time_zone: Zone = omitted()
    time_format: TimeFormatSetting = omitted()
    bde_classroom_minutes: RequirementMinutes = omitted()
    bde_in_car_minutes: RequirementMinutes = omitted()
    bde_flex_minutes: RequirementMinutes = omitted()
    max_classroom_minutes_per_day: DayMinutes = omitted()
    max_in_car_minutes_per_day: DayMinutes = omitted()
    max_in_car_minutes_on_full_classroom_day: DayMinutes = omitted()
    completion_deadline_months: DeadlineMonths = omitted()
    g1_night_start_minute: MinuteOfDay = omitted()
    g1_night_end_minute: DayMinutes = omitted()
    expiry_warning_days: Days = omitted()
    at_risk_days: Days = omitted()
    late_cancel_notice_hours: NoticeHours = omitted()
    late_cancel_fee_cents: Fee = omitted()
    backdate_grace_hours: GraceHours = omitted()
    class_size_max: ClassSize = omitted()
    pass_mark_percent: Percent = omitted()
    certification_fee_cents: Fee = omitted()
    retention_years: Years = omitted()

    @field_validator("time_zone")
    @classmethod
    def _zone(cls, v: str) -> str:
        return _valid_zone(v)
