from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from odsm.core.error_responses import refusals
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app
from odsm.features.enrollments.schemas import EnrollmentDetail

from .schemas import CertifyRequest, Worklist
from .service import CertificationService

Svc = Annotated[CertificationService, Depends(service_from_app(CertificationService))]
records = RecordRoutes("certification", Svc, record_id="enrollment_id")
router, channel = records.router, records.channel


@router.get("/worklist", response_model=Worklist, responses=refusals(422), openapi_extra=channel("worklist"))
def certification_worklist(
    svc: Svc, limit: Annotated[int, Query(ge=1, le=2000, description="rows per list; totals count all")] = 200
) -> Worklist:
    return svc.worklist(limit)


records.action(
    "/certify", "certify", "certify_enrollment", CertificationService.certify, CertifyRequest, EnrollmentDetail
)
