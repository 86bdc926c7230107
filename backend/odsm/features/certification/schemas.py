from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from odsm.core.bounded import Cents, Code, Id, NulFree, SchoolDate, Version
from odsm.features.enrollments.schemas import EnrollmentDetail, HoursTotal


class WorklistState(StrEnum):
    """Which of the worklist's lists to fill: one of them, or all."""

    ALL = "all"
    READY = "ready"
    BLOCKED = "blocked"
    AT_RISK = "at_risk"
    EXPIRED = "expired"


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
    version: int = Field(description="the enrollment's version, for certifying it from the list")


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


class CertifierKind(StrEnum):
    INSTRUCTOR = "instructor"
    STAFF = "staff"


class CertifierRef(BaseModel):
    """A person from the certifiers list: an instructor's id or a staff account's id, with which it is."""

    model_config = ConfigDict(extra="forbid")

    kind: CertifierKind
    id: Id


class CertifyRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    version: Version = Field(description="the enrollment's version")
    certified_on: SchoolDate | None = Field(default=None, description="defaults to today in the school's zone")
    reason: Annotated[str, Field(min_length=3, max_length=1000), NulFree] | None = Field(
        default=None, description="required when certified_on is not today"
    )
    certifier: CertifierRef = Field(description="who certified on the MTO site: one of the certifiers read")
    mto_reference: Code
    fee_cents: Cents | None = Field(default=None, le=1_000_000, description="defaults to the settings' MTO fee")


class Certifier(BaseModel):
    kind: CertifierKind
    id: int
    name: str
    role: str = Field(description="in words: Instructor, Owner or Office")


class CertifierList(BaseModel):
    items: list[Certifier]


BATCH_MAX = 200


class BatchRow(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    enrollment_id: Id
    version: Version = Field(description="the enrollment's version")
    mto_reference: Code
    fee_cents: Cents | None = Field(default=None, le=1_000_000, description="defaults to the settings' MTO fee")


class CertifyBatch(BaseModel):
    """Several students certified by one person on one date; each row is certified, or refused, on its own."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    rows: list[BatchRow] = Field(min_length=1, max_length=BATCH_MAX)
    certifier: CertifierRef
    certified_on: SchoolDate | None = Field(default=None, description="defaults to today in the school's zone")
    reason: Annotated[str, Field(min_length=3, max_length=1000), NulFree] | None = Field(
        default=None, description="required when certified_on is not today"
    )

    @field_validator("rows")
    @classmethod
    def _each_enrollment_once(cls, rows: list[BatchRow]) -> list[BatchRow]:
        ids = [r.enrollment_id for r in rows]
        if len(set(ids)) != len(ids):
            raise ValueError("each student's enrollment may appear once in rows")
        return rows

    def request_for(self, row: BatchRow) -> CertifyRequest:
        return CertifyRequest(
            version=row.version,
            certified_on=self.certified_on,
            reason=self.reason,
            certifier=self.certifier,
            mto_reference=row.mto_reference,
            fee_cents=row.fee_cents,
        )


class Refusal(BaseModel):
    code: str
    message: str
    details: dict[str, Any] | None = None


class BatchOutcome(BaseModel):
    """One row's outcome: certified (with the enrollment as it now is) or refused (with why, nothing written)."""

    enrollment_id: int
    certified: bool
    enrollment: EnrollmentDetail | None = None
    refusal: Refusal | None = None


class BatchResult(BaseModel):
    outcomes: list[BatchOutcome]
    certified_count: int
    refused_count: int
