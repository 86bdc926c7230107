from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from odsm.core.error_responses import refusals

from .progress import BackupProgress
from .schemas import BackupProgressRead, BackupRequest, BackupResult, RestoreRequest, RestoreResult
from .service import BackupService

router = APIRouter(prefix="/system", tags=["system"])


async def get_progress(request: Request) -> BackupProgress:
    state = request.app.state
    if not hasattr(state, "backup_progress"):
        state.backup_progress = BackupProgress()
    progress: BackupProgress = state.backup_progress
    return progress


Progress = Annotated[BackupProgress, Depends(get_progress)]


async def get_service(request: Request, progress: Progress) -> BackupService:
    return BackupService(request.app.state.db, progress)


Svc = Annotated[BackupService, Depends(get_service)]


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


# Main alone, like the backup itself: it asks while its backup runs, for Home's progress bar.
@router.get("/backups/progress", response_model=BackupProgressRead)
def backup_progress(progress: Progress) -> BackupProgressRead:
    """Where the running (or last) backup stands: copying (pages or rows), checking, done or failed."""
    return progress.read()
