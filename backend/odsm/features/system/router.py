from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from odsm import __version__
from odsm.core.migrations import revision_of

router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str
    version: str
    schema_revision: str | None
    database: str


@router.get("/health", response_model=Health, openapi_extra={"x-channel": "db:system:health"})
def health(request: Request) -> Health:
    db = request.app.state.db
    revision = db.read(lambda s: revision_of(s.connection()))
    return Health(status="ok", version=__version__, schema_revision=revision, database=db.engine.dialect.name)
