from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class StudentNotFound(RecordNotFound, record="student"): ...


class StudentVersionConflict(RecordVersionConflict, record="student"): ...


class StudentArchived(Conflict):
    code = "student.archived"
    default_message = "This student is archived and cannot be edited."


class LicenceNumberTaken(Conflict):
    code = "student.licence_number_taken"
    default_message = "Another student already has this licence number."
