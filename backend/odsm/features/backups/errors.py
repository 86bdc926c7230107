from odsm.core.errors import AppError


class BackupRefused(AppError):
    status_code = 422


class BackupFolderMissing(BackupRefused):
    code = "backup.folder_missing"
    default_message = "The backup folder does not exist. Plug in the drive, or choose another folder."


class BackupFolderNotWritable(BackupRefused):
    code = "backup.folder_not_writable"
    default_message = "The backup could not be written to that folder. Choose another folder or drive."


class BackupCheckFailed(BackupRefused):
    code = "backup.check_failed"
    default_message = "The backup was written but did not pass its check, so it was not kept. Nothing was changed."


class RestoreRefused(AppError):
    """The chosen file is not a backup this app can restore; nothing was changed."""

    status_code = 422


class RestoreFileMissing(RestoreRefused):
    code = "restore.file_missing"
    default_message = "The backup file is not there any more. Plug in the drive, or choose another file."


class RestoreNotABackup(RestoreRefused):
    code = "restore.not_a_backup"
    default_message = "That file is not a backup of this app. Choose a file whose name starts with odsm-backup."


class RestoreDamaged(RestoreRefused):
    code = "restore.damaged"
    default_message = "That backup is damaged, so it was not restored. Choose an older backup."


class RestoreNewerVersion(RestoreRefused):
    code = "restore.newer_version"
    default_message = "That backup was made by a newer version of the app. Update the app, then restore it."


class RestoreChainBroken(RestoreRefused):
    code = "restore.chain_broken"
    default_message = "The audit log inside that backup does not verify, so it was not restored. Choose another backup."


class RestoreFailed(RestoreRefused):
    code = "restore.failed"
    default_message = "The backup could not be copied in, so the school was left as it was."
