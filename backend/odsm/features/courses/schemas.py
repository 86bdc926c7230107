from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict

from odsm.core.bounded import Cents, Flag, Label, VersionedChange, omitted

CourseKind = Literal["bde", "package"]
CourseMinutes = Annotated[int, Strict(), Field(ge=0, le=1000 * 60)]
BasisPoints = Annotated[int, Strict(), Field(ge=0, le=10_000)]


class CourseCreate(BaseModel):
    """A BDE course takes its hours from the school settings when they are not given."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Label
    kind: CourseKind
    classroom_minutes: CourseMinutes | None = None
    in_car_minutes: CourseMinutes | None = None
    flex_minutes: CourseMinutes | None = None
    price_cents: Cents = 0
    tax_rate_basis_points: BasisPoints = 1300
    active: Flag = True


class CourseUpdate(VersionedChange):
    """Only the fields sent are changed."""

    # Leave a field out to keep it; none of these columns can be empty.
    name: Label = omitted()
    classroom_minutes: CourseMinutes = omitted()
    in_car_minutes: CourseMinutes = omitted()
    flex_minutes: CourseMinutes = omitted()
    price_cents: Cents = omitted()
    tax_rate_basis_points: BasisPoints = omitted()
    active: Flag = omitted()


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
