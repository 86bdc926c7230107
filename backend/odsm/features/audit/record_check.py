"""Verify's second half: each live audited record must equal its last audited state.

The chain proves the log was not rewritten; this proves the records were not: a row changed, added or
removed with raw SQL (a database browser, a script) leaves the log behind, and shows up here by name.
Each table is streamed in one pass (its rows joined to their latest entry), so memory stays bounded
on a large database.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from odsm.core.audit import ALSO_CHANGED, Audited, snapshot
from odsm.core.audit_entry import canonical
from odsm.core.orm import Base

from . import repository as repo
from .schemas import RecordDrift

_STREAM_BATCH = 1000
# Refreshing a record's derived, unaudited columns (an enrollment's hour totals) moves `updated_at` and
# nothing else the log keeps: a timestamp that moved alone changes nothing a school relies on.
_BOOKKEEPING_ONLY = ["updated_at"]


def audited_models() -> list[type[Any]]:
    found = [m.class_ for m in Base.registry.mappers if issubclass(m.class_, Audited)]
    return sorted(found, key=lambda model: model.__tablename__)


def _same_instant(a: Any, b: Any) -> bool:
    """An entry holds a time as the service passed it (the school's offset); the row reads back in UTC."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    try:
        return datetime.fromisoformat(a) == datetime.fromisoformat(b)
    except ValueError:
        return False


def _same(a: Any, b: Any) -> bool:
    """Equal, instants compared as instants, also inside a record's collections (an instructor's time off)."""
    if a == b or _same_instant(a, b):
        return True
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return False


def _differing_fields(live: dict[str, Any], audited: dict[str, Any]) -> list[str]:
    keys = live.keys() | audited.keys()
    return sorted(k for k in keys if not _same(live.get(k), audited.get(k)))


def _last_state(
    model: type[Any], entity_id: str, entry_of: tuple[str, str], after: str | None
) -> dict[str, Any] | None:
    """The record's state in its latest entry: the entry's own `after`, or, when the record changed as part
    of another record's write, its part in that entry. None: no entry, or the last one deleted it."""
    if after is None:
        return None
    state: dict[str, Any] = json.loads(after)
    if entry_of == (model.__tablename__, entity_id):
        state.pop(ALSO_CHANGED, None)
        return state
    for part in state.get(ALSO_CHANGED, []):
        if (part["entity"], part["entity_id"]) == (model.__tablename__, entity_id):
            found: dict[str, Any] | None = part["after"]
            return found
    return None


def _drift_in(session: Session, model: type[Any]) -> Iterator[RecordDrift]:
    entity, dialect = model.__tablename__, session.get_bind().dialect.name
    rows = session.execute(repo.live_records_with_last_state(model, dialect).execution_options(yield_per=_STREAM_BATCH))
    for obj, entry_entity, entry_id, after in rows:
        # Through JSON, as the entry was, so that dates and decimals compare as they were recorded.
        live = json.loads(canonical(snapshot(obj)))
        audited = _last_state(model, str(obj.id), (entry_entity, entry_id), after)
        session.expunge(obj)
        if audited is None:
            # No entry at all, or the last one deleted it: the row was written behind the app's back.
            yield RecordDrift(entity=entity, entity_id=str(obj.id), change="unaudited", fields=sorted(live))
            continue
        fields = _differing_fields(live, audited)
        if fields and fields != _BOOKKEEPING_ONLY:
            yield RecordDrift(entity=entity, entity_id=str(obj.id), change="changed", fields=fields)
    gone = session.execute(repo.records_gone_from_table(model, dialect).execution_options(yield_per=_STREAM_BATCH))
    for entity_id, entry_entity, entry_id, after in gone:
        if _last_state(model, entity_id, (entry_entity, entry_id), after) is not None:
            yield RecordDrift(entity=entity, entity_id=entity_id, change="missing", fields=[])


def record_drift(session: Session, limit: int) -> tuple[list[RecordDrift], int]:
    """The first `limit` records that differ from their last audited state, and how many differ in all."""
    shown: list[RecordDrift] = []
    total = 0
    for model in audited_models():
        for drift in _drift_in(session, model):
            total += 1
            if len(shown) < limit:
                shown.append(drift)
    return shown, total
