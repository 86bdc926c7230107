from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel

from odsm.core.bounded import SchoolDate, VersionedChange

# The API's spelling of odsm.models.LicenceClass (a Literal keeps the contract free of a named enum).
LicenceClassName = Literal["G1", "G2", "G"]


class LicenceStepRead(BaseModel):
    licence_class: LicenceClassName
    issued_on: date | None
    source: str
    road_test_id: int | None


class LicenceHistory(BaseModel):
    student_id: int
    current_class: LicenceClassName | None
    steps: list[LicenceStepRead]
    # The student's version: recording a step is a change to the student, checked like any other.
    version: int


class LicenceStepRecord(VersionedChange):
    """The next step (G1, then G2, then G) with the day it was issued, or a new date for one held."""

    licence_class: LicenceClassName
    issued_on: SchoolDate
