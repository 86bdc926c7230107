from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

from odsm.core.bounded import Code, DayMinutes, Id, Label, NulFree, SchoolDateTime


def _reason() -> Any:
    """Why a class is entered after the fact: kept in the audit entry, so an inspector can read it."""
    return Field(default=None, max_length=500, description="needed for a past class, or late attendance")


class SessionCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    instructor_id: Id
    starts_at: SchoolDateTime
    ends_at: SchoolDateTime
    room: Code
    topic: Label
    capacity: Annotated[int, Strict()] = Field(ge=1, le=500, description="at most settings.class_size_max")
    notes: Annotated[str, Field(max_length=2000), NulFree] | None = None
    reason: Annotated[str, NulFree] | None = _reason()

    @model_validator(mode="after")
    def _ordered(self) -> SessionCreate:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if (self.ends_at - self.starts_at).total_seconds() > 24 * 3600:
            raise ValueError("a session lasts at most 24 hours")
        return self


class AttendanceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enrollment_id: Id
    minutes: DayMinutes = Field(description="minutes present; 0 = absent")


class AttendanceRecord(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    entries: list[AttendanceEntry] = Field(min_length=1, max_length=500)
    reason: Annotated[str, NulFree] | None = _reason()


class AttendanceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    enrollment_id: int
    student_id: int
    student_name: str = ""
    minutes: int


class RosterChange(BaseModel):
    """One student's BDE enrollment, added to or taken off a class's roster."""

    model_config = ConfigDict(extra="forbid")

    enrollment_id: Id


class RosterRead(BaseModel):
    enrollment_id: int
    student_id: int
    student_name: str


class SessionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    instructor_id: int
    instructor_name: str = ""
    starts_at: datetime
    ends_at: datetime
    room: str
    topic: str
    capacity: int
    notes: str | None
    version: int
    attendance: list[AttendanceRead] = Field(default_factory=list)
    roster: list[RosterRead] = Field(default_factory=list, description="registered ahead of time, by name")


class SessionPage(BaseModel):
    items: list[SessionRead]
    total: int
