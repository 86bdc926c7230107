from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from odsm.core.bounded import OptionalQueryId, QueryId, SchoolDate, SchoolDateTime
from odsm.core.error_responses import refusals
from odsm.core.errors import ValidationFailed
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import (
    CheckResult,
    DaySheet,
    LessonBook,
    LessonCancel,
    LessonComplete,
    LessonPage,
    LessonRead,
    LessonUpdate,
    SchoolDay,
    SlotProposals,
    StudentLessons,
)
from .service import LessonService
from .slot_finder import SlotQuery

Svc = Annotated[LessonService, Depends(service_from_app(LessonService))]
records = RecordRoutes("lessons", Svc, record_id="lesson_id")
router, channel = records.router, records.channel


@router.get("", response_model=LessonPage, responses=refusals(422), openapi_extra=channel("list"))
def list_lessons(
    svc: Svc,
    start: Annotated[SchoolDateTime, Query(description="lessons overlapping [start, end)")],
    end: Annotated[SchoolDateTime, Query()],
    instructor_id: OptionalQueryId = None,
    vehicle_id: OptionalQueryId = None,
    student_id: OptionalQueryId = None,
    include_cancelled: bool = False,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> LessonPage:
    return svc.list(start, end, instructor_id, vehicle_id, student_id, include_cancelled, limit)


@router.get(
    "/for-student", response_model=StudentLessons, responses=refusals(404, 422), openapi_extra=channel("forStudent")
)
def student_lessons(
    svc: Svc,
    student_id: QueryId,
    upcoming_limit: Annotated[int, Query(ge=1, le=200)] = 50,
    past_limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> StudentLessons:
    """A student's lessons for their page: the next one, those to come and those over, with names."""
    return svc.for_student(student_id, upcoming_limit, past_limit)


# Unset fields stay out of the answer: an allowed check reads as it always did, and only a refusal carries
# the proposals.
@router.post(
    "/check",
    response_model=CheckResult,
    response_model_exclude_unset=True,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("check", dry_run=True),
)
def check_lesson(data: LessonBook, svc: Svc, lesson_id: OptionalQueryId = None) -> CheckResult:
    """A dry run of book (or, with lesson_id, of rescheduling that lesson): every rule it would break."""
    return svc.check(data, lesson_id)


@router.get("/day-sheet", response_model=DaySheet, responses=refusals(404, 422), openapi_extra=channel("daySheet"))
def day_sheet(instructor_id: QueryId, date: Annotated[SchoolDate, Query()], svc: Svc) -> DaySheet:
    return svc.day_sheet(instructor_id, date)


@router.get("/school-day", response_model=SchoolDay, responses=refusals(422), openapi_extra=channel("schoolDay"))
def school_day(day: Annotated[SchoolDate, Query(description="the school's local day")], svc: Svc) -> SchoolDay:
    """Every instructor's lessons, classes and road tests that day, with their weekly hours and time off."""
    return svc.school_day(day)


@router.get(
    "/find-slots", response_model=SlotProposals, responses=refusals(404, 409, 422), openapi_extra=channel("findSlots")
)
def find_slots(
    svc: Svc,
    student_id: QueryId,
    minutes: Annotated[int, Query(ge=15, le=480, description="the lesson's length")] = 60,
    from_date: Annotated[SchoolDate | None, Query(description="the first day searched; today by default")] = None,
    days: Annotated[int, Query(ge=1, le=31, description="how many days are searched")] = 14,
    earliest_minute: Annotated[int, Query(ge=0, le=1440, description="local minutes from midnight")] = 8 * 60,
    latest_minute: Annotated[int, Query(ge=0, le=1440, description="the latest a lesson may end")] = 20 * 60,
    step_minutes: Annotated[int, Query(ge=5, le=240, description="between candidate starts")] = 30,
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
    enrollment_id: OptionalQueryId = None,
    instructor_id: OptionalQueryId = None,
) -> SlotProposals:
    """The next free slots for the student where every booking rule passes, the usual instructor's first."""
    if latest_minute - earliest_minute < minutes:
        raise ValidationFailed.for_field(
            "latest_minute",
            "window_fits_lesson",
            "The hours searched must be at least as long as the lesson.",
            earliest_minute=earliest_minute,
            minutes=minutes,
        )
    q = SlotQuery(
        student_id, minutes, from_date, days, earliest_minute, latest_minute, step_minutes, limit,
        enrollment_id, instructor_id,
    )  # fmt: skip
    return svc.find_slots(q)


records.create("book_lesson", LessonService.book, LessonBook, LessonRead, verb="book", refuses=(404, 409, 422))
records.get("get_lesson", LessonService.get, LessonRead)
records.update("update_lesson", LessonService.update, LessonUpdate, LessonRead)
records.action("/complete", "complete", "complete_lesson", LessonService.complete, LessonComplete, LessonRead)
records.action("/cancel", "cancel", "cancel_lesson", LessonService.cancel, LessonCancel, LessonRead)
records.action("/no-show", "markNoShow", "mark_no_show", LessonService.mark_no_show, LessonCancel, LessonRead)
