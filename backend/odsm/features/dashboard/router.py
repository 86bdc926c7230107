from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import NeedsAttention
from .service import DashboardService

Svc = Annotated[DashboardService, Depends(service_from_app(DashboardService))]
router = APIRouter(prefix="/dashboard", tags=["dashboard"])
channel = channels_for("dashboard")


@router.get(
    "/attention", response_model=NeedsAttention, responses=refusals(422), openapi_extra=channel("needsAttention")
)
def needs_attention(
    svc: Svc, limit: Annotated[int, Query(ge=1, le=200, description="rows per list; totals count all")] = 20
) -> NeedsAttention:
    return svc.needs_attention(limit)
