from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

_VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")


class Transmission(StrEnum):
    automatic = "automatic"
    manual = "manual"


def _vin(value: str) -> str:
    v = value.strip().upper()
    if not _VIN.match(v):
        raise ValueError("A VIN is 17 letters and digits, without I, O or Q")
    return v


def _plate(value: str) -> str:
    v = " ".join(value.upper().split())
    if not 2 <= len(v) <= 12:
        raise ValueError("A plate is 2 to 12 characters")
    return v


class VehicleFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    plate: str
    vin: str
    make: str = Field(min_length=1, max_length=60)
    model: str = Field(min_length=1, max_length=60)
    year: int = Field(ge=1980, le=2100)
    transmission: Transmission
    dual_brake: bool = True
    insurance_expiry: date
    inspection_expiry: date
    active: bool = True
    notes: str | None = Field(default=None, max_length=5000)

    _check_vin = field_validator("vin")(classmethod(lambda cls, v: _vin(v)))
    _check_plate = field_validator("plate")(classmethod(lambda cls, v: _plate(v)))


class VehicleCreate(VehicleFields):
    odometer_km: int | None = Field(default=None, ge=0, le=2_000_000)


class VehicleUpdate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    version: int = Field(ge=1)
    plate: str | None = None
    vin: str | None = None
    make: str | None = Field(default=None, min_length=1, max_length=60)
    model: str | None = Field(default=None, min_length=1, max_length=60)
    year: int | None = Field(default=None, ge=1980, le=2100)
    transmission: Transmission | None = None
    dual_brake: bool | None = None
    insurance_expiry: date | None = None
    inspection_expiry: date | None = None
    active: bool | None = None
    notes: str | None = Field(default=None, max_length=5000)

    _check_vin = field_validator("vin")(classmethod(lambda cls, v: None if v is None else _vin(v)))
    _check_plate = field_validator("plate")(classmethod(lambda cls, v: None if v is None else _plate(v)))


class OdometerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    km: int = Field(ge=0, le=2_000_000)
    note: str | None = Field(default=None, max_length=200)


class OdometerRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    recorded_at: datetime
    km: int
    source: str
    lesson_id: int | None
    note: str | None


class VehicleRead(VehicleFields):
    model_config = ConfigDict(from_attributes=True)

    id: int
    version: int
    last_odometer_km: int | None = None
    created_at: datetime
    updated_at: datetime


class VehiclePage(BaseModel):
    items: list[VehicleRead]
    total: int


class OdometerLog(BaseModel):
    items: list[OdometerRead]
