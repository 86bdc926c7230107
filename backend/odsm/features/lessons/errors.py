"""Each booking rule refuses with its own code; details name the rule and what it conflicts with."""

from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class LessonNotFound(RecordNotFound, record="lesson"): ...


class LessonConflict(Conflict):
    """The lesson, or the calendar around it, stands in the way (409)."""

    status_code = 409


class LessonVersionConflict(RecordVersionConflict, record="lesson"): ...


class LessonNotScheduled(LessonConflict):
    code = "lesson.not_scheduled"
    default_message = "Only a scheduled lesson can be changed, completed, cancelled or marked as a no-show."


class LessonInFuture(AppError):
    status_code = 422
    code = "lesson.not_yet_happened"
    default_message = "A lesson cannot be completed or marked as a no-show before it has happened."


class BackdatedWithoutReason(AppError):
    status_code = 422
    code = "lesson.backdated_without_reason"
    default_message = (
        "A lesson booked in the past, or completed later than the grace period after it ended, needs a reason."
    )


class BookingRefused(LessonConflict):
    """A booking rule refuses."""


class InstructorDoubleBooked(BookingRefused):
    code = "lesson.instructor_double_booked"
    default_message = "The instructor already has a lesson at that time."


class VehicleDoubleBooked(BookingRefused):
    code = "lesson.vehicle_double_booked"
    default_message = "The vehicle is already booked at that time."


class StudentDoubleBooked(BookingRefused):
    code = "lesson.student_double_booked"
    default_message = "The student already has a lesson at that time."


class InstructorLicenceInvalid(BookingRefused):
    code = "lesson.instructor_licence_invalid"
    default_message = "The instructor's DI licence is not valid on that date, or the instructor is inactive."


class InstructorOnTimeOff(BookingRefused):
    code = "lesson.instructor_time_off"
    default_message = "The instructor has time off then."


class InstructorTeachingClass(BookingRefused):
    code = "lesson.instructor_teaching_class"
    default_message = "The instructor is teaching a class at that time."


class InstructorNotAuthorised(BookingRefused):
    code = "lesson.instructor_not_authorised"
    default_message = "The instructor is not authorised to teach in-car lessons."


class VehicleInactive(BookingRefused):
    code = "lesson.vehicle_inactive"
    default_message = "The vehicle is not in service."


class VehicleInsuranceLapsed(BookingRefused):
    code = "lesson.vehicle_insurance_lapsed"
    default_message = "The vehicle's insurance is not valid on that date."


class VehicleInspectionLapsed(BookingRefused):
    code = "lesson.vehicle_inspection_lapsed"
    default_message = "The vehicle's safety inspection is not valid on that date."


class G1NightBan(BookingRefused):
    code = "lesson.g1_night_ban"
    default_message = "A G1 driver may not drive between midnight and 5 a.m."


class StudentLicenceMissing(BookingRefused):
    code = "lesson.student_licence_missing"
    default_message = "The student's licence number and class must be on file before an in-car lesson."


class StudentLicenceExpired(BookingRefused):
    code = "lesson.student_licence_expired"
    default_message = "The student's licence has expired by the lesson's date."


class OutsideAvailability(BookingRefused):
    code = "lesson.outside_availability"
    default_message = "The lesson falls outside the instructor's working hours; give a reason to book it anyway."


class DailyInCarLimit(BookingRefused):
    code = "lesson.daily_in_car_limit"
    default_message = "This lesson would put the student over the daily in-car limit."


class EnrollmentStudentMismatch(AppError):
    status_code = 422
    code = "lesson.enrollment_mismatch"
    default_message = "That enrollment belongs to another student."
