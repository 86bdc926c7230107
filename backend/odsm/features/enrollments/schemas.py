from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator

from odsm.core.bounded import Id, NulFree, SchoolDate, Version

Category = Literal["classroom", "in_car", "flex"]


class EnrollmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    student_id: Id
    course_id: Id
    enrolled_on: SchoolDate | None = Field(default=None, description="defaults to today in the school's zone")


class ResultRecord(BaseModel):
    """The final mark; the result (pass/fail) follows from the school's pass mark."""

    model_config = ConfigDict(extra="forbid")

    version: Version
    final_mark_percent: Annotated[int, Strict()] = Field(ge=0, le=100)


class HoursAdd(BaseModel):
    """Flex (home-link) hours: classroom and in-car hours come from sessions and lessons."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    minutes: Annotated[int, Strict()] = Field(gt=0, le=24 * 60)
    occurred_on: SchoolDate
    reason: Annotated[str, Field(max_length=500), NulFree] | None = Field(
        default=None, description="e.g. which home-link module"
    )


class CorrectionAdd(BaseModel):
    """A new ledger entry (never an edit): positive or negative minutes, with a required reason."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    category: Category
    minutes: Annotated[int, Strict()] = Field(ge=-100 * 60, le=100 * 60)
    occurred_on: SchoolDate | None = Field(default=None, description="defaults to today in the school's zone")
    reason: Annotated[str, Field(min_length=3, max_length=1000), NulFree]

    @field_validator("minutes")
    @classmethod
    def _not_zero(cls, v: int) -> int:
        if v == 0:
            raise ValueError("a correction of 0 minutes changes nothing")
        return v


class HoursTotal(BaseModel):
    category: Category
    required_minutes: int
    credited_minutes: int
    remaining_minutes: int


class LedgerEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    category: Category
    minutes: int
    occurred_on: date
    source: Literal["classroom_session", "lesson", "homelink", "correction"]
    source_id: int | None
    reason: str | None
    recorded_at: datetime


class EnrollmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    student_id: int
    course_id: int
    course_name: str = ""
    course_kind: Literal["bde", "package"] = "bde"
    enrolled_on: date
    first_class_date: date | None
    deadline: date | None
    final_mark_percent: int | None
    result: Literal["pending", "pass", "fail"]
    status: Literal["active", "certified", "withdrawn"]
    certified_on: date | None
    certified_by: str | None
    mto_reference: str | None
    certification_fee_cents: int | None
    version: int
    totals: list[HoursTotal] = Field(default_factory=list)


class EnrollmentDetail(EnrollmentRead):
    ledger: list[LedgerEntryRead] = Field(default_factory=list)


class EnrollmentPage(BaseModel):
    items: list[EnrollmentRead]
    total: int
