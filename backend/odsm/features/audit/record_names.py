"""The record each audit entry is about, by name ("Student Maya Chen", "Lesson with Maya Chen on Tue, Jun 10 at
4:00 p.m."), for a page of entries at a time.

A page costs one query per kind of record on it (an IN on the page's ids), one for the students and one for the
instructors those records name, and one for the last entry of records deleted since: never one per entry. A
record that is gone is named from its last audited state (its delete entry's `before`), and "#id" is the last
resort."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy.orm import Session

from odsm.core.append_only_guards import GUARD_ENTITY
from odsm.core.clock_text import date_text, time_text
from odsm.features.billing.money import document_number

from . import names_repository as repo

Fields = Mapping[str, Any]


@dataclass
class Names:
    """What a label may need beyond its own record: people by id, and how the school writes a moment."""

    tz: tzinfo
    time_format: str
    students: dict[int, str] = field(default_factory=dict)
    instructors: dict[int, str] = field(default_factory=dict)

    def student(self, f: Fields) -> str:
        sid = f.get("student_id")
        return self.students.get(sid, f"student #{sid}") if isinstance(sid, int) else "a student"

    def instructor(self, f: Fields) -> str:
        iid = f.get("instructor_id")
        return self.instructors.get(iid, f"instructor #{iid}") if isinstance(iid, int) else "an instructor"

    def moment(self, value: Any) -> str:
        try:
            at = datetime.fromisoformat(value) if isinstance(value, str) else value
        except ValueError:  # a stored value that is not a time names nothing, and fails no page of the log
            return "an unknown time"
        if not isinstance(at, datetime):
            return "an unknown time"
        return f"{date_text(at, self.tz)} at {time_text(at, self.tz, self.time_format)}"


def _person(f: Fields) -> str:
    return f"{f.get('first_name') or ''} {f.get('last_name') or ''}".strip()


def _words(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p not in (None, ""))


def _invoice(f: Fields, n: Names) -> str:
    credit = f.get("kind") == "credit_note"
    number = document_number(str(f.get("kind")), f.get("number"))
    what = ("Credit note" if credit else "Invoice") if number else ("Draft credit note" if credit else "Draft invoice")
    return f"{_words(what, number)} for {n.student(f)}"


def _payment(f: Fields, n: Names) -> str:
    kind = {"refund": "Refund", "reversal": "Reversal"}.get(str(f.get("kind")), "Payment")
    return f"{kind} PMT-{f.get('id', 0):06d} of {n.student(f)}"


@dataclass(frozen=True)
class Kind:
    """A kind of record the log holds: its words for the pickers, and how one record of it is named."""

    label: str
    name: Callable[[Fields, Names], str]
    live: bool = True  # read the record's row for its name; False: the label needs none (a settings row)


# Keyed by table name, which is what an entry's `entity` holds.
KINDS: dict[str, Kind] = {
    "students": Kind("Students", lambda f, n: f"Student {_person(f)}"),
    "instructors": Kind("Instructors", lambda f, n: f"Instructor {_person(f)}"),
    "vehicles": Kind("Vehicles", lambda f, n: _words("Vehicle", f.get("make"), f.get("model"), f.get("plate"))),
    "odometer_readings": Kind("Odometer readings", lambda f, n: _words("Odometer reading", f.get("km"), "km")),
    "lessons": Kind("Lessons", lambda f, n: f"Lesson with {n.student(f)} on {n.moment(f.get('starts_at'))}"),
    "classroom_sessions": Kind(
        "Classes", lambda f, n: f"Class with {n.instructor(f)} on {n.moment(f.get('starts_at'))}"
    ),
    "classroom_attendance": Kind("Class attendance", lambda f, n: f"Attendance of {n.student(f)}"),
    "classroom_roster": Kind("Class rosters", lambda f, n: f"{n.student(f)} on a class roster"),
    "courses": Kind("Courses", lambda f, n: _words("Course", f.get("name"))),
    "enrollments": Kind("Enrolments", lambda f, n: f"Enrolment of {n.student(f)}"),
    "enrollment_hours": Kind("Course hours", lambda f, n: f"Hours of {n.student(f)}"),
    "licence_steps": Kind(
        "Licence history", lambda f, n: f"{_words('Licence', f.get('licence_class'))} of {n.student(f)}"
    ),
    "invoices": Kind("Invoices and credit notes", _invoice),
    "payments": Kind("Payments and refunds", _payment),
    "prepaid_minutes": Kind("Prepaid hours", lambda f, n: f"Prepaid hours of {n.student(f)}"),
    "billing_products": Kind("Prices", lambda f, n: _words("Price", f.get("name"))),
    "billing_settings": Kind("Billing settings", lambda f, n: "Billing settings", live=False),
    "road_tests": Kind("Road tests", lambda f, n: f"Road test of {n.student(f)} on {n.moment(f.get('starts_at'))}"),
    "road_test_charges": Kind("Road test charges", lambda f, n: f"Road test charge of {n.student(f)}"),
    "road_test_settings": Kind("Road test settings", lambda f, n: "Road test settings", live=False),
    "drivetest_centres": Kind("DriveTest centres", lambda f, n: _words("DriveTest centre", f.get("name"))),
    "reminder_settings": Kind("Reminder settings", lambda f, n: "Reminder settings", live=False),
    "reminder_consents": Kind("Reminder consents", lambda f, n: f"Reminder consent of {n.student(f)}"),
    "reminder_templates": Kind(
        "Reminder wording", lambda f, n: _words("Reminder wording", f.get("rule"), f.get("channel"))
    ),
    "reminder_outbox": Kind("Reminders sent", lambda f, n: f"Reminder to {n.student(f)}"),
    "school_settings": Kind("School settings", lambda f, n: "School settings", live=False),
    "staff_accounts": Kind("Staff accounts", lambda f, n: _words("Staff account", f.get("name"))),
    "sign_in_settings": Kind("Sign-in settings", lambda f, n: "Sign-in settings", live=False),
    GUARD_ENTITY: Kind("Log protection", lambda f, n: "Log protection", live=False),
}


def kind_label(entity: str) -> str:
    known = KINDS.get(entity)
    return known.label if known else entity.replace("_", " ").capitalize()


def _one_of(entity: str) -> str:
    """ "classroom_sessions" -> "Classroom session": a kind's table name as one record of it."""
    singular = entity[:-3] + "y" if entity.endswith("ies") else entity.removesuffix("s")
    return singular.replace("_", " ").capitalize()


