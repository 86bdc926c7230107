from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import ImportPreview, ImportRequest, ImportResult
from .service import ImportService

router = APIRouter(prefix="/system/imports", tags=["imports"])
Svc = Annotated[ImportService, Depends(service_from_app(ImportService))]


# No IPC channels: main alone calls these, with a file the user picked in a native open dialog.
@router.post("/students/preview", response_model=ImportPreview, responses=refusals(422))
def preview_students(body: ImportRequest, svc: Svc) -> ImportPreview:
    """The column mapping, the row count, and every bad row with its field and rule; nothing is saved."""
    return svc.preview(body.file)


@router.post("/students", response_model=ImportResult, responses=refusals(422))
def import_students(body: ImportRequest, svc: Svc) -> ImportResult:
    """Saves every good row in one transaction; a student already on file is skipped, never added twice."""
    return svc.run(body.file)
