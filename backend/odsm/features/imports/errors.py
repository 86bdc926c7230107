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
    default_message = "The file needs a column for every required field."


class ImportMappingInvalid(ImportRefused):
    code = "import.mapping_invalid"
    default_message = "Each field can take one column only, and every column needs a field or to be left out."


class ImportFileChanged(ImportRefused):
    status_code = 409
    code = "import.file_changed"
    default_message = (
        "The file has changed since its preview. Nothing was imported: check the new preview, then import."
    )
