from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.bounded import PathId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.service_dependency import service_from_app

from .schemas import InstructorCreate, InstructorPage, InstructorRead, InstructorUpdate, TimeOffAdded, TimeOffCreate
from .service import InstructorService

router = APIRouter(prefix="/instructors", tags=["instructors"])

Svc = Annotated[InstructorService, Depends(service_from_app(InstructorService))]


channel = channels_for("instructors")


@router.get("", response_model=InstructorPage, responses=refusals(422), openapi_extra=channel("list"))
@quick_read
def list_instructors(svc: Svc, include_inactive: bool = False) -> InstructorPage:
    return svc.list(include_inactive)


@router.post(
    "", response_model=InstructorRead, status_code=201, responses=refusals(409, 422), openapi_extra=channel("create")
)
def create_instructor(data: InstructorCreate, svc: Svc) -> InstructorRead:
    return svc.create(data)


@router.get(
    "/{instructor_id}", response_model=InstructorRead, responses=refusals(404, 422), openapi_extra=channel("get")
)
@quick_read
def get_instructor(instructor_id: PathId, svc: Svc) -> InstructorRead:
    return svc.get(instructor_id)


@router.patch(
    "/{instructor_id}",
    response_model=InstructorRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("update"),
)
def update_instructor(instructor_id: PathId, data: InstructorUpdate, svc: Svc) -> InstructorRead:
    return svc.update(instructor_id, data)


@router.post(
    "/{instructor_id}/time-off",
    response_model=TimeOffAdded,
    status_code=201,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("addTimeOff"),
)
def add_time_off(instructor_id: PathId, data: TimeOffCreate, svc: Svc) -> TimeOffAdded:
    return svc.add_time_off(instructor_id, data)


@router.delete(
    "/{instructor_id}/time-off/{time_off_id}",
    response_model=InstructorRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("removeTimeOff"),
)
def remove_time_off(instructor_id: PathId, time_off_id: PathId, svc: Svc) -> InstructorRead:
    return svc.remove_time_off(instructor_id, time_off_id)
