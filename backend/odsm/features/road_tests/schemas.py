from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

from odsm.core.bounded import Cents, Id, Label, Line, Notes, NulFree, SchoolDateTime, VersionedChange

TestClass = Literal["G2", "G"]
RoadTestStatus = Literal["booked", "passed", "failed", "no_show", "cancelled", "late_cancelled"]
Outcome = Literal["passed", "failed", "no_show"]
Months = Annotated[int, Strict(), Field(ge=1, le=120)]
Minutes = Annotated[int, Strict(), Field(ge=0, le=8 * 60)]


class RoadTestSettingsRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    g2_after_g1_months: int
    g2_after_g1_with_bde_months: int
    g_after_g2_months: int
    programme_years: int
    retest_days: int
    cancel_notice_hours: int
    buffer_before_minutes: int
    buffer_after_minutes: int
    g2_test_minutes: int
    g_test_minutes: int
    g2_fee_cents: int
    g_fee_cents: int
    version: int


class RoadTestSettingsUpdate(VersionedChange):
    """Only the fields sent change."""

    g2_after_g1_months: Months | None = None
    g2_after_g1_with_bde_months: Months | None = None
    g_after_g2_months: Months | None = None
    programme_years: Annotated[int, Strict(), Field(ge=1, le=20)] | None = None
    retest_days: Annotated[int, Strict(), Field(ge=0, le=365)] | None = None
    cancel_notice_hours: Annotated[int, Strict(), Field(ge=0, le=24 * 30)] | None = None
    buffer_before_minutes: Minutes | None = None
    buffer_after_minutes: Minutes | None = None
    g2_test_minutes: Annotated[int, Strict(), Field(ge=5, le=4 * 60)] | None = None
    g_test_minutes: Annotated[int, Strict(), Field(ge=5, le=4 * 60)] | None = None
    g2_fee_cents: Cents | None = None
    g_fee_cents: Cents | None = None


class CentreRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    city: str
    address: str
    active: bool
    version: int


class CentrePage(BaseModel):
    items: list[CentreRead]
    total: int


class CentreCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Label
    city: Annotated[str, Field(max_length=100), NulFree] = ""
    address: Annotated[str, Field(max_length=500), NulFree] = ""


class CentreUpdate(VersionedChange):
    name: Label | None = None
    city: Annotated[str, Field(max_length=100), NulFree] | None = None
    address: Annotated[str, Field(max_length=500), NulFree] | None = None
    active: Annotated[bool, Strict()] | None = None


class ClassEligibility(BaseModel):
    licence_class: TestClass
    can_take_on_day: bool
    eligible_from: date | None
    retest_from: date | None
    programme_ends: date | None
    # Why the test can't be taken that day (a road_test.* code), or null when it can.
    code: str | None
    reasons: list[str]


class Eligibility(BaseModel):
    student_id: int
    on: date
    current_class: Literal["G1", "G2", "G"] | None
    bde_certified_on: date | None
    tests: list[ClassEligibility]


class RoadTestBook(BaseModel):
    """A test at a DriveTest centre. With `vehicle_id` the school car is rented (and charged); with
    `instructor_id` the instructor goes too. Both are held for the test plus the school's buffers."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    student_id: Id
    centre_id: Id
    licence_class: TestClass
    starts_at: SchoolDateTime
    vehicle_id: Id | None = None
    instructor_id: Id | None = None
    notes: Notes | None = None


class RoadTestResult(VersionedChange):
    outcome: Outcome
    notes: Notes | None = None


class RoadTestCancel(VersionedChange):
    reason: Line | None = None


class RoadTestRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    student_id: int
    student_name: str = ""
    centre_id: int
    centre_name: str = ""
    licence_class: TestClass
    starts_at: datetime
    ends_at: datetime
    blocked_from: datetime
    blocked_until: datetime
    vehicle_id: int | None
    vehicle_plate: str | None = None
    instructor_id: int | None
    status: RoadTestStatus
    fee_cents: int
    fee_lost_cents: int
    rental_cents: int = 0
    # After a fail: the first day a retest may be taken.
    retest_from: date | None = None
    notes: str | None
    version: int


class RoadTestPage(BaseModel):
    items: list[RoadTestRead]
    total: int


class ChargeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    student_id: int
    road_test_id: int
    kind: str
    amount_cents: int
    description: str
    billed: bool
    created_at: datetime


class ChargePage(BaseModel):
    items: list[ChargeRead]
    total: int
