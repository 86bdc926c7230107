from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from odsm.core.bounded import OptionalQueryId, QueryId, SchoolDate, SchoolDateTime
from odsm.core.channels import channels_for
from odsm.core.error_responses import refusals
from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import (
    CentreCreate,
    CentrePage,
    CentreRead,
    CentreUpdate,
    ChargePage,
    Eligibility,
    RoadTestBook,
    RoadTestCancel,
    RoadTestPage,
    RoadTestRead,
    RoadTestResult,
    RoadTestSettingsRead,
    RoadTestSettingsUpdate,
)
from .service import CentreService, RoadTestService, RoadTestSettingsService

Svc = Annotated[RoadTestService, Depends(service_from_app(RoadTestService))]
CentreSvc = Annotated[CentreService, Depends(service_from_app(CentreService))]
SettingsSvc = Annotated[RoadTestSettingsService, Depends(service_from_app(RoadTestSettingsService))]

records = RecordRoutes("road-tests", Svc, record_id="road_test_id")
tests_router, channel = records.router, records.channel


@tests_router.get("", response_model=RoadTestPage, responses=refusals(422), openapi_extra=channel("list"))
def list_road_tests(
    svc: Svc,
    student_id: OptionalQueryId = None,
    start: Annotated[SchoolDateTime | None, Query(description="tests holding time in [start, end)")] = None,
    end: Annotated[SchoolDateTime | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> RoadTestPage:
    return svc.list(student_id, start, end, limit)


@tests_router.get(
    "/eligibility", response_model=Eligibility, responses=refusals(404, 422), openapi_extra=channel("eligibility")
)
def road_test_eligibility(
    svc: Svc,
    student_id: QueryId,
    on: Annotated[SchoolDate | None, Query(description="the day asked about; today when left out")] = None,
) -> Eligibility:
    """The earliest day for the G2 and the G test, whether `on` is possible, and why, in desk words."""
    return svc.eligibility(student_id, on)


@tests_router.get("/charges", response_model=ChargePage, responses=refusals(422), openapi_extra=channel("charges"))
def road_test_charges(
    svc: Svc,
    billed: bool | None = None,
    student_id: OptionalQueryId = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> ChargePage:
    """What students owe for road tests (the car's rental and its reversals), for the school's accounts."""
    return svc.charges(billed, student_id, limit)


records.create("book_road_test", RoadTestService.book, RoadTestBook, RoadTestRead, verb="book", refuses=(404, 409, 422))
records.get("get_road_test", RoadTestService.get, RoadTestRead)
records.action(
    "/result", "recordResult", "record_road_test_result", RoadTestService.record_result, RoadTestResult, RoadTestRead
)
records.action("/cancel", "cancel", "cancel_road_test", RoadTestService.cancel, RoadTestCancel, RoadTestRead)

centres = RecordRoutes("drivetest-centres", CentreSvc, record_id="centre_id")
centres.list_retirable("list_drivetest_centres", CentreService.list, CentrePage)
centres.create("create_drivetest_centre", CentreService.create, CentreCreate, CentreRead)
centres.update("update_drivetest_centre", CentreService.update, CentreUpdate, CentreRead)

settings_router = APIRouter(prefix="/road-test-settings", tags=["road-test-settings"])
settings_channel = channels_for("road-test-settings")


@settings_router.get("", response_model=RoadTestSettingsRead, openapi_extra=settings_channel("get"))
def get_road_test_settings(svc: SettingsSvc) -> RoadTestSettingsRead:
    return svc.get()


@settings_router.patch(
    "", response_model=RoadTestSettingsRead, responses=refusals(409, 422), openapi_extra=settings_channel("update")
)
def update_road_test_settings(data: RoadTestSettingsUpdate, svc: SettingsSvc) -> RoadTestSettingsRead:
    return svc.update(data)


router = APIRouter()
for part in (tests_router, centres.router, settings_router):
    router.include_router(part)
