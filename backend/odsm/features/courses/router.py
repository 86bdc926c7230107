from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import CourseCreate, CoursePage, CourseRead, CourseUpdate
from .service import CourseService

Svc = Annotated[CourseService, Depends(service_from_app(CourseService))]
records = RecordRoutes("courses", Svc, record_id="course_id")
router, channel = records.router, records.channel


@router.get("", response_model=CoursePage, responses=refusals(422), openapi_extra=channel("list"))
@quick_read
def list_courses(svc: Svc, include_inactive: bool = False) -> CoursePage:
    return svc.list(include_inactive)


records.create("create_course", CourseService.create, CourseCreate, CourseRead)
records.update("update_course", CourseService.update, CourseUpdate, CourseRead)
