from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.bounded import PathId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.service_dependency import service_from_app

from .schemas import CourseCreate, CoursePage, CourseRead, CourseUpdate
from .service import CourseService

router = APIRouter(prefix="/courses", tags=["courses"])
Svc = Annotated[CourseService, Depends(service_from_app(CourseService))]
channel = channels_for("courses")


@router.get("", response_model=CoursePage, responses=refusals(422), openapi_extra=channel("list"))
@quick_read
def list_courses(svc: Svc, include_inactive: bool = False) -> CoursePage:
    return svc.list(include_inactive)


@router.post(
    "", response_model=CourseRead, status_code=201, responses=refusals(409, 422), openapi_extra=channel("create")
)
def create_course(data: CourseCreate, svc: Svc) -> CourseRead:
    return svc.create(data)


@router.patch(
    "/{course_id}", response_model=CourseRead, responses=refusals(404, 409, 422), openapi_extra=channel("update")
)
def update_course(course_id: PathId, data: CourseUpdate, svc: Svc) -> CourseRead:
    return svc.update(course_id, data)
