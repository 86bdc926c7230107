from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from odsm.core.bounded import OptionalQueryId, SchoolDateTime
from odsm.core.error_responses import refusals
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import AttendanceRecord, RosterChange, SessionCreate, SessionPage, SessionRead
from .service import ClassroomService

Svc = Annotated[ClassroomService, Depends(service_from_app(ClassroomService))]
records = RecordRoutes("classroom", Svc, record_id="session_id")
router, channel = records.router, records.channel


@router.get("", response_model=SessionPage, responses=refusals(422), openapi_extra=channel("list"))
def list_sessions(
    svc: Svc,
    start: Annotated[SchoolDateTime, Query(description="sessions overlapping [start, end)")],
    end: Annotated[SchoolDateTime, Query()],
    instructor_id: OptionalQueryId = None,
) -> SessionPage:
    return svc.list(start, end, instructor_id)


records.create("create_session", ClassroomService.create, SessionCreate, SessionRead, refuses=(404, 409, 422))
records.action(
    "/attendance",
    "recordAttendance",
    "record_attendance",
    ClassroomService.record_attendance,
    AttendanceRecord,
    SessionRead,
)
records.action("/roster", "addToRoster", "add_to_roster", ClassroomService.add_to_roster, RosterChange, SessionRead)
records.action(
    "/roster/remove",
    "removeFromRoster",
    "remove_from_roster",
    ClassroomService.remove_from_roster,
    RosterChange,
    SessionRead,
)
