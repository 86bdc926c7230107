from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import PathId, SchoolDate
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app
from odsm.features.audit.router import Anchor

from .schemas import BundleStudents, Certificate, InspectorPacket, ProgressReport
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


@router.get(
    "/certificate/{student_id}",
    response_model=Certificate,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("certificate"),
)
def bde_certificate(student_id: PathId, svc: Svc) -> Certificate:
    """The school's BDE completion certificate for the student's certified course; `document.not_certified`
    while the student has none."""
    return svc.certificate(student_id)


@router.get(
    "/bundle-students",
    response_model=BundleStudents,
    responses=refusals(422),
    openapi_extra=channel("bundle-students"),
)
def inspection_bundle_students(
    svc: Svc,
    first_day: Annotated[SchoolDate, Query(description="the first school-local day of the period")],
    last_day: Annotated[SchoolDate, Query(description="the last day, included; at most 400 days after the first")],
) -> BundleStudents:
    """The students an inspection bundle holds: a lesson, a class or an hours entry in the period."""
    return svc.bundle_students(first_day, last_day)
