from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class EnrollmentNotFound(RecordNotFound, record="enrollment"): ...


class EnrollmentVersionConflict(RecordVersionConflict, record="enrollment"): ...


class EnrollmentLocked(Conflict):
    code = "enrollment.locked"
    default_message = "This enrollment is certified: its course records are locked. Add a correction instead."


class EnrollmentWithdrawn(Conflict):
    code = "enrollment.withdrawn"
    default_message = "This enrollment was withdrawn."
