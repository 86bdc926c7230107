from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import OptionalQueryId, PathId, QueryId, SchoolDate, SchoolDateTime
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
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
)
from .service import LessonService

router = APIRouter(prefix="/lessons", tags=["lessons"])

Svc = Annotated[LessonService, Depends(service_from_app(LessonService))]


channel = channels_for("lessons")


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


@router.post("/check", response_model=CheckResult, responses=refusals(404, 409, 422), openapi_extra=channel("check"))
def check_lesson(data: LessonBook, svc: Svc, lesson_id: OptionalQueryId = None) -> CheckResult:
    """A dry run of book (or, with lesson_id, of rescheduling that lesson): every rule it would break."""
    return svc.check(data, lesson_id)


@router.get("/day-sheet", response_model=DaySheet, responses=refusals(404, 422), openapi_extra=channel("daySheet"))
def day_sheet(instructor_id: QueryId, date: Annotated[SchoolDate, Query()], svc: Svc) -> DaySheet:
    return svc.day_sheet(instructor_id, date)


@router.post(
    "", response_model=LessonRead, status_code=201, responses=refusals(404, 409, 422), openapi_extra=channel("book")
)
def book_lesson(data: LessonBook, svc: Svc) -> LessonRead:
    return svc.book(data)


@router.get("/{lesson_id}", response_model=LessonRead, responses=refusals(404, 422), openapi_extra=channel("get"))
@quick_read
def get_lesson(lesson_id: PathId, svc: Svc) -> LessonRead:
    return svc.get(lesson_id)


@router.patch(
    "/{lesson_id}", response_model=LessonRead, responses=refusals(404, 409, 422), openapi_extra=channel("update")
)
def update_lesson(lesson_id: PathId, data: LessonUpdate, svc: Svc) -> LessonRead:
    return svc.update(lesson_id, data)


@router.post(
    "/{lesson_id}/complete",
    response_model=LessonRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("complete"),
)
def complete_lesson(lesson_id: PathId, data: LessonComplete, svc: Svc) -> LessonRead:
    return svc.complete(lesson_id, data)


@router.post(
    "/{lesson_id}/cancel", response_model=LessonRead, responses=refusals(404, 409, 422), openapi_extra=channel("cancel")
)
def cancel_lesson(lesson_id: PathId, data: LessonCancel, svc: Svc) -> LessonRead:
    return svc.cancel(lesson_id, data)


@router.post(
    "/{lesson_id}/no-show",
    response_model=LessonRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("markNoShow"),
)
def mark_no_show(lesson_id: PathId, data: LessonCancel, svc: Svc) -> LessonRead:
    return svc.mark_no_show(lesson_id, data)
