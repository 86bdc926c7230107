"""The queries on the audit log. Appends run on the flushing session's own connection (see audit.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, text
from sqlalchemy.orm import Session

from .audit_entry import AuditEntry

# Several workstations on one PostgreSQL server append one at a time (SQLite's write lock does this).
PG_AUDIT_LOCK = 7_312_047_731


def lock_chain_for_append(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_AUDIT_LOCK})


def chain_head(conn: Connection) -> tuple[int, str] | None:
    """The last entry's id and hash, or None for an empty log."""
    last = conn.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return None if last is None else (last[0], last[1])


def append(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(insert(AuditEntry), [row])


def entries_after(session: Session, last_id: int, batch: int) -> Sequence[AuditEntry]:
    stmt = select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
    return session.scalars(stmt).all()
