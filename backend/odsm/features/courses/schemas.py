from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CourseKind = Literal["bde", "package"]


class CourseCreate(BaseModel):
    """A BDE course takes its hours from the school settings when they are not given."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    kind: CourseKind
    classroom_minutes: int | None = Field(default=None, ge=0, le=1000 * 60)
    in_car_minutes: int | None = Field(default=None, ge=0, le=1000 * 60)
    flex_minutes: int | None = Field(default=None, ge=0, le=1000 * 60)
    price_cents: int = Field(default=0, ge=0, le=100_000_000)
    tax_rate_basis_points: int = Field(default=1300, ge=0, le=10_000)
    active: bool = True


class CourseUpdate(BaseModel):
    """Only the fields sent are changed."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    version: int = Field(ge=1)
    name: str | None = Field(default=None, min_length=1, max_length=200)
    classroom_minutes: int | None = Field(default=None, ge=0, le=1000 * 60)
    in_car_minutes: int | None = Field(default=None, ge=0, le=1000 * 60)
    flex_minutes: int | None = Field(default=None, ge=0, le=1000 * 60)
    price_cents: int | None = Field(default=None, ge=0, le=100_000_000)
    tax_rate_basis_points: int | None = Field(default=None, ge=0, le=10_000)
    active: bool | None = None


class CourseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    kind: CourseKind
    classroom_minutes: int
    in_car_minutes: int
    flex_minutes: int
    price_cents: int
    tax_rate_basis_points: int
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class CoursePage(BaseModel):
    items: list[CourseRead]
    total: int
