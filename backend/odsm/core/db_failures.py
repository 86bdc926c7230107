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


def is_database_down(exc: BaseException) -> bool:
    """The database cannot be reached or used at all, as opposed to a bug in one statement."""
    if not isinstance(exc, OperationalError) or is_lock_or_serialization_failure(exc):
        return False
    if isinstance(exc.orig, sqlite3.OperationalError):
        return any(marker in str(exc.orig).lower() for marker in _SQLITE_DOWN)
    return True  # PostgreSQL's OperationalError: the connection is gone or refused
