from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.bounded import PathId, QueryId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.service_dependency import service_from_app

from .schemas import CorrectionAdd, EnrollmentCreate, EnrollmentDetail, EnrollmentPage, HoursAdd, ResultRecord
from .service import EnrollmentService

router = APIRouter(prefix="/enrollments", tags=["enrollments"])
Svc = Annotated[EnrollmentService, Depends(service_from_app(EnrollmentService))]
channel = channels_for("enrollments")


@router.get("", response_model=EnrollmentPage, responses=refusals(404, 422), openapi_extra=channel("list"))
@quick_read
def list_enrollments(student_id: QueryId, svc: Svc) -> EnrollmentPage:
    return svc.list(student_id)


@router.post(
    "",
    response_model=EnrollmentDetail,
    status_code=201,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("create"),
)
def create_enrollment(data: EnrollmentCreate, svc: Svc) -> EnrollmentDetail:
    return svc.create(data)


@router.get(
    "/{enrollment_id}", response_model=EnrollmentDetail, responses=refusals(404, 422), openapi_extra=channel("get")
)
@quick_read
def get_enrollment(enrollment_id: PathId, svc: Svc) -> EnrollmentDetail:
    return svc.get(enrollment_id)


@router.post(
    "/{enrollment_id}/result",
    response_model=EnrollmentDetail,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("recordResult"),
)
def record_result(enrollment_id: PathId, data: ResultRecord, svc: Svc) -> EnrollmentDetail:
    return svc.record_result(enrollment_id, data)


@router.post(
    "/{enrollment_id}/hours",
    response_model=EnrollmentDetail,
    status_code=201,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("addHours"),
)
def add_hours(enrollment_id: PathId, data: HoursAdd, svc: Svc) -> EnrollmentDetail:
    return svc.add_hours(enrollment_id, data)


@router.post(
    "/{enrollment_id}/corrections",
    response_model=EnrollmentDetail,
    status_code=201,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("addCorrection"),
)
def add_correction(enrollment_id: PathId, data: CorrectionAdd, svc: Svc) -> EnrollmentDetail:
    return svc.add_correction(enrollment_id, data)
