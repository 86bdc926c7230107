"""Verify compares each live record with its last audited state, and names what changed behind the app's back."""

from __future__ import annotations

from odsm.features.demo.builder import load_demo

from .. import raw_database
from ..conftest import LiveServer, student_payload


def raw_sql(live: LiveServer, *statements: str) -> None:
    """The real database, changed by another program (as a database browser would)."""
    raw_database.raw_sql(live.settings, *statements)


def verify(live: LiveServer, **anchor: object) -> dict:
    r = live.client.get("/api/v1/audit/verify", params=anchor)
    assert r.status_code == 200, r.text
    return r.json()


def test_a_school_written_only_through_the_app_verifies_clean(live: LiveServer) -> None:
    # The demo writes every kind of record through the real services: creates, updates, deletes.
    load_demo(live.db, students=20)
    report = verify(live)
    assert report["drifted_records"] == []
    assert report["drifted_total"] == 0
    assert report["ok"] is True
    # Every record the demo wrote was compared (an instructor's hours and time off count with the instructor).
    assert report["checked"] > 80


def test_verify_names_a_record_changed_with_raw_sql(live: LiveServer) -> None:
    s = live.client.post("/api/v1/students", json=student_payload()).json()
    live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "phone": "416-555-0000"})
    raw_sql(live, f"UPDATE students SET last_name = 'Quietly', notes = 'changed' WHERE id = {s['id']}")
    report = verify(live)
    assert report["ok"] is False
    # The chain itself is intact: only the record was changed.
    assert report["first_broken_id"] is None
    assert report["drifted_total"] == 1
    assert report["drifted_records"] == [
        {"entity": "students", "entity_id": str(s["id"]), "change": "changed", "fields": ["last_name", "notes"]}
    ]


def test_a_timestamp_that_moved_alone_is_not_drift(live: LiveServer) -> None:
    # Refreshing an enrollment's derived hour totals moves updated_at and nothing the log keeps.
    s = live.client.post("/api/v1/students", json=student_payload()).json()
    raw_sql(live, f"UPDATE students SET updated_at = '2030-01-01 00:00:00.000000' WHERE id = {s['id']}")
    assert verify(live)["drifted_records"] == []


def test_verify_names_records_added_or_removed_with_raw_sql(live: LiveServer) -> None:
    kept = live.client.post("/api/v1/students", json=student_payload()).json()
    # No licence class: no licence step refers to the row the raw DELETE removes.
    gone = live.client.post(
        "/api/v1/students", json=student_payload(first_name="Gone", licence_number=None, licence_class=None)
    ).json()
    raw_sql(
        live,
        f"DELETE FROM students WHERE id = {gone['id']}",
        "INSERT INTO students (id, first_name, last_name, date_of_birth, search_first_last, search_last_first, "
        "search_first_last_joined, search_last_first_joined, created_at, updated_at, version) "
        "SELECT 999, 'Ghost', 'Row', date_of_birth, 'ghost row', 'row ghost', 'ghostrow', 'rowghost', "
        f"created_at, updated_at, 1 FROM students WHERE id = {kept['id']}",
    )
    drifted = {(d["entity_id"], d["change"]) for d in verify(live)["drifted_records"]}
    assert drifted == {(str(gone["id"]), "missing"), ("999", "unaudited")}


def test_verify_counts_every_drifted_record_but_lists_a_bounded_few(live: LiveServer) -> None:
    live.client.post("/api/v1/students", json=student_payload())
    raw_sql(
        live,
        "WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 1149) "
        "INSERT INTO students (id, first_name, last_name, date_of_birth, search_first_last, search_last_first, "
        "search_first_last_joined, search_last_first_joined, created_at, updated_at, version) "
        "SELECT i, 'Bulk', 'Row', date_of_birth, 'bulk row', 'row bulk', 'bulkrow', 'rowbulk', "
        "created_at, updated_at, 1 FROM n, students WHERE students.id = 1",
    )
    report = verify(live)
    assert report["drifted_total"] == 150
    assert len(report["drifted_records"]) == 100
