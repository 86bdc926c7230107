from odsm.core.errors import AppError, NotFound


class CourseNotFound(NotFound):
    code = "course.not_found"
    default_message = "No course has that id."


class CourseVersionConflict(AppError):
    status_code = 409
    code = "course.version_conflict"
    default_message = "Someone else changed this course since you opened it. Reload to see their changes."


class CourseInactive(AppError):
    status_code = 409
    code = "course.inactive"
    default_message = "This course is no longer offered."
