from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import OptionalQueryId, PathId, SchoolDateTime
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import AttendanceRecord, SessionCreate, SessionPage, SessionRead
from .service import ClassroomService

router = APIRouter(prefix="/classroom", tags=["classroom"])

Svc = Annotated[ClassroomService, Depends(service_from_app(ClassroomService))]


channel = channels_for("classroom")


@router.get("", response_model=SessionPage, responses=refusals(422), openapi_extra=channel("list"))
def list_sessions(
    svc: Svc,
    start: Annotated[SchoolDateTime, Query(description="sessions overlapping [start, end)")],
    end: Annotated[SchoolDateTime, Query()],
    instructor_id: OptionalQueryId = None,
) -> SessionPage:
    return svc.list(start, end, instructor_id)


@router.post(
    "", response_model=SessionRead, status_code=201, responses=refusals(404, 409, 422), openapi_extra=channel("create")
)
def create_session(data: SessionCreate, svc: Svc) -> SessionRead:
    return svc.create(data)


@router.post(
    "/{session_id}/attendance",
    response_model=SessionRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("recordAttendance"),
)
def record_attendance(session_id: PathId, data: AttendanceRecord, svc: Svc) -> SessionRead:
    return svc.record_attendance(session_id, data)
