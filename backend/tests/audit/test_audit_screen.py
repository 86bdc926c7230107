"""The audit screen: each entry names its record and its person, the filters (days in the school's zone, person,
kind of record, words) narrow the log and refuse what they can't take, and the filtered log saves as a CSV."""

from __future__ import annotations

import csv
import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from odsm.features.audit.record_names import record_names
from odsm.models import AuditEntry, Course

from ..conftest import LiveServer, student_payload
from ..enrollments.builders import School, at, ok, refused, today

TORONTO = ZoneInfo("America/Toronto")


def _history(live: LiveServer, **params: Any) -> dict[str, Any]:
    return ok(live.client.get("/api/v1/audit", params={"limit": 200, **params}))


def _labels(live: LiveServer, **params: Any) -> list[str]:
    return [e["entity_label"] for e in _history(live, **params)["items"]]


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


_licences = itertools.count(1)


def _student(school: School, first: str, last: str) -> dict[str, Any]:
    body = student_payload(
        first_name=first, last_name=last, licence_number=f"P{next(_licences):014d}", licence_class="G2"
    )
    return ok(school.c.post("/api/v1/students", json=body), 201)


def _maya(school: School) -> dict[str, Any]:
    return _student(school, "Maya", "Chen")


# --- names ------------------------------------------------------------------------------------------------


def test_entries_name_students_instructors_vehicles_and_lessons(live: LiveServer, school: School) -> None:
    maya = _maya(school)
    priya = school.instructor(first_name="Priya", last_name="Shah")
    car = school.vehicle(make="Honda", model="Civic", plate="ABCD123")
    day = today() + timedelta(days=9)
    lesson = ok(school.book(maya, priya, car, at(day, 16), at(day, 17)), 201)

    by_entity = {(e["entity"], e["entity_id"]): e["entity_label"] for e in _history(live)["items"]}
    assert by_entity[("students", str(maya["id"]))] == "Student Maya Chen"
    assert by_entity[("instructors", str(priya["id"]))] == "Instructor Priya Shah"
    assert by_entity[("vehicles", str(car["id"]))] == "Vehicle Honda Civic ABCD123"
    start = datetime.fromisoformat(lesson["starts_at"]).astimezone(TORONTO)
    expected = f"Lesson with Maya Chen on {start:%a}, {start:%b} {start.day} at 4:00 p.m."
    assert by_entity[("lessons", str(lesson["id"]))] == expected


def test_a_renamed_record_reads_by_its_name_now(live: LiveServer, school: School) -> None:
    maya = _maya(school)
    url = f"/api/v1/students/{maya['id']}"
    ok(live.client.patch(url, json={"version": maya["version"], "last_name": "Chen-Wong"}))
    assert _labels(live, entity="students") == ["Student Maya Chen-Wong", "Student Maya Chen-Wong"]


def test_a_deleted_record_reads_by_its_last_audited_name(live: LiveServer, school: School) -> None:
    course = school.course(name="Weekend BDE")

    def remove(s: Session) -> None:
        s.delete(s.get(Course, course["id"]))

    live.db.write(remove)
    items = _history(live, entity="courses")["items"]
    assert (items[0]["action"], items[0]["entity_label"]) == ("delete", "Course Weekend BDE")
    assert {e["entity_label"] for e in items} == {"Course Weekend BDE"}


def test_a_record_nothing_names_any_more_reads_as_its_number(live: LiveServer) -> None:
    class Entry:
        id, entity, entity_id, before, after = 1, "classroom_sessions", "424242", None, None

    names = live.db.read(lambda s: record_names(s, [Entry()], TORONTO, "12h"))
    assert names == {1: "Classroom session #424242"}


