from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import Offset, OptionalQueryId, SchoolDate
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.errors import ValidationFailed
from odsm.core.service_dependency import service_from_app

from .anchor_check import AuditAnchor
from .schemas import (
    PERSON_PATTERN,
    AuditChainPage,
    AuditCsvRequest,
    AuditCsvResult,
    AuditFilterOptions,
    AuditFilters,
    AuditHead,
    AuditIntegrity,
    AuditPage,
    ChainReport,
)
from .service import AuditService

channel = channels_for("audit")
MAX_ENTRY_ID = 2**63 - 1

router = APIRouter(prefix="/audit", tags=["audit"])
Svc = Annotated[AuditService, Depends(service_from_app(AuditService))]


def anchor_param(
    anchor_id: Annotated[int | None, Query(ge=1, le=MAX_ENTRY_ID)] = None,
    anchor_hash: Annotated[str | None, Query(pattern="^[0-9a-f]{64}$")] = None,
) -> AuditAnchor | None:
    """The head main kept outside the database (`anchor_id`, `anchor_hash`): both or neither."""
    if anchor_id is None and anchor_hash is None:
        return None
    if anchor_id is None or anchor_hash is None:
        raise ValidationFailed.for_field(
            "anchor_hash" if anchor_hash is None else "anchor_id",
            "anchor_incomplete",
            "The audit anchor needs both the entry number and its hash.",
        )
    return AuditAnchor(entry_id=anchor_id, entry_hash=anchor_hash)


Anchor = Annotated[AuditAnchor | None, Depends(anchor_param)]


@router.get("/verify", response_model=ChainReport, responses=refusals(422), openapi_extra=channel("verify"))
def verify_audit_chain(svc: Svc, anchor: Anchor) -> ChainReport:
    return svc.verify(anchor)


@router.get("/head", response_model=AuditHead, responses=refusals(422), openapi_extra=channel("head"))
def audit_head(svc: Svc, anchor: Anchor) -> AuditHead:
    """The head main anchors outside the database when the app quits, and whether the log still reaches
    the old anchor (main never moves its anchor onto a log that was cut or re-hashed)."""
    return svc.head(anchor)


@router.get("/integrity", response_model=AuditIntegrity, openapi_extra=channel("integrity"))
def audit_integrity(svc: Svc) -> AuditIntegrity:
    """What start-up found wrong with the log's protection (a dropped trigger it put back)."""
    return svc.integrity()


@router.get("/chain", response_model=AuditChainPage, responses=refusals(422), openapi_extra=channel("chain"))
def audit_chain(
    svc: Svc,
    after_id: Annotated[int, Query(ge=0, le=MAX_ENTRY_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> AuditChainPage:
    """The log in order, as stored and hashed, a page at a time: what an export carries."""
    return svc.chain(after_id, limit)


def filters_param(
    student_id: OptionalQueryId = None,
    entity: Annotated[
        str | None, Query(min_length=1, max_length=60, description="a kind of record (its table)")
    ] = None,
    person: Annotated[
        str | None, Query(pattern=PERSON_PATTERN, description='"staff:<id>" or "os:<account>", as filterOptions gives')
    ] = None,
    from_day: Annotated[
        SchoolDate | None, Query(alias="from", description="the first day, in the school's zone, included")
    ] = None,
    to_day: Annotated[SchoolDate | None, Query(alias="to", description="the last day, included")] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="words in the record's name, the reason or values")
    ] = None,
) -> AuditFilters:
    words = q.strip() if q else None
    return AuditFilters(student_id, entity, person, from_day, to_day, words or None)


Filters = Annotated[AuditFilters, Depends(filters_param)]


@router.get("", response_model=AuditPage, responses=refusals(422), openapi_extra=channel("history"))
def audit_history(
    svc: Svc,
    filters: Filters,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AuditPage:
    """Entries newest first, each with the record it is about by name; `from` after `to` is refused."""
    return svc.history(filters, offset, limit)


@router.get("/filter-options", response_model=AuditFilterOptions, openapi_extra=channel("filterOptions"))
def audit_filter_options(svc: Svc) -> AuditFilterOptions:
    """The people and kinds of record that appear in the log, for the screen's pickers."""
    return svc.filter_options()


# Main alone calls this route (no db: channel): the path comes from its save dialog.
@router.post("/csv", response_model=AuditCsvResult, status_code=201, responses=refusals(422))
def write_audit_csv(body: AuditCsvRequest, svc: Svc) -> AuditCsvResult:
    """The filtered entries as a CSV a person reads: when, who, action, record, changes, reason."""
    return svc.write_csv(body)
