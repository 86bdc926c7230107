from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.service_dependency import service_from_app

from .schemas import SchoolSettingsRead, SchoolSettingsUpdate
from .service import SchoolService

channel = channels_for("settings")
router = APIRouter(prefix="/settings", tags=["settings"])
SchoolServiceDep = Annotated[SchoolService, Depends(service_from_app(SchoolService))]


@router.get("", response_model=SchoolSettingsRead, openapi_extra=channel("get"))
def get_settings(svc: SchoolServiceDep) -> SchoolSettingsRead:
    return svc.get()


@router.patch("", response_model=SchoolSettingsRead, responses=refusals(409, 422), openapi_extra=channel("update"))
def update_settings(data: SchoolSettingsUpdate, svc: SchoolServiceDep) -> SchoolSettingsRead:
    return svc.update(data)
