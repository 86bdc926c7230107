from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.channels import channels_for
from odsm.features.service_dependency import service_from_app

from .schemas import StudentArchive, StudentCreate, StudentPage, StudentRead, StudentUpdate
from .service import StudentService

router = APIRouter(prefix="/students", tags=["students"])
StudentServiceDep = Annotated[StudentService, Depends(service_from_app(StudentService))]


# Quick reads (a primary key, an indexed page) are `async def` and run on the event loop: SQLite in WAL
# mode never makes a reader wait for a writer, and a sub-millisecond query costs less than the hop to a
# worker thread. Writes, which can wait on the write lock, and reads that may scan many rows (calendar
# ranges, day sheets, the worklist, audit pages) stay `def` and run in the threadpool.
channel = channels_for("students")


@router.get("", response_model=StudentPage, openapi_extra=channel("list"))
async def list_students(
    svc: StudentServiceDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 25,
    include_archived: bool = False,
) -> StudentPage:
    return svc.list(q, offset, limit, include_archived)


@router.post("", response_model=StudentRead, status_code=201, openapi_extra=channel("create"))
def create_student(data: StudentCreate, svc: StudentServiceDep) -> StudentRead:
    return svc.create(data)


@router.get("/{student_id}", response_model=StudentRead, openapi_extra=channel("get"))
async def get_student(student_id: int, svc: StudentServiceDep) -> StudentRead:
    return svc.get(student_id)


@router.patch("/{student_id}", response_model=StudentRead, openapi_extra=channel("update"))
def update_student(student_id: int, data: StudentUpdate, svc: StudentServiceDep) -> StudentRead:
    return svc.update(student_id, data)


@router.post("/{student_id}/archive", response_model=StudentRead, openapi_extra=channel("archive"))
def archive_student(student_id: int, data: StudentArchive, svc: StudentServiceDep) -> StudentRead:
    return svc.archive(student_id, data)
