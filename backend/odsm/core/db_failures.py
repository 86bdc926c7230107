"""Which database failures are worth a retry (a lock, a serialization conflict) and which mean the
database itself is gone (the breaker counts those); everything else is a bug in one statement."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError, OperationalError

# PostgreSQL's serialization_failure and deadlock_detected: the transaction may simply run again.
_PG_RETRYABLE = {"40001", "40P01"}
_SQLITE_DOWN = ("unable to open", "disk i/o", "malformed", "readonly database", "database or disk is full")


def is_lock_or_serialization_failure(exc: BaseException) -> bool:
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if isinstance(orig, sqlite3.OperationalError):
        text = str(orig).lower()
        return "database is locked" in text or "database is busy" in text
    pgcode = getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)
    return pgcode in _PG_RETRYABLE


def is_lost_connection(exc: BaseException) -> bool:
    """The server ended this connection (a restart, an administrator's pg_terminate_backend) while it was
    in use. That is not a dead database (the breaker does not count it; the next connect tells), and the
    pool pings before it hands out another, so a unit of work that cannot have committed may run again."""
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def is_lost_before_commit(exc: BaseException) -> bool:
    """Lost while a statement ran, so the transaction died uncommitted. A failed COMMIT has no statement:
    whether it landed is unknown, so a write is never run again for it here (main's retry of a keyed
    write finds its key instead)."""
    return is_lost_connection(exc) and isinstance(exc, DBAPIError) and exc.statement is not None


def is_database_down(exc: BaseException) -> bool:
    """The database cannot be reached or used at all, as opposed to a bug in one statement."""
    if not isinstance(exc, OperationalError) or is_lock_or_serialization_failure(exc):
        return False
    if isinstance(exc.orig, sqlite3.OperationalError):
        return any(marker in str(exc.orig).lower() for marker in _SQLITE_DOWN)
    return True  # PostgreSQL's OperationalError: the connection is gone or refused
