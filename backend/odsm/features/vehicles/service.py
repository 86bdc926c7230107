"""Vehicles, their credentials, and the append-only odometer log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.core.errors import ValidationFailed
from odsm.core.import_outcome import CHUNK, ImportOutcome, ImportProblem, RowsDone, no_progress
from odsm.core.resource_lock_repository import ImportLock, Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.models import OdometerReading, Vehicle

from .errors import OdometerWentBackwards, PlateTaken, VehicleVersionConflict
from .repository import VehicleRepository
from .schemas import OdometerCreate, OdometerLog, OdometerRead, VehicleCreate, VehiclePage, VehicleRead, VehicleUpdate


def vehicle_bookable_on(vehicle: Vehicle, day: date) -> list[str]:
    """The credentials that are not valid on `day` (empty when the vehicle may be booked)."""
    lapsed = []
    if not vehicle.active:
        lapsed.append("inactive")
    if vehicle.insurance_expiry < day:
        lapsed.append("insurance")
    if vehicle.inspection_expiry < day:
        lapsed.append("inspection")
    return lapsed


def active_vehicle_ids(s: Session) -> list[int]:
    """For finding a lesson slot: the ids of the vehicles in service, by id (a search loads one when it reaches it)."""
    return VehicleRepository(s).active_ids()


def load_vehicle(s: Session, vehicle_id: int) -> Vehicle:
    return VehicleRepository(s).load(vehicle_id)


def record_odometer(
    s: Session, vehicle_id: int, km: int, source: str, lesson_id: int | None = None, note: str | None = None
) -> OdometerReading:
    repo = VehicleRepository(s)
    last = repo.last_odometer(vehicle_id)
    if last is not None and km < last:
        raise OdometerWentBackwards(details={"field": "km", "vehicle_id": vehicle_id, "last_km": last, "km": km})
    return repo.add_reading(
        OdometerReading(vehicle_id=vehicle_id, km=km, source=source, lesson_id=lesson_id, note=note)
    )


def record_lesson_odometer(s: Session, vehicle_id: int, lesson_id: int, start_km: int, end_km: int) -> None:
    """For the lessons service: a completed lesson's readings, at its start and at its end."""
    record_odometer(s, vehicle_id, start_km, "lesson_start", lesson_id=lesson_id)
    record_odometer(s, vehicle_id, end_km, "lesson_end", lesson_id=lesson_id)


def _read(s: Session, row: Vehicle) -> VehicleRead:
    out = VehicleRead.model_validate(row)
    out.last_odometer_km = VehicleRepository(s).last_odometer(row.id)
    return out


class VehicleService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, include_inactive: bool) -> VehiclePage:
        def fn(s: Session) -> VehiclePage:
            rows, total = VehicleRepository(s).listed(include_inactive)
            return VehiclePage(items=[_read(s, r) for r in rows], total=total)

        return self.db.read(fn)

    def get(self, vehicle_id: int) -> VehicleRead:
        return self.db.read(lambda s: _read(s, load_vehicle(s, vehicle_id)))

    def create(self, data: VehicleCreate) -> VehicleRead:
        def fn(s: Session) -> VehicleRead:
            self._ensure_plate_free(s, data.plate, None)
            row = Vehicle(**data.model_dump(exclude={"odometer_km"}))
            s.add(row)
            s.flush()
            if data.odometer_km is not None:
                record_odometer(s, row.id, data.odometer_km, "manual", note="at registration")
            return _read(s, row)

        return self.db.write(fn)

    def import_many(
        self, rows: Sequence[tuple[int, VehicleCreate]], source: str, progress: RowsDone = no_progress
    ) -> ImportOutcome:
        """Creates the rows in one transaction, skipping a vehicle already on file (the same VIN), so an
        import run twice adds nobody the second time; a plate another vehicle holds is a named problem,
        as on the form. One user action, one audit entry. Two desks importing at once take turns."""

        def fn(s: Session) -> ImportOutcome:
            lock_resources(s, [(Resource.IMPORT, ImportLock.VEHICLES)])
            plates: dict[str, str] = {}
            for vin, plate in VehicleRepository(s).identities():
                plates[plate] = vin
            vins = set(plates.values())
            outcome = ImportOutcome()
            added: list[tuple[Vehicle, int]] = []
            progress(0, len(rows))
            for done, (number, data) in enumerate(rows, start=1):
                if done % CHUNK == 0:
                    progress(done, len(rows))
                if data.vin in vins:
                    outcome.already_on_file += 1
                    continue
                if data.plate in plates:
                    outcome.problems.append(
                        ImportProblem(
                            row=number, field="plate", rule="unique", message="Another vehicle already has this plate."
                        )
                    )
                    continue
                row = Vehicle(**data.model_dump(exclude={"odometer_km"}))
                s.add(row)
                if outcome.imported == 0:
                    audit.primary(s, row, "import", f"Imported from {source}")
                if data.odometer_km is not None:
                    added.append((row, data.odometer_km))
                plates[data.plate] = data.vin
                vins.add(data.vin)
                outcome.imported += 1
            s.flush()
            for row, km in added:
                record_odometer(s, row.id, km, "manual", note="at import")
            s.flush()
            progress(len(rows), len(rows))
            return outcome

        return self.db.write(fn)

    def update(self, vehicle_id: int, data: VehicleUpdate) -> VehicleRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}
        for name in {"plate", "vin", "make", "model", "year", "transmission"} & changes.keys():
            if changes[name] is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        def fn(s: Session) -> VehicleRead:
            row = load_vehicle(s, vehicle_id)
            check_version(row.version, data.version, VehicleVersionConflict, vehicle_id=vehicle_id)
            if changes.get("plate"):
                self._ensure_plate_free(s, changes["plate"], row.id)
            apply_changes(row, changes)
            s.flush()
            return _read(s, row)

        return guard_stale(lambda: self.db.write(fn), VehicleVersionConflict, vehicle_id=vehicle_id)

    def add_odometer(self, vehicle_id: int, data: OdometerCreate) -> OdometerRead:
        def fn(s: Session) -> OdometerRead:
            load_vehicle(s, vehicle_id)
            return OdometerRead.model_validate(record_odometer(s, vehicle_id, data.km, "manual", note=data.note))

        return self.db.write(fn)

    def odometer_log(self, vehicle_id: int, limit: int) -> OdometerLog:
        def fn(s: Session) -> OdometerLog:
            repo = VehicleRepository(s)
            repo.load(vehicle_id)
            rows = repo.odometer_log(vehicle_id, limit)
            return OdometerLog(items=[OdometerRead.model_validate(r) for r in rows])

        return self.db.read(fn)

    @staticmethod
    def _ensure_plate_free(s: Session, plate: str, own_id: int | None) -> None:
        other = VehicleRepository(s).id_with_plate(plate)
        if other is not None and other != own_id:
            raise PlateTaken(
                details={
                    "fields": [
                        {"field": "plate", "rule": "unique", "message": "Another vehicle already has this plate."}
                    ],
                    "vehicle_id": other,
                    "plate": plate,
                }
            )
