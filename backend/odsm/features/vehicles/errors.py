from odsm.core.errors import AppError, NotFound


class VehicleNotFound(NotFound):
    code = "vehicle.not_found"
    default_message = "No vehicle has that id."


class VehicleConflict(AppError):
    """Another record stands in the way: a newer version, or another vehicle with the plate (409)."""

    status_code = 409


class VehicleVersionConflict(VehicleConflict):
    code = "vehicle.version_conflict"
    default_message = "Someone else changed this vehicle since you opened it. Reload to see their changes."


class PlateTaken(VehicleConflict):
    code = "vehicle.plate_taken"
    default_message = "Another vehicle already has this plate."


class OdometerWentBackwards(AppError):
    status_code = 422
    code = "vehicle.odometer_backwards"
    default_message = "An odometer reading cannot be lower than the last one."
