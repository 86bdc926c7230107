"""The queries on the Idempotency-Key table, as Core statements: a keyed write pays for three small
statements, not for a Session's identity map and flush. They run on the write's own connection (a
Session's `connection()` inside its transaction), so a claim commits with its write or not at all."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Executable, Row, Table, bindparam, delete, insert, select, update

from .idempotency_record import IdempotencyRecord
from .orm import utcnow

keys = cast(Table, IdempotencyRecord.__table__)
_FIND = select(keys.c.fingerprint, keys.c.status_code, keys.c.response_body).where(keys.c.key == bindparam("key"))
# Bound names differ from the columns': an UPDATE keeps a column's own name for its SET clause.
_ANSWER = (
    update(keys)
    .where(keys.c.key == bindparam("answered_key"))
    .values(status_code=bindparam("status"), response_body=bindparam("body"))
)


@functools.cache
def _claim(dialect: str) -> Executable:
    """A claim is one INSERT that does nothing where the key is already there; the row count says who won.
    On PostgreSQL an INSERT meeting another transaction's uncommitted claim waits for it, as before.
    Built on first use: the PostgreSQL dialect's modules are not imported by a SQLite start."""
    # SQLAlchemy keeps an INSERT's row count only when asked (it is guaranteed for UPDATE and DELETE).
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        stmt: Executable = sqlite.insert(keys).on_conflict_do_nothing(index_elements=[keys.c.key])
    elif dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        stmt = postgresql.insert(keys).on_conflict_do_nothing(index_elements=[keys.c.key])
    else:
        stmt = insert(keys)
    return stmt.execution_options(preserve_rowcount=True)


def find(conn: Connection, key: str) -> Row[str, int | None, bytes | None] | None:
    """(fingerprint, status_code, response_body) stored for the key, or None."""
    return conn.execute(_FIND, {"key": key}).first()


def insert_claim(conn: Connection, key: str, fingerprint: str) -> bool:
    """Claims the key; False when another request's claim holds it already."""
    result = conn.execute(_claim(conn.dialect.name), {"key": key, "fingerprint": fingerprint, "created_at": utcnow()})
    return result.rowcount == 1


def store_answer(conn: Connection, key: str, fingerprint: str, status: int, body: bytes) -> None:
    if not conn.execute(_ANSWER, {"answered_key": key, "status": status, "body": body}).rowcount:
        row = {"key": key, "fingerprint": fingerprint, "status_code": status, "response_body": body}
        conn.execute(insert(keys), {**row, "created_at": utcnow()})


def delete_created_before(conn: Connection, cutoff: datetime) -> int:
    result = conn.execute(delete(keys).where(keys.c.created_at < cutoff))
    return int(result.rowcount or 0)
