from odsm.core.errors import AppError


class ConnectionRefused(AppError):
    """The database server could not be used; details say which host, database or user, in plain words."""

    status_code = 422


class HostUnreachable(ConnectionRefused):
    code = "connection.host_unreachable"
    default_message = "The database server does not answer. Check the server's name and port, and that it is on."


class AuthFailed(ConnectionRefused):
    code = "connection.auth_failed"
    default_message = "The server refused that user name or password."


class DatabaseMissing(ConnectionRefused):
    code = "connection.database_missing"
    default_message = "The server has no database by that name."


class SchemaNewer(ConnectionRefused):
    code = "connection.schema_newer"
    default_message = "That database was set up by a newer version of the app. Update this app first."


class TlsFailed(ConnectionRefused):
    code = "connection.tls_failed"
    default_message = "The secure (TLS) connection to the server could not be made."
