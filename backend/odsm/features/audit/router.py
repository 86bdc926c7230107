from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import Offset, OptionalQueryId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import AuditPage, ChainReport
from .service import AuditService

channel = channels_for("audit")
router = APIRouter(prefix="/audit", tags=["audit"])
Svc = Annotated[AuditService, Depends(service_from_app(AuditService))]


@router.get("/verify", response_model=ChainReport, openapi_extra=channel("verify"))
def verify_audit_chain(svc: Svc) -> ChainReport:
    return svc.verify()


@router.get("", response_model=AuditPage, responses=refusals(422), openapi_extra=channel("history"))
def audit_history(
    svc: Svc,
    student_id: OptionalQueryId = None,
    entity: Annotated[str | None, Query(max_length=60)] = None,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AuditPage:
    return svc.history(student_id, entity, offset, limit)
