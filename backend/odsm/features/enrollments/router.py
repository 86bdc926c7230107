from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from odsm.core.bounded import QueryId
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import CorrectionAdd, EnrollmentCreate, EnrollmentDetail, EnrollmentPage, HoursAdd, ResultRecord
from .service import EnrollmentService

Svc = Annotated[EnrollmentService, Depends(service_from_app(EnrollmentService))]
records = RecordRoutes("enrollments", Svc, record_id="enrollment_id")
router, channel = records.router, records.channel


@router.get("", response_model=EnrollmentPage, responses=refusals(404, 422), openapi_extra=channel("list"))
@quick_read
def list_enrollments(student_id: QueryId, svc: Svc) -> EnrollmentPage:
    return svc.list(student_id)


records.create(
    "create_enrollment", EnrollmentService.create, EnrollmentCreate, EnrollmentDetail, refuses=(404, 409, 422)
)
records.get("get_enrollment", EnrollmentService.get, EnrollmentDetail)
records.action(
    "/result", "recordResult", "record_result", EnrollmentService.record_result, ResultRecord, EnrollmentDetail
)
records.action(
    "/hours", "addHours", "add_hours", EnrollmentService.add_hours, HoursAdd, EnrollmentDetail, status_code=201
)
records.action(
    "/corrections",
    "addCorrection",
    "add_correction",
    EnrollmentService.add_correction,
    CorrectionAdd,
    EnrollmentDetail,
    status_code=201,
)
