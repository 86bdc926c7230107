from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from odsm import __version__
from odsm.core.channels import channels_for
from odsm.core.quick_reads import quick_read

from .repository import schema_revision

channel = channels_for("system")
router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str
    version: str
    schema_revision: str | None
    database: str


@router.get("/health", response_model=Health, openapi_extra=channel("health"))
@quick_read
def health(request: Request) -> Health:
    db = request.app.state.db
    revision = db.read(schema_revision)
    return Health(status="ok", version=__version__, schema_revision=revision, database=db.engine.dialect.name)