def _int_id(entity_id: str) -> int | None:
    return int(entity_id) if entity_id.isdigit() and len(entity_id) < 16 else None


def _snapshot(entry: Any) -> dict[str, Any] | None:
    """The entry's record as it stood: `after`, or for a delete `before` (stored as JSON text or read as dicts)."""
    for side in (entry.after, entry.before):
        doc = json.loads(side) if isinstance(side, str) else side
        if isinstance(doc, dict) and doc:
            return doc
    return None


def _live(s: Session, wanted: dict[str, set[int]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Each wanted record's live columns: one IN query per kind."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for entity, ids in wanted.items():
        for row in s.execute(repo.live_rows(entity, ids)).mappings():
            found[(entity, str(row["id"]))] = dict(row)
    return found


def _last_audited(s: Session, gone: dict[str, set[str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The last audited state of records no longer in their table: one query for the whole page."""
    if not gone:
        return {}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in s.execute(repo.last_entries(gone)):
        snap = _snapshot(row)
        if snap is not None:
            found[(row.entity, row.entity_id)] = snap
    return found


def _people(s: Session, statement: Callable[[set[int]], Any], ids: Iterable[Any]) -> dict[int, str]:
    wanted = {i for i in ids if isinstance(i, int)}
    if not wanted:
        return {}
    return {row.id: f"{row.first_name} {row.last_name}" for row in s.execute(statement(wanted))}


def record_names(s: Session, entries: Iterable[Any], tz: tzinfo, time_format: str) -> dict[int, str]:
    """Entry id -> the name of the record it is about, for one page of entries."""
    entries = list(entries)
    wanted: dict[str, set[int]] = {}
    for e in entries:
        known = KINDS.get(e.entity)
        rid = _int_id(e.entity_id)
        if known and known.live and e.entity in repo.NAMED_TABLES and rid is not None:
            wanted.setdefault(e.entity, set()).add(rid)
    fields = _live(s, wanted)
    gone: dict[str, set[str]] = {}
    for entity, ids in wanted.items():
        for rid in ids:
            if (entity, str(rid)) not in fields:
                gone.setdefault(entity, set()).add(str(rid))
    fields.update(_last_audited(s, gone))

    names = Names(tz=tz, time_format=time_format)
    names.students = _people(s, repo.student_names, [f.get("student_id") for f in fields.values()])
    names.instructors = _people(s, repo.instructor_names, [f.get("instructor_id") for f in fields.values()])

    out: dict[int, str] = {}
    for e in entries:
        known = KINDS.get(e.entity)
        f = fields.get((e.entity, e.entity_id)) or _snapshot(e)
        if known is None or (known.live and f is None):
            out[e.id] = f"{_one_of(e.entity)} #{e.entity_id}"
        else:
            out[e.id] = known.name(f or {}, names)
    return out
