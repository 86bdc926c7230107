from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator


def _reason() -> Any:
    """Why a class is entered after the fact: kept in the audit entry, so an inspector can read it."""
    return Field(default=None, max_length=500, description="needed for a past class, or late attendance")


class SessionCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    instructor_id: int
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    room: str = Field(min_length=1, max_length=60)
    topic: str = Field(min_length=1, max_length=200)
    capacity: int = Field(ge=1, le=500, description="at most settings.class_size_max")
    notes: str | None = Field(default=None, max_length=2000)
    reason: str | None = _reason()

    @model_validator(mode="after")
    def _ordered(self) -> SessionCreate:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if (self.ends_at - self.starts_at).total_seconds() > 24 * 3600:
            raise ValueError("a session lasts at most 24 hours")
        return self


class AttendanceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enrollment_id: int
    minutes: int = Field(ge=0, le=24 * 60, description="minutes present; 0 = absent")


class AttendanceRecord(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    entries: list[AttendanceEntry] = Field(min_length=1, max_length=500)
    reason: str | None = _reason()


class AttendanceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    enrollment_id: int
    student_id: int
    student_name: str = ""
    minutes: int


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


class SessionPage(BaseModel):
    items: list[SessionRead]
    total: int
