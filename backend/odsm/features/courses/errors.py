from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class CourseNotFound(RecordNotFound, record="course"): ...


class CourseVersionConflict(RecordVersionConflict, record="course"): ...


class CourseInactive(Conflict):
    code = "course.inactive"
    default_message = "This course is no longer offered."
