from odsm.core.errors import AppError
from odsm.core.record_errors import Conflict


class NotReady(Conflict):
    code = "certification.not_ready"
    default_message = "This enrollment does not meet every requirement for certification yet."


class AlreadyCertified(Conflict):
    code = "certification.already_certified"
    default_message = "This enrollment is already certified."


class CertificationDateRefused(AppError):
    """A certification date that cannot be true, or a back-dated one without its reason (DOMAIN.md)."""

    status_code = 422


class CertifiedBeforeCourseStart(CertificationDateRefused):
    code = "certification.before_course_start"
    default_message = "A certification cannot be dated before the student's course began."


class CertifiedInFuture(CertificationDateRefused):
    code = "certification.date_in_future"
    default_message = "A certification cannot be dated after today."


class BackdatingReasonRequired(CertificationDateRefused):
    code = "certification.reason_required"
    default_message = "Certifying on a date other than today needs a reason, which is kept in the audit log."


class CertifierRefused(AppError):
    """A "Certified by" who may not certify: the refusal names the field `certifier`."""

    status_code = 422


class CertifierUnknown(CertifierRefused):
    code = "certification.certifier_unknown"
    default_message = "Choose who certified from the list: nobody on it has that id."


class CertifierNotAllowed(CertifierRefused):
    code = "certification.certifier_not_allowed"
    default_message = "This person may not certify students."


class MtoReferenceTaken(Conflict):
    code = "certification.mto_reference_taken"
    default_message = "This MTO reference is already recorded for another student."
