from odsm.core.errors import AppError


class ExportNotWritable(AppError):
    status_code = 422
    code = "export.not_writable"
    default_message = "The export could not be written there. Choose another folder or drive."