def test_names_take_one_query_per_kind_not_one_per_entry(live: LiveServer, school: School) -> None:
    for n in range(6):
        school.vehicle(plate=f"MANY{n:03d}")
        _student(school, "Many", f"Student{n}")
    seen: list[str] = []

    def count(s: Session) -> dict[int, str]:
        from sqlalchemy import event

        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        engine = s.get_bind()
        listen = lambda *a: seen.append(a[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listen)
        try:
            return record_names(s, rows, TORONTO, "12h")
        finally:
            event.remove(engine, "before_cursor_execute", listen)

    names = live.db.read(count)
    assert len(names) >= 12
    # students, vehicles, and the people they name (students again, instructors none): a handful, not 12.
    assert len(seen) <= 4, seen


# --- the person who did it --------------------------------------------------------------------------------


def test_filter_by_person_keeps_that_os_account_only(live: LiveServer, school: School) -> None:
    live.client.headers["X-ODSM-Actor"] = "desk-two"
    _student(school, "Noor", "Desk")
    live.client.headers["X-ODSM-Actor"] = "desk-one"
    _student(school, "Ola", "Desk")
    options = ok(live.client.get("/api/v1/audit/filter-options"))
    assert {"key": "os:desk-two", "label": "desk-two"} in options["people"]
    assert {"entity": "students", "label": "Students"} in options["kinds"]
    items = _history(live, person="os:desk-two")["items"]
    assert [e["entity_label"] for e in items] == ["Student Noor Desk"]
    assert {e["actor"] for e in items} == {"desk-two"}


@pytest.mark.parametrize("person", ["someone", "staff:0", "staff:abc", "os:", "os:a;staff=1"])
def test_filter_by_person_refuses_what_is_not_a_person_key(live: LiveServer, person: str) -> None:
    body = refused(live.client.get("/api/v1/audit", params={"person": person}), 422, "validation_failed")
    assert body["fields"][0]["field"].endswith("person")


# --- kind of record ---------------------------------------------------------------------------------------


def test_filter_by_kind_of_record(live: LiveServer, school: School) -> None:
    school.student()
    school.vehicle(make="Mazda", model="3", plate="KIND001")
    assert _labels(live, entity="vehicles") == ["Vehicle Mazda 3 KIND001"]
    kinds = {k["entity"] for k in ok(live.client.get("/api/v1/audit/filter-options"))["kinds"]}
    assert {"students", "vehicles"} <= kinds


def test_filter_by_kind_refuses_an_empty_or_overlong_kind(live: LiveServer) -> None:
    for entity in ("", "x" * 61):
        refused(live.client.get("/api/v1/audit", params={"entity": entity}), 422, "validation_failed")


# --- days -------------------------------------------------------------------------------------------------


def test_filter_by_days_in_the_school_zone_includes_both_days(live: LiveServer, school: School) -> None:
    _student(school, "Dana", "Today")
    local_today = datetime.now(UTC).astimezone(TORONTO).date()
    assert "Student Dana Today" in _labels(live, **{"from": str(local_today), "to": str(local_today)})
    assert "Student Dana Today" in _labels(live, **{"to": str(local_today)})
    yesterday, tomorrow = local_today - timedelta(days=1), local_today + timedelta(days=1)
    assert _labels(live, **{"to": str(yesterday)}) == []
    assert _labels(live, **{"from": str(tomorrow)}) == []


def test_filter_by_days_refuses_a_last_day_before_the_first(live: LiveServer) -> None:
    r = live.client.get("/api/v1/audit", params={"from": "2031-05-02", "to": "2031-05-01"})
    body = refused(r, 422, "validation_failed")
    assert body["fields"][0]["field"] == "to"
    assert body["fields"][0]["rule"] == "not_before_from"


@pytest.mark.parametrize("bad", ["yesterday", "2031-13-01", "0001-01-01", "20310501"])
def test_filter_by_days_refuses_what_is_not_a_day(live: LiveServer, bad: str) -> None:
    body = refused(live.client.get("/api/v1/audit", params={"from": bad}), 422, "validation_failed")
    assert "from" in str(body)


def test_a_date_only_filter_reads_the_moment_index(live: LiveServer) -> None:
    """Not every entry's JSON: SQLite's plan for the date range names ix_audit_log_at."""
    if live.db.engine.dialect.name != "sqlite":
        pytest.skip("the plan is SQLite's")
    from odsm.features.audit import repository as repo
    from odsm.features.audit.schemas import AuditFilters

    stmt = repo.page(
        repo.history(AuditFilters(), datetime(2031, 1, 1, tzinfo=UTC), datetime(2031, 1, 2, tzinfo=UTC)), 0, 25
    )
    compiled = stmt.compile(live.db.engine, compile_kwargs={"literal_binds": True})
    with live.db.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "ix_audit_log_at" in plan, plan


# --- words ------------------------------------------------------------------------------------------------


def test_free_text_finds_the_record_name_the_reason_and_the_values(live: LiveServer, school: School) -> None:
    maya = _maya(school)
    _student(school, "Omar", "Other")
    url = f"/api/v1/students/{maya['id']}"
    ok(live.client.patch(url, json={"version": maya["version"], "phone": "905-555-7788"}))
    priya = school.instructor(first_name="Priya", last_name="Shah")
    # The record's name, in any case, across first and last names.
    assert _labels(live, q="maya chen") == ["Student Maya Chen", "Student Maya Chen"]
    assert _labels(live, q="PRIYA") == ["Instructor Priya Shah"]
    # A value the entry recorded.
    assert _labels(live, q="555-7788") == ["Student Maya Chen"]
    # Wildcards are plain characters.
    assert _labels(live, q="%") == []
    assert priya["id"]


def test_free_text_finds_the_reason(live: LiveServer, school: School) -> None:
    maya = _maya(school)
    priya = school.instructor(first_name="Priya", last_name="Shah")
    car = school.vehicle()
    past = today() - timedelta(days=2)
    # A lesson entered after the fact needs a reason, which the entry keeps.
    ok(school.book(maya, priya, car, at(past, 10), at(past, 11), reason="Paper diary, entered late"), 201)
    items = _history(live, q="paper diary")["items"]
    assert [e["entity"] for e in items] == ["lessons"]


def test_free_text_refuses_an_overlong_search(live: LiveServer) -> None:
    refused(live.client.get("/api/v1/audit", params={"q": "x" * 201}), 422, "validation_failed")


# --- the CSV ----------------------------------------------------------------------------------------------


def _csv(live: LiveServer, tmp_path: Path, **body: Any) -> tuple[dict[str, Any], list[list[str]]]:
    target = tmp_path / "audit.csv"
    made = ok(live.client.post("/api/v1/audit/csv", json={"file": str(target), **body}), 201)
    with open(target, encoding="utf-8-sig", newline="") as f:
        return made, list(csv.reader(f))


def test_the_csv_holds_the_filtered_entries_in_words(live: LiveServer, school: School, tmp_path: Path) -> None:
    live.client.headers["X-ODSM-Actor"] = "front-desk-1"
    maya = _maya(school)
    url = f"/api/v1/students/{maya['id']}"
    ok(live.client.patch(url, json={"version": maya["version"], "phone": "905-555-7788"}))
    _student(school, '=HYPERLINK("x")', "Mallory")
    made, rows = _csv(live, tmp_path, q="maya")
    assert rows[0] == ["When", "Who", "Action", "Record", "Changes", "Reason"]
    assert made["rows"] == 2 and len(rows) == 3
    updated, created = rows[1], rows[2]
    assert updated[1:4] == ["front-desk-1", "Updated", "Student Maya Chen"]
    assert updated[4] == "Phone: (416) 555-0142 → 905-555-7788"
    local_today = datetime.now(UTC).astimezone(TORONTO).date()
    assert updated[0].startswith(f"{local_today} ") and updated[0].endswith(("a.m.", "p.m."))
    assert created[2] == "Created" and "First name: Maya" in created[4]
    # A name a spreadsheet would run as a formula stays text.
    _made, everything = _csv(live, tmp_path, entity="students")
    mallory = next(r for r in everything if "Mallory" in r[3])
    assert mallory[3] == 'Student =HYPERLINK("x") Mallory'  # begins with "Student": nothing to run
    assert 'First name: =HYPERLINK("x")' in mallory[4]


def test_the_csv_neutralises_a_cell_that_starts_a_formula(live: LiveServer, school: School, tmp_path: Path) -> None:
    live.client.headers["X-ODSM-Actor"] = "@desk"
    _student(school, "Plain", "Name")
    _made, rows = _csv(live, tmp_path)
    assert rows[1][1] == "'@desk"


def test_the_csv_reads_a_long_log_in_pages(live: LiveServer, school: School, tmp_path: Path) -> None:
    from odsm.features.audit import service

    _student(school, "Page", "One")
    _student(school, "Page", "Two")
    _student(school, "Page", "Three")
    original = service.CSV_PAGE
    service.CSV_PAGE = 2
    try:
        made, rows = _csv(live, tmp_path, q="page")
    finally:
        service.CSV_PAGE = original
    assert made["rows"] == 3
    assert [r[3] for r in rows[1:]] == ["Student Page Three", "Student Page Two", "Student Page One"]


def test_the_csv_refuses_reversed_days_and_an_unwritable_place(live: LiveServer, tmp_path: Path) -> None:
    body = {"file": str(tmp_path / "a.csv"), "from": "2031-05-02", "to": "2031-05-01"}
    fields = refused(live.client.post("/api/v1/audit/csv", json=body), 422, "validation_failed")["fields"]
    assert fields[0]["field"] == "to"
    assert not (tmp_path / "a.csv").exists()
    nowhere = {"file": str(tmp_path / "no-such-folder" / "a.csv")}
    refused(live.client.post("/api/v1/audit/csv", json=nowhere), 422, "audit.csv_not_writable")
    refused(live.client.post("/api/v1/audit/csv", json={"file": "relative.csv"}), 422, "validation_failed")
