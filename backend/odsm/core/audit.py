"""The audit log: every write to an audited table appends an entry, chained by hash to the one before.

One mechanism serves every feature: a SQLAlchemy `after_flush` hook sees what each flush created,
changed or deleted, and just before the transaction commits one entry is appended for the whole write,
on the same connection, inside the same transaction. So an entry exists exactly when its write
committed, and one user action (a lesson completed, with its odometer readings and hours) is one entry:
its record's before and after, with the other records it changed listed inside (`ALSO_CHANGED`).
The table refuses UPDATE and DELETE (triggers in the migration), and `verify_chain` recomputes every
hash to find the first broken link.
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

# With sign-in on, an entry's actor names both: the workstation's OS account, then the staff account
# signed in there ("jdoe;staff=3"). The OS account never holds ";" (the request context refuses it), so
# the two split apart again, and both are inside the hashed fields.
_STAFF_MARK = ";staff="


def actor_with_staff(os_account: str, staff_id: int) -> str:
    mark = f"{_STAFF_MARK}{staff_id}"
    return os_account[: 100 - len(mark)] + mark  # the column holds 100 characters


def split_actor(actor: str) -> tuple[str, int | None]:
    """(OS account, staff account id or None) of an entry's actor."""
    os_account, _, staff = actor.partition(_STAFF_MARK)
    return os_account, int(staff) if staff.isdigit() else None


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


# session.info keys: the transaction's changes awaiting its commit, and the record its entry is about.
_HELD = "audit_held"
_PRIMARY = "audit_primary"
# In a write that changed several records, the entry's `after` lists the others under this key, each
# with its own before and after: verify checks them there, and a student's history finds them there.
ALSO_CHANGED = "also_changed"


def primary(session: Session, obj: Audited, action: str, reason: str | None = None) -> None:
    """Names the record a user action is about (a lesson completed, a class's attendance taken): the
    action's one entry is that record's, with every other record the action changed inside it. Named
    records appear even when the action left them unchanged."""
    session.info[_PRIMARY] = (obj, action, reason)


def _entity_id(obj: Any) -> str:
    # The primary key from the row itself: a new object's identity key is only set after the flush.
    identity = inspect(obj).mapper.primary_key_from_instance(obj)
    return ":".join(str(i) for i in identity if i is not None)


def _hold(held: dict[tuple[str, str], dict[str, Any]], change: dict[str, Any], noted: bool) -> None:
    """Folds one flush's change of a record into what the transaction already changed of it: the first
    before, the last after, and a named action over a default one."""
    key = (change["entity"], change["entity_id"])
    earlier = held.get(key)
    if earlier is None:
        held[key] = {**change, "noted": noted}
        return
    earlier["after"] = change["after"]
    earlier["student_id"] = change["student_id"] or earlier["student_id"]
    if change["after"] is None:
        earlier["action"] = "delete"
    elif noted or (not earlier["noted"] and earlier["action"] != "create"):
        earlier["action"], earlier["noted"] = change["action"], noted or earlier["noted"]
    earlier["reason"] = change["reason"] or earlier["reason"]
    if earlier["before"] is None and earlier["after"] is None:
        del held[key]  # created and deleted in one write: nothing to record


@event.listens_for(Session, "after_flush")
def _hold_changes(session: Session, _flush_context: Any) -> None:
    pending = _pending_changes(session)
    if not pending:
        return
    notes: dict[int, tuple[str, str | None]] = session.info.get("audit_notes", {})
    held: dict[tuple[str, str], dict[str, Any]] = session.info.setdefault(_HELD, {})
    for obj, default_action, before, after in pending:
        noted = id(obj) in notes
        action, reason = notes.pop(id(obj), (default_action, None))
        change = {
            "entity": obj.__tablename__,
            "entity_id": _entity_id(obj),
            "action": action,
            "before": before,
            "after": after,
            "reason": reason,
            "student_id": obj.audit_student_id(),
        }
        _hold(held, change, noted)


def _one_entry(session: Session, held: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any] | None:
    """The transaction's one entry: its primary record's change, with the other changes inside it."""
    named = session.info.pop(_PRIMARY, None)
    changes = list(held.values())
    lead: dict[str, Any] | None = None
    if named is not None:
        obj, action, reason = named
        key = (obj.__tablename__, _entity_id(obj))
        lead = held.get(key)
        if lead is None:  # named, but the action changed nothing of it: its state as it stands
            state = snapshot(obj)
            lead = {"entity": key[0], "entity_id": key[1], "before": state, "after": state,
                    "student_id": obj.audit_student_id()}  # fmt: skip
        else:
            changes.remove(lead)
        lead = {**lead, "action": action, "reason": reason or lead.get("reason")}
        if lead["after"] is None:  # a deleted record cannot carry the others: they stand as they are
            changes.insert(0, lead)
            lead = None
    if lead is None:
        if not changes:
            return None
        carriers = [c for c in changes if c["after"] is not None] or changes
        lead = carriers[0]
        changes.remove(lead)
    if not changes:
        return {k: v for k, v in lead.items() if k != "noted"}
    parts = [{k: c[k] for k in ("entity", "entity_id", "action", "before", "after", "reason", "student_id")}
             for c in changes]  # fmt: skip
    # One student's write names them; a write about several (a class's attendance, certifying a list) names
    # none, and lists under each student through the records it carries (audit's `_lists_student`).
    students = {c["student_id"] for c in [lead, *changes] if c["student_id"] is not None}
    student_id = students.pop() if len(students) == 1 else None
    reasons = [r for r in dict.fromkeys(c["reason"] for c in [lead, *changes]) if r]
    return {
        "entity": lead["entity"],
        "entity_id": lead["entity_id"],
        "action": lead["action"],
        "before": lead["before"],
        "after": {**lead["after"], ALSO_CHANGED: parts},
        "reason": "; ".join(reasons) or None,
        "student_id": student_id,
    }


@event.listens_for(Session, "before_commit")
def _append_entry(session: Session) -> None:
    """One write, one entry: what the transaction changed is appended as one entry just before it commits
    (on its own connection, so the entry exists exactly when the write does). A savepoint's commit is not
    the write's: its changes wait for the outer transaction's."""
    if session.in_nested_transaction():
        return
    session.flush()
    session.info.pop("audit_notes", None)
    held: dict[tuple[str, str], dict[str, Any]] = session.info.pop(_HELD, {})
    entry = _one_entry(session, held)
    if entry is not None:
        append_entries(session.connection(), [entry])


@event.listens_for(Session, "after_soft_rollback")
def _forget_held(session: Session, previous_transaction: Any) -> None:
    if previous_transaction.parent is not None:
        return  # a savepoint rolled back; the outer transaction may still commit
    for key in (_HELD, _PRIMARY, "audit_notes"):
        session.info.pop(key, None)


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
