from odsm.core.errors import NotFound
from odsm.core.record_errors import RecordNotFound, RecordVersionConflict


class InstructorNotFound(RecordNotFound, record="instructor"): ...


class InstructorVersionConflict(RecordVersionConflict, record="instructor"): ...


class TimeOffNotFound(NotFound):
    code = "instructor.time_off_not_found"
    default_message = "No such time off for this instructor."
