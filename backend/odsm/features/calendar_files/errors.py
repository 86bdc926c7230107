from odsm.core.errors import AppError


class ScheduleFileNotWritable(AppError):
    status_code = 422
    code = "calendar_file.not_writable"
    default_message = "The calendar file could not be written there. Choose another folder or drive."
