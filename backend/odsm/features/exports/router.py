from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import ExportRequest, ExportResult
from .service import ExportService

router = APIRouter(prefix="/system", tags=["system"])
Svc = Annotated[ExportService, Depends(service_from_app(ExportService))]


# No IPC channel: main alone calls this, with a path the user picked in a native save dialog.
@router.post("/exports", response_model=ExportResult, status_code=201, responses=refusals(422))
def export_everything(body: ExportRequest, svc: Svc) -> ExportResult:
    """Every table as CSV in one zip, with a manifest of row counts and checksums."""
    return svc.export(body)
