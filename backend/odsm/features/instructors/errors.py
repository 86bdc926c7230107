from odsm.core.errors import AppError, NotFound


class InstructorNotFound(NotFound):
    code = "instructor.not_found"
    default_message = "No instructor has that id."


class InstructorVersionConflict(AppError):
    status_code = 409
    code = "instructor.version_conflict"
    default_message = "Someone else changed this instructor since you opened it. Reload to see their changes."


class TimeOffNotFound(NotFound):
    code = "instructor.time_off_not_found"
    default_message = "No such time off for this instructor."
