from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

from odsm.core.bounded import Id, Notes, NulFree, SchoolDateTime, VersionedChange, omitted

# The API's spelling of odsm.models.LessonStatus. A Literal rather than the enum itself: pydantic would
# publish the enum as a named schema component and change the contract (tests pin the two to each other).
LessonStatus = Literal["scheduled", "completed", "cancelled", "late_cancelled", "no_show"]
# Why a lesson is booked in the past or completed late: kept in the audit entry, so an inspector can read it.
BACKDATE_REASON = Field(
    default=None, max_length=500, description="needed for a past start, or a completion after the grace period"
)
# A lesson lasts at most a day: range queries bound starts_at on both sides with it.
MAX_LESSON_SECONDS = 24 * 3600


OverrideReason = Annotated[
    Annotated[str, NulFree] | None,
    Field(
        max_length=500,
        description="why the lesson may fall outside the instructor's weekly hours; kept in the audit log",
    ),
]
Place = Annotated[str, Field(max_length=300), NulFree]
CancelReason = Annotated[str, Field(max_length=500), NulFree]
Skill = Annotated[str, Field(max_length=200), NulFree]
Odometer = Annotated[int, Strict(), Field(ge=0, le=10_000_000)]


def ordered(start: datetime | None, end: datetime | None, what: str) -> None:
    if start is None or end is None:
        return
    if end <= start:
        raise ValueError(f"{what} end must be after its start")
    if (end - start).total_seconds() > MAX_LESSON_SECONDS:
        raise ValueError(f"a {what} lasts at most 24 hours")


