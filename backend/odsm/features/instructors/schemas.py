from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field, model_validator

Name = Annotated[str, Field(min_length=1, max_length=100)]


class AvailabilitySlot(BaseModel):
    model_config = ConfigDict(from_attributes=True, extra="forbid")

    weekday: int = Field(ge=0, le=6, description="0 = Monday")
    start_minute: int = Field(ge=0, lt=24 * 60)
    end_minute: int = Field(gt=0, le=24 * 60)

    @model_validator(mode="after")
    def _ordered(self) -> AvailabilitySlot:
        if self.end_minute <= self.start_minute:
            raise ValueError("end_minute must be after start_minute")
        return self


class TimeOffCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    starts_at: AwareDatetime
    ends_at: AwareDatetime
    reason: str | None = Field(default=None, max_length=200)

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
    phone: str | None = Field(default=None, max_length=40)
    email: EmailStr | None = None
    di_licence_number: str = Field(min_length=1, max_length=40)
    di_licence_expiry: date
    authorised_in_car: bool = True
    authorised_classroom: bool = False
    criminal_check_date: date | None = None
    driver_abstract_date: date | None = None
    city_licence_expiry: date | None = None
    own_car_insurance_expiry: date | None = None
    active: bool = True
    notes: str | None = Field(default=None, max_length=5000)


class InstructorCreate(InstructorFields):
    availability: list[AvailabilitySlot] = Field(default_factory=list, max_length=50)


class InstructorUpdate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    version: int = Field(ge=1)
    first_name: Name | None = None
    last_name: Name | None = None
    phone: str | None = Field(default=None, max_length=40)
    email: EmailStr | None = None
    di_licence_number: str | None = Field(default=None, min_length=1, max_length=40)
    di_licence_expiry: date | None = None
    authorised_in_car: bool | None = None
    authorised_classroom: bool | None = None
    criminal_check_date: date | None = None
    driver_abstract_date: date | None = None
    city_licence_expiry: date | None = None
    own_car_insurance_expiry: date | None = None
    active: bool | None = None
    notes: str | None = Field(default=None, max_length=5000)
    availability: list[AvailabilitySlot] | None = Field(default=None, max_length=50)


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
