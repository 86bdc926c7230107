from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from odsm.core.channels import channels_for

from .schemas import AuditPage, ChainReport
from .service import AuditService

channel = channels_for("audit")
router = APIRouter(prefix="/audit", tags=["audit"])


async def get_service(request: Request) -> AuditService:
    return AuditService(request.app.state.db)


Svc = Annotated[AuditService, Depends(get_service)]


@router.get("/verify", response_model=ChainReport, openapi_extra=channel("verify"))
def verify_audit_chain(svc: Svc) -> ChainReport:
    return svc.verify()


@router.get("", response_model=AuditPage, openapi_extra=channel("history"))
def audit_history(
    svc: Svc,
    student_id: int | None = None,
    entity: Annotated[str | None, Query(max_length=60)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AuditPage:
    return svc.history(student_id, entity, offset, limit)