class LessonBook(BaseModel):
    """One student, one instructor, one vehicle: in-car is never a group."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    student_id: Id
    enrollment_id: Id | None = Field(default=None, description="the BDE enrollment; optional for packages")
    instructor_id: Id
    vehicle_id: Id
    starts_at: SchoolDateTime
    ends_at: SchoolDateTime
    pickup_location: Place | None = None
    reason: Annotated[str, NulFree] | None = BACKDATE_REASON
    override_reason: OverrideReason = None

    @model_validator(mode="after")
    def _times(self) -> LessonBook:
        ordered(self.starts_at, self.ends_at, "lesson")
        return self


class LessonUpdate(VersionedChange):
    """A reschedule or reassignment of a scheduled lesson; every booking rule is checked again."""

    # Leave a field out to keep it; a lesson always has an instructor, a vehicle and a time.
    instructor_id: Id = omitted()
    vehicle_id: Id = omitted()
    starts_at: SchoolDateTime = omitted()
    ends_at: SchoolDateTime = omitted()
    pickup_location: Place | None = None
    reason: Annotated[str, NulFree] | None = BACKDATE_REASON
    override_reason: OverrideReason = None


class LessonComplete(VersionedChange):
    actual_start: SchoolDateTime
    actual_end: SchoolDateTime
    odometer_start: Odometer
    odometer_end: Odometer
    skills_covered: list[Skill] = Field(default_factory=list, max_length=100)
    evaluation_notes: Notes | None = None
    reason: Annotated[str, NulFree] | None = BACKDATE_REASON

    @model_validator(mode="after")
    def _consistent(self) -> LessonComplete:
        ordered(self.actual_start, self.actual_end, "lesson")
        if self.odometer_end < self.odometer_start:
            raise ValueError("odometer_end cannot be lower than odometer_start")
        return self


class LessonCancel(VersionedChange):
    reason: CancelReason | None = None


class LessonRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    student_id: int
    student_name: str = ""
    enrollment_id: int | None
    instructor_id: int
    instructor_name: str = ""
    vehicle_id: int
    vehicle_plate: str = ""
    starts_at: datetime
    ends_at: datetime
    pickup_location: str | None
    status: LessonStatus
    actual_start: datetime | None
    actual_end: datetime | None
    odometer_start: int | None
    odometer_end: int | None
    skills_covered: list[str]
    evaluation_notes: str | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    fee_cents: int
    version: int


class CalendarRoadTest(BaseModel):
    """A road test on the calendar: the car and the instructor are busy from `blocked_from` to
    `blocked_until` (the test with the school's buffers), the student during the test itself."""

    id: int
    student_id: int
    student_name: str
    centre_name: str
    licence_class: Literal["G2", "G"]
    starts_at: datetime
    ends_at: datetime
    blocked_from: datetime
    blocked_until: datetime
    vehicle_id: int | None
    vehicle_plate: str | None
    instructor_id: int | None
    status: str


class LessonPage(BaseModel):
    items: list[LessonRead]
    total: int
    # The road tests holding a car, an instructor or a student in the same range (empty when none).
    road_tests: list[CalendarRoadTest] = Field(default_factory=list)


class StudentLessons(BaseModel):
    """A student's lessons as their page shows them: the next one to come, those not yet over (soonest
    first, cancelled ones too, so the desk sees what was called off) and those over (latest first)."""

    student_id: int
    next: LessonRead | None
    upcoming: list[LessonRead]
    past: list[LessonRead]


class Conflict(BaseModel):
    code: str
    message: str
    details: dict[str, Any] | None = None


class SlotProposal(BaseModel):
    """A free slot where every booking rule passes: book it with these instructor, vehicle and times."""

    starts_at: datetime
    ends_at: datetime
    instructor_id: int
    instructor_name: str
    vehicle_id: int
    vehicle_plate: str
    usual_instructor: bool = Field(description="the instructor of most of the student's lessons")
    local_time: str = Field(description="the slot in the school's zone and time format, as the desk reads it")


class SlotProposals(BaseModel):
    """The next free slots, the student's usual instructor's first, then the others', each by time."""

    student_id: int
    usual_instructor_id: int | None
    proposals: list[SlotProposal]


class CheckResult(BaseModel):
    ok: bool
    conflicts: list[Conflict]
    # Worth saying, never a refusal: e.g. the student's prepaid hours are used up.
    warnings: list[Conflict] = []
    proposals: list[SlotProposal] = Field(
        default_factory=list, description="when refused: the next free slots for the same student and length"
    )  # absent from an allowed check's answer (the route leaves unset fields out)


class InCarProgress(BaseModel):
    enrollment_id: int
    credited_minutes: int
    required_minutes: int
    remaining_minutes: int


class DaySheetItem(BaseModel):
    kind: Literal["lesson", "classroom"]
    starts_at: datetime
    ends_at: datetime
    lesson_id: int | None = None
    status: LessonStatus | None = None
    student_id: int | None = None
    student_name: str | None = None
    student_phone: str | None = None
    pickup_location: str | None = None
    vehicle_plate: str | None = None
    bde_in_car: InCarProgress | None = None
    session_id: int | None = None
    room: str | None = None
    topic: str | None = None
    attendee_count: int | None = None


class DaySheet(BaseModel):
    instructor_id: int
    instructor_name: str
    date: date
    time_zone: str
    items: list[DaySheetItem]


class MinuteWindow(BaseModel):
    """Part of a day in the school's local time, as minutes from midnight."""

    start_minute: int
    end_minute: int


class SchoolDayTimeOff(BaseModel):
    starts_at: datetime
    ends_at: datetime
    reason: str | None


class SchoolDayInstructor(BaseModel):
    """One column of the school day: the instructor, their weekly hours for that weekday and their time off."""

    id: int
    name: str
    authorised_in_car: bool
    weekly_hours_set: bool = Field(
        description="false when the instructor has recorded no weekly hours at all: then they are bookable whenever"
    )
    hours: list[MinuteWindow] = Field(description="that weekday's windows, merged and sorted; empty: not working")
    time_off: list[SchoolDayTimeOff]


class SchoolDayClass(BaseModel):
    id: int
    instructor_id: int
    starts_at: datetime
    ends_at: datetime
    topic: str
    room: str
    capacity: int
    attendee_count: int


class SchoolDay(BaseModel):
    """Every instructor's day side by side: the lessons on the calendar (cancelled ones left out, as on an
    instructor's own calendar), classes and road tests, each under its instructor's id."""

    date: date
    time_zone: str
    instructors: list[SchoolDayInstructor]
    lessons: list[LessonRead]
    classes: list[SchoolDayClass]
    road_tests: list[CalendarRoadTest]
