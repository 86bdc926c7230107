from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.bounded import PathId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app
from odsm.features.audit.router import Anchor

from .schemas import InspectorPacket, ProgressReport
from .service import DocumentService

channel = channels_for("documents")

router = APIRouter(prefix="/documents", tags=["documents"])
Svc = Annotated[DocumentService, Depends(service_from_app(DocumentService))]


@router.get(
    "/inspector-packet/{student_id}",
    response_model=InspectorPacket,
    responses=refusals(404, 422),
    openapi_extra=channel("inspector-packet"),
)
def inspector_packet(student_id: PathId, svc: Svc, anchor: Anchor) -> InspectorPacket:
    """One student's records for an MTO inspector, with the audit chain verified as of printing. Main adds
    its anchored head (`anchor_id`, `anchor_hash`) as it does for verify."""
    return svc.inspector_packet(student_id, anchor)


@router.get(
    "/progress-report/{student_id}",
    response_model=ProgressReport,
    responses=refusals(404, 422),
    openapi_extra=channel("progress-report"),
)
def progress_report(student_id: PathId, svc: Svc) -> ProgressReport:
    """For the student or a parent: hours against the requirement, lessons with skills, upcoming bookings."""
    return svc.progress_report(student_id)
