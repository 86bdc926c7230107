from odsm.core.errors import AppError


class NotReady(AppError):
    status_code = 409
    code = "certification.not_ready"
    default_message = "This enrollment does not meet every requirement for certification yet."


class AlreadyCertified(AppError):
    status_code = 409
    code = "certification.already_certified"
    default_message = "This enrollment is already certified."
