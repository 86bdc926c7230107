"""The audit log as a CSV a person reads in a spreadsheet: when (school time), who, what was done, to which
record (by name), what changed (before -> after, in words) and why. Cells that a spreadsheet would read as a
formula are kept as text (see billing.accountant_csv.text)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import Any, TextIO

from odsm.core.audit import ALSO_CHANGED
from odsm.core.clock_text import time_text
from odsm.features.billing.accountant_csv import dollars, text

from .schemas import AuditEntryRead

COLUMNS = ("When", "Who", "Action", "Record", "Changes", "Reason")

# Bookkeeping that changes on every write and says nothing to the reader (as on the screen).
_NOISE = frozenset({"version", "updated_at", "created_at", "id", ALSO_CHANGED})
_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_VERBS = {
    "insert": "Created",
    "create": "Created",
    "update": "Updated",
    "archive": "Archived",
    "delete": "Deleted",
    "certify": "Certified",
}


def field_label(field: str) -> str:
    """ "licence_number" -> "Licence number"; "price_cents" -> "Price"; "minutes" -> "Hours"."""
    words = re.sub(r"_(cents|minutes)$", "", "hours" if field == "minutes" else field).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def action_label(action: str) -> str:
    verb = action.split(".")[-1]
    return _VERBS.get(verb) or field_label(verb)


def who(entry: AuditEntryRead) -> str:
    if entry.staff_name:
        return f"{entry.staff_name} (at {entry.os_account or entry.actor})"
    return entry.actor


def when(at: datetime, tz: tzinfo, fmt: str) -> str:
    local = at.astimezone(tz)
    return f"{local:%Y-%m-%d} {time_text(at, tz, fmt)}"


def value_words(value: Any, field: str, tz: tzinfo, fmt: str) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int) and field.endswith("_cents"):
        return f"${dollars(value)}"
    if isinstance(value, int) and (field == "minutes" or field.endswith("_minutes")):
        return f"{value // 60} h {value % 60:02d} min"
    if isinstance(value, str) and _INSTANT.match(value):
        try:
            return when(datetime.fromisoformat(value), tz, fmt)
        except ValueError:
            return value
    if isinstance(value, list):
        return f"{len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def changes(entry: AuditEntryRead, tz: tzinfo, fmt: str) -> str:
    """ "Phone: (416) 555-0142 → 416-555-0199; Status: booked → completed"; a new record's values as set."""
    before, after = entry.before or {}, entry.after or {}
    parts: list[str] = []
    for field in dict.fromkeys([*before, *after]):
        if field in _NOISE or before.get(field) == after.get(field):
            continue
        new = value_words(after.get(field), field, tz, fmt)
        if entry.before is None:
            if after.get(field) not in (None, ""):
                parts.append(f"{field_label(field)}: {new}")
        elif entry.after is None:
            continue  # a removed record: its name says what went
        else:
            parts.append(f"{field_label(field)}: {value_words(before.get(field), field, tz, fmt)} → {new}")
    others = after.get(ALSO_CHANGED)
    if isinstance(others, list) and others:
        parts.append(f"and {len(others)} other record{'' if len(others) == 1 else 's'} changed with it")
    return "; ".join(parts)


def row(entry: AuditEntryRead, tz: tzinfo, fmt: str) -> list[str]:
    return [
        when(entry.at, tz, fmt),
        text(who(entry)),
        action_label(entry.action),
        text(entry.entity_label),
        text(changes(entry, tz, fmt)),
        text(entry.reason),
    ]


def start(out: TextIO) -> Any:
    """A CSV writer on `out` with the header written (RFC 4180: commas, quotes where needed, CRLF)."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    return writer


def write_rows(writer: Any, entries: Iterable[AuditEntryRead], tz: tzinfo, fmt: str) -> int:
    written = 0
    for entry in entries:
        writer.writerow(row(entry, tz, fmt))
        written += 1
    return written
