from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class VehicleNotFound(RecordNotFound, record="vehicle"): ...


class VehicleVersionConflict(RecordVersionConflict, record="vehicle"): ...


class PlateTaken(Conflict):
    code = "vehicle.plate_taken"
    default_message = "Another vehicle already has this plate."


class OdometerWentBackwards(AppError):
    status_code = 422
    code = "vehicle.odometer_backwards"
    default_message = "An odometer reading cannot be lower than the last one."
