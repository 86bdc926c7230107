from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from odsm.core.bounded import Cents, Code, Label, NulFree, SchoolDate, Version
from odsm.features.enrollments.schemas import HoursTotal


class WorklistRow(BaseModel):
    enrollment_id: int
    student_id: int
    student_name: str
    course_id: int
    course_name: str
    first_class_date: date | None
    deadline: date | None
    days_left: int | None
    final_mark_percent: int | None
    totals: list[HoursTotal]


class Unmet(BaseModel):
    requirement: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class BlockedRow(WorklistRow):
    reasons: list[Unmet]


class Worklist(BaseModel):
    """ready: certify now. blocked: hours and result done, something else stops it. at_risk: deadline near,
    short. expired: deadline passed, still short (the hours can no longer count: withdraw or explain)."""

    ready: list[WorklistRow]
    blocked: list[BlockedRow]
    at_risk: list[WorklistRow]
    expired: list[WorklistRow]
    ready_total: int
    blocked_total: int
    at_risk_total: int
    expired_total: int
    today: date


class CertifyRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    version: Version = Field(description="the enrollment's version")
    certified_on: SchoolDate | None = Field(default=None, description="defaults to today in the school's zone")
    reason: Annotated[str, Field(min_length=3, max_length=1000), NulFree] | None = Field(
        default=None, description="required when certified_on is not today"
    )
    certified_by: Label
    mto_reference: Code
    fee_cents: Cents | None = Field(default=None, le=1_000_000, description="defaults to the settings' MTO fee")
