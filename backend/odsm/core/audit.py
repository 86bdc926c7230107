"""The audit log: every write to an audited table appends an entry, chained by hash to the one before.

One mechanism serves every feature: a SQLAlchemy `after_flush` hook sees what the flush created,
changed or deleted, and appends entries on the same connection, inside the same transaction. So an
entry exists exactly when its write committed. The table refuses UPDATE and DELETE (triggers in the
migration), and `verify_chain` recomputes every hash to find the first broken link.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Integer, String, Text, event, insert, inspect, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from .db import Base, UTCDateTime, utcnow

GENESIS = "0" * 64
# Several workstations on one PostgreSQL server append one at a time (SQLite's write lock does this).
PG_AUDIT_LOCK = 7_312_047_731

current_actor: contextvars.ContextVar[str] = contextvars.ContextVar("current_actor", default="front-desk")


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(60), index=True)
    entity_id: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    # The student an entry concerns, when there is one: the per-student history reads by it.
    student_id: Mapped[int | None] = mapped_column(Integer, index=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Audited:
    """Mixin: the table's writes are audited. `__audit_exclude__` names derived columns to leave out."""

    __audit_exclude__: frozenset[str] = frozenset()

    def audit_student_id(self) -> int | None:
        return None


def note(session: Session, obj: object, action: str, reason: str | None = None) -> None:
    """Names the action of the next flush of `obj` (e.g. "archive", "certify") and why."""
    session.info.setdefault("audit_notes", {})[id(obj)] = (action, reason)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _columns(obj: Any) -> list[str]:
    exclude: frozenset[str] = getattr(obj, "__audit_exclude__", frozenset())
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in exclude]


def _snapshot(obj: Any) -> dict[str, Any]:
    return {k: _plain(getattr(obj, k)) for k in _columns(obj)}


def _before(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    out = {}
    for key in _columns(obj):
        hist = state.attrs[key].history
        if hist.deleted:
            out[key] = _plain(hist.deleted[0])
        elif hist.unchanged:
            out[key] = _plain(hist.unchanged[0])
        else:
            out[key] = _plain(getattr(obj, key))
    return out


def canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(fields)).encode()).hexdigest()


def _hashed_fields(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "at", "actor", "entity", "entity_id", "action", "before", "after", "reason", "student_id")
    return {k: (row[k].isoformat() if isinstance(row[k], datetime) else row[k]) for k in keys}


def _pending_entries(session: Session) -> list[tuple[Any, str, dict[str, Any] | None, dict[str, Any] | None]]:
    found: list[tuple[Any, str, dict[str, Any] | None, dict[str, Any] | None]] = []
    for obj in session.new:
        if isinstance(obj, Audited):
            found.append((obj, "create", None, _snapshot(obj)))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            before, after = _before(obj), _snapshot(obj)
            if before != after:
                found.append((obj, "update", before, after))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            found.append((obj, "delete", _before(obj), None))
    return found


@event.listens_for(Session, "after_flush")
def _append_entries(session: Session, _flush_context: Any) -> None:
    pending = _pending_entries(session)
    if not pending:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_AUDIT_LOCK})
    last = conn.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    next_id, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    notes: dict[int, tuple[str, str | None]] = session.info.get("audit_notes", {})
    actor = current_actor.get()
    for obj, default_action, before, after in pending:
        action, reason = notes.pop(id(obj), (default_action, None))
        # The primary key from the row itself: a new object's identity key is only set after the flush.
        identity = inspect(obj).mapper.primary_key_from_instance(obj)
        row = {
            "id": next_id,
            "at": utcnow(),
            "actor": actor,
            "entity": obj.__tablename__,
            "entity_id": ":".join(str(i) for i in identity if i is not None),
            "action": action,
            "before": canonical(before) if before is not None else None,
            "after": canonical(after) if after is not None else None,
            "reason": reason,
            "student_id": obj.audit_student_id(),
        }
        row["prev_hash"] = prev_hash
        row["hash"] = entry_hash(prev_hash, _hashed_fields(row))
        conn.execute(insert(AuditEntry), [row])
        next_id, prev_hash = next_id + 1, row["hash"]


def verify_chain(session: Session, batch: int = 5000) -> dict[str, Any]:
    prev_hash, checked, last_id = GENESIS, 0, 0
    while True:
        rows = session.execute(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).scalars()
        seen = False
        for e in rows:
            seen = True
            fields = _hashed_fields({c.key: getattr(e, c.key) for c in AuditEntry.__table__.columns})
            expected = entry_hash(prev_hash, fields)
            if e.prev_hash != prev_hash or e.hash != expected:
                return {
                    "ok": False,
                    "checked": checked,
                    "first_broken_id": e.id,
                    "expected_hash": expected,
                    "stored_hash": e.hash,
                }
            prev_hash, checked, last_id = e.hash, checked + 1, e.id
        if not seen:
            return {"ok": True, "checked": checked, "first_broken_id": None, "head_hash": prev_hash}
