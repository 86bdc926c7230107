"""The audit screen's refusals."""

from odsm.core.errors import AppError


class AuditCsvNotWritable(AppError):
    status_code = 422
    code = "audit.csv_not_writable"
    default_message = "The audit log's CSV could not be written there. Choose another folder or drive."
