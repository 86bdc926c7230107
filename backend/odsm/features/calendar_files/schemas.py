from __future__ import annotations

from datetime import timedelta

from pydantic import BaseModel, ConfigDict, Field, model_validator

from odsm.core.bounded import Id, LocalPath, SchoolDate

# A year and a day: enough for a school year's schedule, small enough for a phone to import at once.
MAX_DAYS = 366


class ScheduleFileRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    instructor_id: Id
    first_day: SchoolDate = Field(description="The first local day the file covers.")
    last_day: SchoolDate = Field(description="The last local day the file covers, included.")
    file: LocalPath = Field(description="Where the .ics file goes: a path main's save dialog returned.")

    @model_validator(mode="after")
    def _span(self) -> ScheduleFileRequest:
        if self.last_day < self.first_day:
            raise ValueError("last_day cannot be before first_day")
        if self.last_day - self.first_day >= timedelta(days=MAX_DAYS):
            raise ValueError(f"the file covers at most {MAX_DAYS} days")
        return self


class ScheduleFileResult(BaseModel):
    file: str
    bytes: int
    events: int = Field(description="Lessons and classes written to the file.")
    instructor: str
    time_zone: str
