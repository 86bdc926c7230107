from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from odsm import __version__
from odsm.core.channels import channels_for
from odsm.core.quick_reads import quick_read
from odsm.core.timings import RequestTimings, Timings

from .repository import database_bytes, schema_revision

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


class TimingFigures(BaseModel):
    count: int
    p50_ms: float | None
    p95_ms: float | None


class Diagnostics(BaseModel):
    """Figures for support, with no personal data: counts, times and the database's size and revision."""

    version: str
    database: str
    schema_revision: str | None
    database_bytes: int
    requests: TimingFigures
    refusals: int
    faults: int
    queries: TimingFigures


def _figures(timings: Timings) -> TimingFigures:
    return TimingFigures(count=timings.count, p50_ms=timings.percentile(0.5), p95_ms=timings.percentile(0.95))


@router.get("/system/diagnostics", response_model=Diagnostics, openapi_extra=channel("diagnostics"))
def diagnostics(request: Request) -> Diagnostics:
    state = request.app.state
    db = state.db
    requests: RequestTimings = state.request_timings
    return Diagnostics(
        version=__version__,
        database=db.engine.dialect.name,
        schema_revision=db.read(schema_revision),
        database_bytes=db.read(database_bytes),
        requests=_figures(requests),
        refusals=requests.refusals,
        faults=requests.faults,
        queries=_figures(state.query_timings),
    )
