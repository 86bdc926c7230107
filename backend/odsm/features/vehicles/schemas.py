from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator

from odsm.core.bounded import Code, Flag, Line, Notes, SchoolDate, VersionedChange, nul_free, omitted

_VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")


class Transmission(StrEnum):
    automatic = "automatic"
    manual = "manual"


def _vin(value: str) -> str:
    v = nul_free(value).strip().upper()
    if not _VIN.match(v):
        raise ValueError("A VIN is 17 letters and digits, without I, O or Q")
    return v


def _plate(value: str) -> str:
    v = " ".join(nul_free(value).upper().split())
    if not 2 <= len(v) <= 12:
        raise ValueError("A plate is 2 to 12 characters")
    return v


# Raw text is bounded loosely (spaces are folded first); the validators then hold a plate to 12 characters
# and a VIN to 17.
Plate = Annotated[str, Field(max_length=40)]
Vin = Annotated[str, Field(max_length=40)]
ModelYear = Annotated[int, Strict(), Field(ge=1980, le=2100)]
Kilometres = Annotated[int, Strict(), Field(ge=0, le=2_000_000)]


class VehicleFields(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    plate: Plate
    vin: Vin
    make: Code
    model: Code
    year: ModelYear
    transmission: Transmission
    dual_brake: Flag = True
    insurance_expiry: SchoolDate
    inspection_expiry: SchoolDate
    active: Flag = True
    notes: Notes | None = None

    _check_vin = field_validator("vin")(classmethod(lambda cls, v: _vin(v)))
    _check_plate = field_validator("plate")(classmethod(lambda cls, v: _plate(v)))


class VehicleCreate(VehicleFields):
    odometer_km: Kilometres | None = None


class VehicleUpdate(VersionedChange):
    # Leave a field out to keep it; null clears only what the database can hold empty.
    plate: Plate = omitted()
    vin: Vin = omitted()
    make: Code = omitted()
    model: Code = omitted()
    year: ModelYear = omitted()
    transmission: Transmission = omitted()
    dual_brake: Flag = omitted()
    insurance_expiry: SchoolDate = omitted()
    inspection_expiry: SchoolDate = omitted()
    active: Flag = omitted()
    notes: Notes | None = None

    _check_vin = field_validator("vin")(classmethod(lambda cls, v: _vin(v)))
    _check_plate = field_validator("plate")(classmethod(lambda cls, v: _plate(v)))


class OdometerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    km: Kilometres
    note: Line | None = None


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
