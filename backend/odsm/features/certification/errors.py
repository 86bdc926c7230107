from odsm.core.record_errors import Conflict


class NotReady(Conflict):
    code = "certification.not_ready"
    default_message = "This enrollment does not meet every requirement for certification yet."


class AlreadyCertified(Conflict):
    code = "certification.already_certified"
    default_message = "This enrollment is already certified."
