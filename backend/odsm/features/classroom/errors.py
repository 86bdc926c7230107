from odsm.core.errors import AppError, NotFound


class SessionNotFound(NotFound):
    code = "classroom.not_found"
    default_message = "No classroom session has that id."


class ClassroomRefused(AppError):
    """A classroom rule refuses: the session or the student's day stands in the way (409)."""

    status_code = 409


class ClassroomInvalid(AppError):
    """A classroom rule refuses the values asked for themselves (422)."""

    status_code = 422


class InstructorNotAuthorised(ClassroomRefused):
    code = "classroom.instructor_not_authorised"
    default_message = "This instructor may not teach classroom sessions on that day."


class ClassSizeExceeded(ClassroomInvalid):
    code = "classroom.class_size_exceeded"
    default_message = "The capacity is above the school's maximum class size."


class SessionFull(ClassroomRefused):
    code = "classroom.session_full"
    default_message = "This session is full."


class MinutesExceedSession(ClassroomInvalid):
    code = "classroom.minutes_exceed_session"
    default_message = "A student cannot be credited more minutes than the session lasted."


class DailyLimitExceeded(ClassroomRefused):
    code = "classroom.daily_limit_exceeded"
    default_message = "This would put the student over the daily classroom limit."


class BackdatedWithoutReason(ClassroomInvalid):
    code = "classroom.backdated_without_reason"
    default_message = (
        "A class created in the past, or attendance entered later than the grace period after it, needs a reason."
    )


class SessionNotYetHappened(ClassroomInvalid):
    code = "classroom.not_yet_happened"
    default_message = "Attendance cannot be recorded for a class that has not started yet."


class InstructorDoubleBooked(ClassroomRefused):
    code = "classroom.instructor_double_booked"
    default_message = "The instructor is already teaching another class at that time."


class InstructorTeachingLesson(ClassroomRefused):
    code = "classroom.instructor_teaching_lesson"
    default_message = "The instructor has an in-car lesson at that time."


class InstructorAtRoadTest(ClassroomRefused):
    code = "classroom.instructor_at_road_test"
    default_message = "The instructor is going with a student to a road test at that time."


class InstructorOnTimeOff(ClassroomRefused):
    code = "classroom.instructor_time_off"
    default_message = "The instructor has time off then."


class RosterFull(ClassroomRefused):
    code = "classroom.roster_full"
    default_message = "The class roster is full: it holds as many students as the class size allows."


class AlreadyOnRoster(ClassroomRefused):
    code = "classroom.already_on_roster"
    default_message = "This student is already on the class roster."


class NotOnRoster(ClassroomRefused):
    code = "classroom.not_on_roster"
    default_message = "This student is not on the class roster."
