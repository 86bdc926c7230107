from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import ScheduleFileRequest, ScheduleFileResult
from .service import ScheduleFileService

router = APIRouter(prefix="/system", tags=["system"])
Svc = Annotated[ScheduleFileService, Depends(service_from_app(ScheduleFileService))]


# No IPC channel: main alone calls this, with a path the user picked in a native save dialog.
@router.post("/calendar-files", response_model=ScheduleFileResult, status_code=201, responses=refusals(404, 422))
def write_schedule_file(body: ScheduleFileRequest, svc: Svc) -> ScheduleFileResult:
    """An instructor's lessons and classes for a range of days, as an iCalendar (.ics) file."""
    return svc.write(body)
