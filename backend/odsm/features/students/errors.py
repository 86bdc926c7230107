from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict, RecordNotFound, RecordVersionConflict


class StudentNotFound(RecordNotFound, record="student"): ...


class StudentVersionConflict(RecordVersionConflict, record="student"): ...


class StudentArchived(Conflict):
    code = "student.archived"
    default_message = "This student is archived and cannot be edited."


class LicenceNumberTaken(Conflict):
    code = "student.licence_number_taken"
    default_message = "Another student already has this licence number."


class StudentBirthDateRefused(AppError):
    """A birth date the student cannot have: the details name the field and the rule, like a 422 from
    the schema, so the form shows it under the birth date."""

    status_code = 422


class BirthDateInFuture(StudentBirthDateRefused):
    code = "student.birth_date_in_future"
    default_message = "The date of birth is in the future."


class TooYoungForLicence(StudentBirthDateRefused):
    code = "student.too_young_for_licence"
    default_message = "A licence holder must be at least 16 years old."


class LicenceClassRequired(Conflict):
    code = "student.licence_class_required"
    default_message = (
        "This student has in-car lessons booked, so the licence class cannot be cleared. "
        "Correct the class instead, or cancel the lessons first."
    )


class LicenceStepOutOfOrder(Conflict):
    code = "licence.step_out_of_order"
    default_message = "A licence step can only follow the one before it: G1, then G2, then G."


class LicenceDateOutOfOrder(AppError):
    status_code = 422
    code = "licence.date_out_of_order"
    default_message = "A licence step cannot be issued before the step it follows."


class LicenceIssuedInFuture(AppError):
    status_code = 422
    code = "licence.issued_in_future"
    default_message = "A licence cannot be issued on a day still to come."
