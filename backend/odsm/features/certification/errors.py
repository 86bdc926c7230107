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
