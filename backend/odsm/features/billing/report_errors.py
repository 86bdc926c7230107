"""The refusals of the money reports and the accountant's CSV."""

from odsm.core.errors import AppError


class AccountantCsvNotWritable(AppError):
    status_code = 422
    code = "billing.csv_not_writable"
    default_message = "The accountant's file could not be written there. Choose another folder or drive."
