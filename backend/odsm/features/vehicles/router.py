from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from odsm.core.bounded import PathId
from odsm.core.error_responses import refusals
from odsm.core.quick_reads import quick_read
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import OdometerCreate, OdometerLog, OdometerRead, VehicleCreate, VehiclePage, VehicleRead, VehicleUpdate
from .service import VehicleService

Svc = Annotated[VehicleService, Depends(service_from_app(VehicleService))]
records = RecordRoutes("vehicles", Svc, record_id="vehicle_id")
router, channel = records.router, records.channel


records.list_retirable("list_vehicles", VehicleService.list, VehiclePage)
records.create("create_vehicle", VehicleService.create, VehicleCreate, VehicleRead)
records.get("get_vehicle", VehicleService.get, VehicleRead)
records.update("update_vehicle", VehicleService.update, VehicleUpdate, VehicleRead)
records.action(
    "/odometer",
    "addOdometer",
    "add_odometer",
    VehicleService.add_odometer,
    OdometerCreate,
    OdometerRead,
    status_code=201,
)


@router.get(
    "/{vehicle_id}/odometer",
    response_model=OdometerLog,
    responses=refusals(404, 422),
    openapi_extra=channel("odometerLog"),
)
@quick_read
def odometer_log(vehicle_id: PathId, svc: Svc, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> OdometerLog:
    return svc.odometer_log(vehicle_id, limit)
