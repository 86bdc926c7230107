"""Test a PostgreSQL connection before a workstation uses it, and say exactly what failed."""

from __future__ import annotations

import re

import structlog
from sqlalchemy import create_engine, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from odsm.core.errors import ValidationFailed
from odsm.core.migrations import script_revisions
from odsm.core.unit_of_work import Database

from . import repository as repo
from .errors import AuthFailed, ConnectionRefused, DatabaseMissing, HostUnreachable, SchemaNewer, TlsFailed
from .schemas import ConnectionTestRequest, ConnectionTestResult

log = structlog.get_logger("odsm.connections")

CONNECT_TIMEOUT_SECONDS = 5

# libpq reports a failed connection as text only (no SQLSTATE reaches the client before the session
# exists), so the failure is told apart by the server's and libpq's own words.
_DATABASE_MISSING = re.compile(r'database "[^"]*" does not exist')
_AUTH = re.compile(
    r'password authentication failed|role "[^"]*" does not exist|no password supplied|'
    r"authentication failed|no pg_hba\.conf entry|pg_hba\.conf rejects",
    re.I,
)
_TLS = re.compile(r"\bSSL\b|\bTLS\b|certificate|sslmode|root cert", re.I)


class ConnectionService:
    def __init__(self, db: Database) -> None:
        # The app's own database is not used: the test is about another one.
        self.db = db

    def test(self, request: ConnectionTestRequest) -> ConnectionTestResult:
        url = _parse(request.url)
        engine = create_engine(
            url, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS}, hide_parameters=True
        )
        try:
            with engine.connect() as conn:
                version = repo.server_version(conn)
                revision = repo.revision(conn)
                holds = repo.holds_data(conn)
        except DBAPIError as exc:
            refusal = _classify(url, exc)
            log.info("connection.test_failed", code=refusal.code, host=url.host, database=url.database)
            raise refusal from exc
        finally:
            engine.dispose()
        if revision is not None and revision not in script_revisions():
            raise SchemaNewer(
                f"The database {url.database} on {url.host} was set up by a newer version of the app "
                f"(schema {revision}). Update this app before connecting to it.",
                details={**_where(url), "schema_revision": revision},
            )
        log.info("connection.test_ok", host=url.host, database=url.database, revision=revision, holds_data=holds)
        return ConnectionTestResult(server_version=version, schema_revision=revision, holds_data=holds)


def _parse(raw: str) -> URL:
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise ValidationFailed.for_field("url", "url", "This is not a database address the app can read.") from exc
    if not url.host or not url.database:
        raise ValidationFailed.for_field("url", "url", "The address must name the server and the database.")
    return url.set(drivername="postgresql+psycopg")


def _where(url: URL) -> dict[str, str | int | None]:
    return {"host": url.host, "port": url.port or 5432, "database": url.database, "user": url.username}


def _classify(url: URL, exc: DBAPIError) -> ConnectionRefused:
    # The driver's text, without the password: libpq never prints it, and the URL is not in it.
    reason = " ".join(str(exc.orig).split())
    where = _where(url)
    details = {**where, "reason": reason}
    host = f"{where['host']}:{where['port']}"
    if _DATABASE_MISSING.search(reason):
        return DatabaseMissing(f"The server at {host} has no database named {url.database}.", details)
    if _AUTH.search(reason):
        return AuthFailed(
            f"The server at {host} refused the user {url.username} with that password "
            "(or does not let this computer in).",
            details,
        )
    if _TLS.search(reason):
        return TlsFailed(f"A secure (TLS) connection to {host} could not be made.", details)
    return HostUnreachable(f"The database server at {host} does not answer.", details)
