from odsm.core.errors import AppError, NotFound


class StudentNotFound(NotFound):
    code = "student.not_found"
    default_message = "No student has that id."


class StudentVersionConflict(AppError):
    status_code = 409
    code = "student.version_conflict"
    default_message = "Someone else changed this student since you opened it. Reload to see their changes."


class StudentArchived(AppError):
    status_code = 409
    code = "student.archived"
    default_message = "This student is archived and cannot be edited."


class LicenceNumberTaken(AppError):
    status_code = 409
    code = "student.licence_number_taken"
    default_message = "Another student already has this licence number."
