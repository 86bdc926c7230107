from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from odsm.core.record_routes import RecordRoutes
from odsm.core.service_dependency import service_from_app

from .schemas import LicenceHistory, LicenceStepRecord
from .service import LicenceService

Svc = Annotated[LicenceService, Depends(service_from_app(LicenceService))]
records = RecordRoutes("licences", Svc, record_id="student_id")
router = records.router

records.get("get_licence_history", LicenceService.get, LicenceHistory)
records.action("/steps", "record", "record_licence_step", LicenceService.record, LicenceStepRecord, LicenceHistory)
