from __future__ import annotations

from sqlalchemy import text

from odsm.core.audit_entry import GENESIS

from ..conftest import LiveServer, student_payload
from ..raw_database import drop_guard_for, raw_sql, raw_sql_refusal


def entries(live: LiveServer, **params: object) -> list[dict]:
    r = live.client.get("/api/v1/audit", params=params)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_every_write_appends_an_entry_with_before_and_after(live: LiveServer) -> None:
    s = live.client.post("/api/v1/students", json=student_payload()).json()
    live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "phone": "416-555-0000"})
    live.client.post(f"/api/v1/students/{s['id']}/archive", json={"version": 2})
    history = entries(live, student_id=s["id"])
    assert [e["action"] for e in history] == ["archive", "update", "create"]
    assert {e["entity_id"] for e in history} == {str(s["id"])}
    update = history[1]
    assert update["before"]["phone"] == "(416) 555-0142"
    assert update["after"]["phone"] == "416-555-0000"
    assert update["entity"] == "students"
    assert update["entity_id"] == str(s["id"])
    assert "search_first_last" not in update["after"]


def test_reads_and_refused_writes_append_nothing(live: LiveServer) -> None:
    s = live.client.post("/api/v1/students", json=student_payload()).json()
    live.client.get(f"/api/v1/students/{s['id']}")
    live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 9, "notes": "stale"})
    assert len(entries(live)) == 1


def test_the_chain_verifies_and_links_each_entry_to_the_one_before(live: LiveServer) -> None:
    for i in range(3):
        live.client.post("/api/v1/students", json=student_payload(first_name=f"S{i}", licence_number=None))
    report = live.client.get("/api/v1/audit/verify").json()
    assert report == {**report, "ok": True, "checked": 3, "first_broken_id": None}
    rows = live.db.read(lambda s: s.execute(text("SELECT id, prev_hash, hash FROM audit_log ORDER BY id")).all())
    assert rows[0][1] == GENESIS
    assert rows[1][1] == rows[0][2]
    assert rows[2][1] == rows[1][2]
    assert report["head_hash"] == rows[2][2]


def test_the_log_refuses_update_and_delete(live: LiveServer) -> None:
    live.client.post("/api/v1/students", json=student_payload())
    assert "audit_log is append-only" in raw_sql_refusal(live.settings, "UPDATE audit_log SET actor = 'someone else'")
    assert "audit_log is append-only" in raw_sql_refusal(live.settings, "DELETE FROM audit_log")


def test_verify_reports_the_first_broken_link_after_tampering(live: LiveServer) -> None:
    for i in range(4):
        live.client.post("/api/v1/students", json=student_payload(first_name=f"S{i}", licence_number=None))
    # A determined tamperer drops the guard and quietly rewrites an entry.
    raw_sql(
        live.settings,
        drop_guard_for(live.settings, "audit_log", "UPDATE"),
        "UPDATE audit_log SET after = replace(after, 'S2', 'XX') WHERE id = 3",
    )
    report = live.client.get("/api/v1/audit/verify").json()
    assert report["ok"] is False
    assert report["first_broken_id"] == 3
    assert report["checked"] == 2


def test_the_entry_records_who_was_at_the_workstation(live: LiveServer) -> None:
    live.client.post("/api/v1/students", json=student_payload(), headers={"X-ODSM-Actor": "maria@reception-pc"})
    live.client.post(
        "/api/v1/students",
        json=student_payload(first_name="Second", licence_number=None),
        headers={"X-ODSM-Actor": "bad;actor<script>"},
    )
    actors = [e["actor"] for e in entries(live)]
    assert actors == ["front-desk", "maria@reception-pc"]
