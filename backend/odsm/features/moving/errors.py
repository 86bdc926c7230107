from odsm.core.errors import AppError


class MoveRefused(AppError):
    """The school stays on this workstation's SQLite file, unchanged, and the server holds no row of it."""

    status_code = 422


class MoveSourceNotSqlite(MoveRefused):
    status_code = 409
    code = "move.source_not_sqlite"
    default_message = "This school already runs on a server; there is nothing to move."


class MoveInProgress(MoveRefused):
    status_code = 409
    code = "move.in_progress"
    default_message = "The school is being moved already. Wait for that move to finish."


class MoveTargetNotPostgresql(MoveRefused):
    code = "move.target_not_postgresql"
    default_message = "The school can only move to a PostgreSQL server. Check the server's address."


class MoveTargetUnreachable(MoveRefused):
    code = "move.target_unreachable"
    default_message = "The server could not be reached, so nothing was moved. Check the address, user and password."


class MoveTargetNotEmpty(MoveRefused):
    status_code = 409
    code = "move.target_not_empty"
    default_message = "That database already holds records, so nothing was moved. Choose an empty database."


class MoveTargetNewerSchema(MoveRefused):
    status_code = 409
    code = "move.target_newer_schema"
    default_message = "That database was set up by a newer version of the app. Update this app first."


class MoveCopyFailed(MoveRefused):
    code = "move.copy_failed"
    default_message = "The server refused part of the school, so nothing was moved. The school stays on this computer."


class MoveVerifyFailed(MoveRefused):
    code = "move.verify_failed"
    default_message = "The copy on the server did not match this school, so it was not kept. Nothing changed here."
