from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from odsm.core.bounded import OptionalQueryId
from odsm.core.error_responses import refusals
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app
from odsm.features.enrollments.schemas import EnrollmentDetail

from .schemas import BatchResult, CertifierList, CertifyBatch, CertifyRequest, Worklist, WorklistState
from .service import CertificationService

Svc = Annotated[CertificationService, Depends(service_from_app(CertificationService))]
records = RecordRoutes("certification", Svc, record_id="enrollment_id")
router, channel = records.router, records.channel


@router.get("/worklist", response_model=Worklist, responses=refusals(422), openapi_extra=channel("worklist"))
def certification_worklist(
    svc: Svc,
    limit: Annotated[int, Query(ge=1, le=2000, description="rows per list; totals count all")] = 200,
    q: Annotated[str | None, Query(max_length=100, description="part of the student's name")] = None,
    course_id: OptionalQueryId = None,
    state: Annotated[WorklistState, Query(description="one list (ready, blocked, at_risk, expired) or all")] = (
        WorklistState.ALL
    ),
) -> Worklist:
    return svc.worklist(limit, q.strip() if q else None, course_id, state)


@router.get("/certifiers", response_model=CertifierList, openapi_extra=channel("certifiers"))
def list_certifiers(svc: Svc) -> CertifierList:
    return svc.certifiers()


# Several students at once, each certified or refused on its own (see CertificationService.certify_batch).
@router.post("/batch", response_model=BatchResult, responses=refusals(409, 422), openapi_extra=channel("certifyBatch"))
def certify_batch(data: CertifyBatch, svc: Svc) -> BatchResult:
    return svc.certify_batch(data)


records.action(
    "/certify", "certify", "certify_enrollment", CertificationService.certify, CertifyRequest, EnrollmentDetail
)
