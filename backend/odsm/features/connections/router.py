from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import ConnectionTestRequest, ConnectionTestResult
from .service import ConnectionService

router = APIRouter(prefix="/system", tags=["system"])
Svc = Annotated[ConnectionService, Depends(service_from_app(ConnectionService))]


# No IPC channel on purpose: main alone calls this, with a URL it builds from the workstation's settings
# and the password it keeps; the renderer never holds the password nor names a URL.
@router.post("/connection/test", response_model=ConnectionTestResult, responses=refusals(422))
def try_connection(body: ConnectionTestRequest, svc: Svc) -> ConnectionTestResult:
    """Connects to a PostgreSQL database and says what is there, or exactly what failed."""
    return svc.test(body)
