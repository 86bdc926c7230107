from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from odsm.core.bounded import Offset, OptionalQueryId
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import StudentArchive, StudentCreate, StudentPage, StudentRead, StudentUpdate
from .service import StudentService

StudentServiceDep = Annotated[StudentService, Depends(service_from_app(StudentService))]
records = RecordRoutes("students", StudentServiceDep, record_id="student_id")
router, channel = records.router, records.channel


# Quick reads (a primary key, an indexed page) are `@quick_read`: odsm.core.quick_reads decides whether
# they run on the event loop (SQLite) or in the threadpool. Writes and long reads stay plain `def`.


@router.get("", response_model=StudentPage, responses=refusals(422), openapi_extra=channel("list"))
@quick_read
def list_students(
    svc: StudentServiceDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 25,
    include_archived: bool = False,
    # Only the students this instructor teaches: an instructor's own account must ask for its own.
    instructor_id: OptionalQueryId = None,
) -> StudentPage:
    return svc.list(q, offset, limit, include_archived, instructor_id)


records.create("create_student", StudentService.create, StudentCreate, StudentRead)
records.get("get_student", StudentService.get, StudentRead)
records.update("update_student", StudentService.update, StudentUpdate, StudentRead)
records.action("/archive", "archive", "archive_student", StudentService.archive, StudentArchive, StudentRead)
