from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from .schemas import SchoolSettingsRead, SchoolSettingsUpdate
from .service import SchoolService

router = APIRouter(prefix="/settings", tags=["settings"])


async def get_service(request: Request) -> SchoolService:
    return SchoolService(request.app.state.db)


SchoolServiceDep = Annotated[SchoolService, Depends(get_service)]


@router.get("", response_model=SchoolSettingsRead, openapi_extra={"x-channel": "db:settings:get"})
def get_settings(svc: SchoolServiceDep) -> SchoolSettingsRead:
    return svc.get()


@router.patch("", response_model=SchoolSettingsRead, openapi_extra={"x-channel": "db:settings:update"})
def update_settings(data: SchoolSettingsUpdate, svc: SchoolServiceDep) -> SchoolSettingsRead:
    return svc.update(data)
