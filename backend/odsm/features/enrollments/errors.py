from odsm.core.errors import AppError, NotFound


class EnrollmentNotFound(NotFound):
    code = "enrollment.not_found"
    default_message = "No enrollment has that id."


class EnrollmentVersionConflict(AppError):
    status_code = 409
    code = "enrollment.version_conflict"
    default_message = "Someone else changed this enrollment since you opened it. Reload to see their changes."


class EnrollmentLocked(AppError):
    status_code = 409
    code = "enrollment.locked"
    default_message = "This enrollment is certified: its course records are locked. Add a correction instead."


class EnrollmentWithdrawn(AppError):
    status_code = 409
    code = "enrollment.withdrawn"
    default_message = "This enrollment was withdrawn."
