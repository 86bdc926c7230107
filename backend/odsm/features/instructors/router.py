from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from odsm.core.bounded import PathId
from odsm.core.error_responses import refusals
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import InstructorCreate, InstructorPage, InstructorRead, InstructorUpdate, TimeOffAdded, TimeOffCreate
from .service import InstructorService

Svc = Annotated[InstructorService, Depends(service_from_app(InstructorService))]
records = RecordRoutes("instructors", Svc, record_id="instructor_id")
router, channel = records.router, records.channel


records.list_retirable("list_instructors", InstructorService.list, InstructorPage)
records.create("create_instructor", InstructorService.create, InstructorCreate, InstructorRead)
records.get("get_instructor", InstructorService.get, InstructorRead)
records.update("update_instructor", InstructorService.update, InstructorUpdate, InstructorRead)
records.action(
    "/time-off",
    "addTimeOff",
    "add_time_off",
    InstructorService.add_time_off,
    TimeOffCreate,
    TimeOffAdded,
    status_code=201,
)


@router.delete(
    "/{instructor_id}/time-off/{time_off_id}",
    response_model=InstructorRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("removeTimeOff"),
)
def remove_time_off(instructor_id: PathId, time_off_id: PathId, svc: Svc) -> InstructorRead:
    return svc.remove_time_off(instructor_id, time_off_id)
