from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import CourseCreate, CoursePage, CourseRead, CourseUpdate
from .service import CourseService

Svc = Annotated[CourseService, Depends(service_from_app(CourseService))]
records = RecordRoutes("courses", Svc, record_id="course_id")
router = records.router


records.list_retirable("list_courses", CourseService.list, CoursePage)
records.create("create_course", CourseService.create, CourseCreate, CourseRead)
records.update("update_course", CourseService.update, CourseUpdate, CourseRead)
