from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, Strict, model_validator

from odsm.core.bounded import (
    Flag,
    Line,
    Name,
    Notes,
    Phone,
    SchoolDate,
    SchoolDateTime,
    Short,
    VersionedChange,
    omitted,
)

LicenceNumber = Annotated[Short, Field(min_length=1)]


class AvailabilitySlot(BaseModel):
    model_config = ConfigDict(from_attributes=True, extra="forbid")

    weekday: Annotated[int, Strict()] = Field(ge=0, le=6, description="0 = Monday")
    start_minute: Annotated[int, Strict()] = Field(ge=0, lt=24 * 60)
    end_minute: Annotated[int, Strict()] = Field(gt=0, le=24 * 60)

    @model_validator(mode="after")
    def _ordered(self) -> AvailabilitySlot:
        if self.end_minute <= self.start_minute:
            raise ValueError("end_minute must be after start_minute")
        return self


class TimeOffCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    starts_at: SchoolDateTime
    ends_at: SchoolDateTime
    reason: Line | None = None

    @model_validator(mode="after")
    def _ordered(self) -> TimeOffCreate:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class TimeOffRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    starts_at: datetime
    ends_at: datetime
    reason: str | None


class InstructorFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    first_name: Name
    last_name: Name
    phone: Phone | None = None
    email: EmailStr | None = None
    di_licence_number: LicenceNumber
    di_licence_expiry: SchoolDate
    authorised_in_car: Flag = True
    authorised_classroom: Flag = False
    criminal_check_date: SchoolDate | None = None
    driver_abstract_date: SchoolDate | None = None
    city_licence_expiry: SchoolDate | None = None
    own_car_insurance_expiry: SchoolDate | None = None
    active: Flag = True
    notes: Notes | None = None


class InstructorCreate(InstructorFields):
    availability: list[AvailabilitySlot] = Field(default_factory=list, max_length=50)


class InstructorUpdate(VersionedChange):
    # Leave a field out to keep it; null clears only what the database can hold empty.
    first_name: Name = omitted()
    last_name: Name = omitted()
    phone: Phone | None = None
    email: EmailStr | None = None
    di_licence_number: LicenceNumber = omitted()
    di_licence_expiry: SchoolDate = omitted()
    authorised_in_car: Flag = omitted()
    authorised_classroom: Flag = omitted()
    criminal_check_date: SchoolDate | None = None
    driver_abstract_date: SchoolDate | None = None
    city_licence_expiry: SchoolDate | None = None
    own_car_insurance_expiry: SchoolDate | None = None
    active: Flag = omitted()
    notes: Notes | None = None
    availability: list[AvailabilitySlot] = omitted()


class InstructorRead(InstructorFields):
    model_config = ConfigDict(from_attributes=True)

    id: int
    version: int
    availability: list[AvailabilitySlot]
    time_off: list[TimeOffRead]
    created_at: datetime
    updated_at: datetime


class InstructorPage(BaseModel):
    items: list[InstructorRead]
    total: int


class AffectedLesson(BaseModel):
    """A scheduled lesson that falls in newly added time off: the front desk moves or cancels it."""

    lesson_id: int
    student_name: str
    starts_at: datetime
    local_starts_at: str = Field(description="the start in the school's time zone, e.g. 2031-06-10 10:00")


class TimeOffAdded(InstructorRead):
    """The instructor with the time off saved (the absence is a fact), and the lessons it lands on."""

    affected_lessons: list[AffectedLesson]
