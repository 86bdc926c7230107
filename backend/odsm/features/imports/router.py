from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from odsm.core.error_responses import refusals
from odsm.core.errors import NotFound
from odsm.core.service_dependency import service_from_app

from .kinds import ImportKind
from .progress import BOARD
from .schemas import ImportPreview, ImportProgress, ImportRequest, ImportResult
from .service import ImportService

router = APIRouter(prefix="/system/imports", tags=["imports"])
Svc = Annotated[ImportService, Depends(service_from_app(ImportService))]
Token = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{8,64}$")]


# No IPC channels: main alone calls these, with a file the user picked in a native open dialog.
@router.get("/progress/{token}", response_model=ImportProgress, responses=refusals(404, 422))
def import_progress(token: Token) -> ImportProgress:
    """How far the run named by this token has got (rows done of the total), for the progress bar."""
    step = BOARD.get(token)
    if step is None:
        raise NotFound(details={"token": token})
    return ImportProgress(phase=step.phase, done=step.done, total=step.total)


@router.post("/{kind}/preview", response_model=ImportPreview, responses=refusals(404, 422))
def preview_import(kind: ImportKind, body: ImportRequest, svc: Svc) -> ImportPreview:
    """The column mapping (guessed, or as given), the row count, and every bad row with its field and rule;
    nothing is saved."""
    return svc.preview(kind, body)


@router.post("/{kind}", response_model=ImportResult, responses=refusals(404, 409, 422))
def run_import(kind: ImportKind, body: ImportRequest, svc: Svc) -> ImportResult:
    """Saves every good row in one transaction; a record already on file is skipped, never added twice. A
    file changed since its preview (expected_sha256) is refused and nothing is saved."""
    progress = BOARD.reporter(body.progress_token) if body.progress_token else None
    return svc.run(kind, body, progress)
