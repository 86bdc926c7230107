"""Refusals of the documents: each with a stable code, and words the front desk can act on."""

from odsm.core.errors import ValidationFailed
from odsm.core.record_errors import Conflict


class NotCertified(Conflict):
    code = "document.not_certified"
    default_message = (
        "This student has no certified BDE course yet, so there is no completion certificate to print. "
        "Certify the course on the Certification screen first."
    )


def bundle_range_refused(first_day: str, last_day: str, rule: str, message: str) -> ValidationFailed:
    return ValidationFailed.for_field("last_day", rule, message, first_day=first_day, last_day=last_day)
