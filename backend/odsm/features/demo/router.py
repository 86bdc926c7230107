from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals

from .jobs import DemoJob
from .schemas import DemoLoad, DemoStatus

channel = channels_for("demo")
router = APIRouter(prefix="/demo", tags=["demo"])


async def get_job(request: Request) -> DemoJob:
    state = request.app.state
    if not hasattr(state, "demo_job"):
        state.demo_job = DemoJob(state.db)
    job: DemoJob = state.demo_job
    return job


Job = Annotated[DemoJob, Depends(get_job)]


@router.get("/status", response_model=DemoStatus, openapi_extra=channel("status"))
def demo_status(job: Job) -> DemoStatus:
    return job.status()


@router.post(
    "/load", response_model=DemoStatus, status_code=202, responses=refusals(409, 422), openapi_extra=channel("load")
)
def load_demo_school(data: DemoLoad, job: Job) -> DemoStatus:
    """Starts filling an empty database with the demo school; poll db:demo:status for progress."""
    return job.start(data.students)
