from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import PathId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app
from odsm.features.enrollments.schemas import EnrollmentDetail

from .schemas import CertifyRequest, Worklist
from .service import CertificationService

router = APIRouter(prefix="/certification", tags=["certification"])
Svc = Annotated[CertificationService, Depends(service_from_app(CertificationService))]
channel = channels_for("certification")


@router.get("/worklist", response_model=Worklist, responses=refusals(422), openapi_extra=channel("worklist"))
def certification_worklist(
    svc: Svc, limit: Annotated[int, Query(ge=1, le=2000, description="rows per list; totals count all")] = 200
) -> Worklist:
    return svc.worklist(limit)


@router.post(
    "/{enrollment_id}/certify",
    response_model=EnrollmentDetail,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("certify"),
)
def certify_enrollment(enrollment_id: PathId, data: CertifyRequest, svc: Svc) -> EnrollmentDetail:
    return svc.certify(enrollment_id, data)
