from odsm.core.errors import AppError, NotFound


class SessionNotFound(NotFound):
    code = "classroom.not_found"
    default_message = "No classroom session has that id."


class InstructorNotAuthorised(AppError):
    status_code = 409
    code = "classroom.instructor_not_authorised"
    default_message = "This instructor may not teach classroom sessions on that day."


class ClassSizeExceeded(AppError):
    status_code = 422
    code = "classroom.class_size_exceeded"
    default_message = "The capacity is above the school's maximum class size."


class SessionFull(AppError):
    status_code = 409
    code = "classroom.session_full"
    default_message = "This session is full."


class MinutesExceedSession(AppError):
    status_code = 422
    code = "classroom.minutes_exceed_session"
    default_message = "A student cannot be credited more minutes than the session lasted."


class DailyLimitExceeded(AppError):
    status_code = 409
    code = "classroom.daily_limit_exceeded"
    default_message = "This would put the student over the daily classroom limit."
