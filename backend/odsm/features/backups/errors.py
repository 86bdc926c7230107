from odsm.core.errors import AppError


class BackupRefused(AppError):
    status_code = 422


class BackupFolderMissing(BackupRefused):
    code = "backup.folder_missing"
    default_message = "The backup folder does not exist. Plug in the drive, or choose another folder."


class BackupFolderNotWritable(BackupRefused):
    code = "backup.folder_not_writable"
    default_message = "The backup could not be written to that folder. Choose another folder or drive."


class BackupEngineUnsupported(BackupRefused):
    code = "backup.engine_unsupported"
    default_message = "Backups from here copy the school's own database file; on a shared server, back up the server."


class BackupCheckFailed(BackupRefused):
    code = "backup.check_failed"
    default_message = "The backup was written but did not pass its check, so it was not kept. Nothing was changed."
