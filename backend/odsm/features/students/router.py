from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import Offset, PathId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.service_dependency import service_from_app

from .schemas import StudentArchive, StudentCreate, StudentPage, StudentRead, StudentUpdate
from .service import StudentService

router = APIRouter(prefix="/students", tags=["students"])
StudentServiceDep = Annotated[StudentService, Depends(service_from_app(StudentService))]


# Quick reads (a primary key, an indexed page) are `@quick_read`: odsm.core.quick_reads decides whether
# they run on the event loop (SQLite) or in the threadpool. Writes and long reads stay plain `def`.


channel = channels_for("students")


@router.get("", response_model=StudentPage, responses=refusals(422), openapi_extra=channel("list"))
@quick_read
def list_students(
    svc: StudentServiceDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 25,
    include_archived: bool = False,
) -> StudentPage:
    return svc.list(q, offset, limit, include_archived)


@router.post(
    "", response_model=StudentRead, status_code=201, responses=refusals(409, 422), openapi_extra=channel("create")
)
def create_student(data: StudentCreate, svc: StudentServiceDep) -> StudentRead:
    return svc.create(data)


@router.get("/{student_id}", response_model=StudentRead, responses=refusals(404, 422), openapi_extra=channel("get"))
@quick_read
def get_student(student_id: PathId, svc: StudentServiceDep) -> StudentRead:
    return svc.get(student_id)


@router.patch(
    "/{student_id}", response_model=StudentRead, responses=refusals(404, 409, 422), openapi_extra=channel("update")
)
def update_student(student_id: PathId, data: StudentUpdate, svc: StudentServiceDep) -> StudentRead:
    return svc.update(student_id, data)


@router.post(
    "/{student_id}/archive",
    response_model=StudentRead,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("archive"),
)
def archive_student(student_id: PathId, data: StudentArchive, svc: StudentServiceDep) -> StudentRead:
    return svc.archive(student_id, data)
