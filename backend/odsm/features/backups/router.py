from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import BackupRequest, BackupResult, RestoreRequest, RestoreResult
from .service import BackupService

router = APIRouter(prefix="/system", tags=["system"])
Svc = Annotated[BackupService, Depends(service_from_app(BackupService))]


# No IPC channel on purpose: main alone calls this, with a folder the user picked in a native dialog.
# The renderer asks main for a backup (app:backup:now) and never names a path on this machine itself.
@router.post("/backups", response_model=BackupResult, status_code=201, responses=refusals(422))
def back_up(body: BackupRequest, svc: Svc) -> BackupResult:
    """A checked copy of the school in the folder: SQLite's online backup, integrity and audit chain verified."""
    return svc.back_up(body)


# Main alone, for the same reason: the file comes from a native open dialog.
@router.post("/restore", response_model=RestoreResult, responses=refusals(422))
def restore(body: RestoreRequest, svc: Svc) -> RestoreResult:
    """Puts a checked backup in place of the school; the school as it was goes to a safety copy first."""
    return svc.restore(body)
