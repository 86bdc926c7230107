"""The audit log: every write to an audited table appends an entry, chained by hash to the one before.

One mechanism serves every feature: a SQLAlchemy `after_flush` hook sees what the flush created,
changed or deleted, and appends entries on the same connection, inside the same transaction. So an
entry exists exactly when its write committed. The table refuses UPDATE and DELETE (triggers in the
migration), and `verify_chain` recomputes every hash to find the first broken link.
"""

from __future__ import annotations

import contextvars
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session

from . import audit_repository as log_rows
from .audit_entry import GENESIS, AuditEntry, canonical, entry_hash, hashed_fields
from .orm import utcnow

current_actor: contextvars.ContextVar[str] = contextvars.ContextVar("current_actor", default="front-desk")

Change = tuple[Any, str, dict[str, Any] | None, dict[str, Any] | None]  # object, action, before, after


class Audited:
    """Mixin: the table's writes are audited. `__audit_exclude__` names derived columns to leave out.

    `__audit_collections__` names relationships whose rows are part of this record (an instructor's
    weekly hours and time off): they appear in its before and after, and a write to them is one entry
    on this record. Their own classes are then not Audited, so the write is not counted twice.
    """

    __audit_exclude__: frozenset[str] = frozenset()
    __audit_collections__: tuple[str, ...] = ()

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


def _by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: row.get("id") or 0)


def snapshot(obj: Any) -> dict[str, Any]:
    """A record's audited state, as its entries' `after` holds it (verify compares the live row with it),
    with the collections it declares in `__audit_collections__` (rows kept in a record's own entry)."""
    out = {k: _plain(getattr(obj, k)) for k in _columns(obj)}
    for name in getattr(obj, "__audit_collections__", ()):
        out[name] = _by_id([snapshot(child) for child in getattr(obj, name)])
    return out


def _before(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    out: dict[str, Any] = {}
    for name in getattr(obj, "__audit_collections__", ()):
        # Before the flush the collection held the rows it kept and the rows it dropped.
        hist = state.attrs[name].history
        out[name] = _by_id([_before(child) for child in [*hist.unchanged, *hist.deleted]])
    for key in _columns(obj):
        hist = state.attrs[key].history
        if hist.deleted:
            out[key] = _plain(hist.deleted[0])
        elif hist.unchanged:
            out[key] = _plain(hist.unchanged[0])
        else:
            out[key] = _plain(getattr(obj, key))
    return out


def _pending_changes(session: Session) -> list[Change]:
    found: list[Change] = []
    for obj in session.new:
        if isinstance(obj, Audited):
            found.append((obj, "create", None, snapshot(obj)))
    for obj in session.dirty:
        collections = bool(getattr(obj, "__audit_collections__", ()))
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=collections):
            before, after = _before(obj), snapshot(obj)
            if before != after:
                found.append((obj, "update", before, after))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            found.append((obj, "delete", _before(obj), None))
    return found


@event.listens_for(Session, "after_flush")
def _append_entries(session: Session, _flush_context: Any) -> None:
    pending = _pending_changes(session)
    if not pending:
        return
    notes: dict[int, tuple[str, str | None]] = session.info.get("audit_notes", {})
    rows = []
    for obj, default_action, before, after in pending:
        action, reason = notes.pop(id(obj), (default_action, None))
        # The primary key from the row itself: a new object's identity key is only set after the flush.
        identity = inspect(obj).mapper.primary_key_from_instance(obj)
        rows.append(
            {
                "entity": obj.__tablename__,
                "entity_id": ":".join(str(i) for i in identity if i is not None),
                "action": action,
                "before": before,
                "after": after,
                "reason": reason,
                "student_id": obj.audit_student_id(),
            }
        )
    append_entries(session.connection(), rows)


def append_entries(conn: Connection, rows: list[dict[str, Any]], actor: str | None = None) -> None:
    """Chains `rows` (entity, entity_id, action, before, after, reason, student_id) onto the log, on `conn`.
    Start-up uses it directly for what is not a record's write (a restored trigger)."""
    log_rows.lock_chain_for_append(conn)
    head = log_rows.chain_head(conn)
    next_id, prev_hash = (head[0] + 1, head[1]) if head else (1, GENESIS)
    for change in rows:
        row = {
            **change,
            "id": next_id,
            "at": utcnow(),
            "actor": actor or current_actor.get(),
            "before": canonical(change["before"]) if change["before"] is not None else None,
            "after": canonical(change["after"]) if change["after"] is not None else None,
        }
        row["prev_hash"] = prev_hash
        row["hash"] = entry_hash(prev_hash, hashed_fields(row))
        log_rows.append(conn, row)
        next_id, prev_hash = next_id + 1, row["hash"]


def verify_chain(session: Session, batch: int = 5000) -> dict[str, Any]:
    prev_hash, checked, last_id = GENESIS, 0, 0
    while True:
        rows = log_rows.entries_after(session, last_id, batch)
        if not rows:
            head_id = last_id or None
            return {"ok": True, "checked": checked, "first_broken_id": None, "head_id": head_id, "head_hash": prev_hash}
        for e in rows:
            fields = hashed_fields({c.key: getattr(e, c.key) for c in AuditEntry.__table__.columns})
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
