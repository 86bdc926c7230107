"""Each road-test rule refuses with its own code; details carry the dates and the reasons in desk words."""

from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class RoadTestNotFound(RecordNotFound, record="road_test"): ...


class RoadTestVersionConflict(RecordVersionConflict, record="road_test"): ...


class CentreNotFound(RecordNotFound, record="drivetest_centre"): ...


class CentreVersionConflict(RecordVersionConflict, record="drivetest_centre"): ...


class RoadTestSettingsVersionConflict(RecordVersionConflict, record="road_test_settings"): ...


class RoadTestRefused(Conflict):
    """A road-test rule refuses (409)."""


class NotYetEligible(RoadTestRefused):
    code = "road_test.not_yet_eligible"
    default_message = "The student is not yet eligible for this road test on that day."


class RetestTooSoon(RoadTestRefused):
    code = "road_test.retest_too_soon"
    default_message = "A retest after a fail must wait the school's retest period."


class AlreadyHoldsClass(RoadTestRefused):
    code = "road_test.already_holds_class"
    default_message = "The student already holds this licence class."


class ProgrammeExpired(RoadTestRefused):
    code = "road_test.programme_expired"
    default_message = "The licence programme's time limit has run out."


class PreviousStepMissing(RoadTestRefused):
    code = "road_test.previous_step_missing"
    default_message = "The licence step this test follows, or its issue date, is not on file."


class VehicleDoubleBooked(RoadTestRefused):
    code = "road_test.vehicle_double_booked"
    default_message = "The car is already booked at that time."


class InstructorDoubleBooked(RoadTestRefused):
    code = "road_test.instructor_double_booked"
    default_message = "The instructor is already booked at that time."


class StudentDoubleBooked(RoadTestRefused):
    code = "road_test.student_double_booked"
    default_message = "The student already has a lesson or a road test at that time."


class InstructorUnavailable(RoadTestRefused):
    code = "road_test.instructor_unavailable"
    default_message = "The instructor cannot go then: time off, a class to teach, or a DI licence not valid that day."


class VehicleNotBookable(RoadTestRefused):
    code = "road_test.vehicle_not_bookable"
    default_message = "The car may not be booked that day: it is out of service, or its insurance or inspection lapses."


class CentreRetired(RoadTestRefused):
    code = "road_test.centre_retired"
    default_message = "That DriveTest centre is no longer in the school's list."


class RoadTestNotBooked(RoadTestRefused):
    code = "road_test.not_booked"
    default_message = "Only a booked road test can be cancelled or given a result."


class RoadTestInPast(AppError):
    status_code = 422
    code = "road_test.in_past"
    default_message = "A road test cannot be booked at a time already past."


class RoadTestNotYetTaken(AppError):
    status_code = 422
    code = "road_test.not_yet_taken"
    default_message = "A road test's result can be recorded once its time has come."


ELIGIBILITY_REFUSALS: dict[str, type[RoadTestRefused]] = {
    e.code: e for e in (NotYetEligible, RetestTooSoon, AlreadyHoldsClass, ProgrammeExpired, PreviousStepMissing)
}
