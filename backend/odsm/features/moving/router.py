from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from odsm.core.error_responses import refusals

from .progress import MoveProgress
from .schemas import MoveProgressRead, MoveRequest, MoveResult
from .service import MoveService

router = APIRouter(prefix="/system/move-to-server", tags=["system"])


async def get_progress(request: Request) -> MoveProgress:
    state = request.app.state
    if not hasattr(state, "move_progress"):
        state.move_progress = MoveProgress()
    progress: MoveProgress = state.move_progress
    return progress


Progress = Annotated[MoveProgress, Depends(get_progress)]


async def get_service(request: Request, progress: Progress) -> MoveService:
    return MoveService(request.app.state.db, progress)


Svc = Annotated[MoveService, Depends(get_service)]


# No IPC channel on purpose, like the backups: main alone calls these, from its wizard, with a server
# address and password the renderer never holds.
@router.post("", response_model=MoveResult, responses=refusals(409, 422))
def move_to_server(body: MoveRequest, svc: Svc) -> MoveResult:
    """Copies this SQLite school into an empty PostgreSQL database and checks the copy; the school stays here."""
    return svc.move(body)


@router.get("/progress", response_model=MoveProgressRead)
def move_progress(progress: Progress) -> MoveProgressRead:
    """Where the move stands: the table being copied and the rows copied of all."""
    return progress.read()
