"""The queries of the vehicles aggregate: vehicles and their append-only odometer log."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select

from odsm.core.repository import RetirableRepository
from odsm.models import OdometerReading, Vehicle

from .errors import VehicleNotFound


class VehicleRepository(RetirableRepository[Vehicle]):
    model = Vehicle
    not_found = VehicleNotFound
    id_name = "vehicle_id"
    listing_order = (Vehicle.plate,)

    def active_ids(self) -> list[int]:
        return list(self.session.scalars(select(Vehicle.id).where(Vehicle.active.is_(True)).order_by(Vehicle.id)))

    def identities(self) -> list[tuple[str, str]]:
        """Every vehicle's VIN and plate: what an import matches its rows against."""
        return [(vin, plate) for vin, plate in self.session.execute(select(Vehicle.vin, Vehicle.plate))]

    def id_with_plate(self, plate: str) -> int | None:
        return self.session.scalar(select(Vehicle.id).where(Vehicle.plate == plate))

    def _readings(self, vehicle_id: int) -> Select[OdometerReading]:
        return (
            select(OdometerReading)
            .where(OdometerReading.vehicle_id == vehicle_id)
            .order_by(OdometerReading.recorded_at.desc(), OdometerReading.id.desc())
        )

    def last_odometer(self, vehicle_id: int) -> int | None:
        return self.session.scalar(self._readings(vehicle_id).with_only_columns(OdometerReading.km).limit(1))

    def odometer_log(self, vehicle_id: int, limit: int) -> Sequence[OdometerReading]:
        return self.session.scalars(self._readings(vehicle_id).limit(limit)).all()

    def add_reading(self, reading: OdometerReading) -> OdometerReading:
        self.session.add(reading)
        self.session.flush()
        return reading
