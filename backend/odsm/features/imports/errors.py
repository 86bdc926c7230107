from odsm.core.errors import AppError


class ImportRefused(AppError):
    status_code = 422


class ImportFileMissing(ImportRefused):
    code = "import.file_missing"
    default_message = "The file is not there any more. Choose it again."


class ImportFileUnreadable(ImportRefused):
    code = "import.file_unreadable"
    default_message = "That file could not be read as a spreadsheet."


class ImportColumnsMissing(ImportRefused):
    code = "import.columns_missing"
    default_message = "The file needs columns for the first name, last name and date of birth."
