from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import PathId
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.service_dependency import service_from_app

from .schemas import OdometerCreate, OdometerLog, OdometerRead, VehicleCreate, VehiclePage, VehicleRead, VehicleUpdate
from .service import VehicleService

router = APIRouter(prefix="/vehicles", tags=["vehicles"])

Svc = Annotated[VehicleService, Depends(service_from_app(VehicleService))]


channel = channels_for("vehicles")


@router.get("", response_model=VehiclePage, responses=refusals(422), openapi_extra=channel("list"))
@quick_read
def list_vehicles(svc: Svc, include_inactive: bool = False) -> VehiclePage:
    return svc.list(include_inactive)


@router.post(
    "", response_model=VehicleRead, status_code=201, responses=refusals(409, 422), openapi_extra=channel("create")
)
def create_vehicle(data: VehicleCreate, svc: Svc) -> VehicleRead:
    return svc.create(data)


@router.get("/{vehicle_id}", response_model=VehicleRead, responses=refusals(404, 422), openapi_extra=channel("get"))
@quick_read
def get_vehicle(vehicle_id: PathId, svc: Svc) -> VehicleRead:
    return svc.get(vehicle_id)


@router.patch(
    "/{vehicle_id}", response_model=VehicleRead, responses=refusals(404, 409, 422), openapi_extra=channel("update")
)
def update_vehicle(vehicle_id: PathId, data: VehicleUpdate, svc: Svc) -> VehicleRead:
    return svc.update(vehicle_id, data)


@router.post(
    "/{vehicle_id}/odometer",
    response_model=OdometerRead,
    status_code=201,
    responses=refusals(404, 409, 422),
    openapi_extra=channel("addOdometer"),
)
def add_odometer(vehicle_id: PathId, data: OdometerCreate, svc: Svc) -> OdometerRead:
    return svc.add_odometer(vehicle_id, data)


@router.get(
    "/{vehicle_id}/odometer",
    response_model=OdometerLog,
    responses=refusals(404, 422),
    openapi_extra=channel("odometerLog"),
)
@quick_read
def odometer_log(vehicle_id: PathId, svc: Svc, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> OdometerLog:
    return svc.odometer_log(vehicle_id, limit)
