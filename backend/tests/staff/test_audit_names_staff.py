"""Each audit entry names the workstation's OS account and, with sign-in on, the staff account signed in
there; the audit screen shows the staff account's name, and the chain still verifies."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from ..conftest import LiveServer, student_payload
from ..enrollments.builders import ok
from .conftest import add_staff, as_, enable, token_of


def _history(live: LiveServer, token: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = ok(live.client.get("/api/v1/audit", params={"entity": "students"},
                                                        headers=as_(token)))["items"]  # fmt: skip
    return items


def test_an_entry_names_the_staff_account_and_the_os_account(live: LiveServer) -> None:
    desk = {"X-ODSM-Actor": "jdoe"}
    ok(live.client.post("/api/v1/students", json=student_payload(last_name="Before"), headers=desk), 201)
    owner = enable(live.client)["token"]
    olive = add_staff(live.client, owner, "olive", "office")
    office = token_of(live, "olive")
    ok(live.client.post("/api/v1/students", json=student_payload(last_name="After", licence_number=None),
                        headers={**desk, **as_(office)}), 201)  # fmt: skip
    after, before = _history(live, owner)[:2]
    assert (after["os_account"], after["staff_account_id"], after["staff_name"]) == (
        "jdoe",
        olive["id"],
        "Olive Person",
    )
    assert (before["os_account"], before["staff_account_id"], before["staff_name"]) == ("jdoe", None, None)
    assert ok(live.client.get("/api/v1/audit/verify", headers=as_(owner)))["ok"] is True


def test_a_disabled_accounts_name_stays_on_its_entries(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    olive = add_staff(live.client, owner, "olive", "office")
    ok(live.client.post("/api/v1/students", json=student_payload(), headers=as_(token_of(live, "olive"))), 201)
    ok(live.client.patch(f"/api/v1/staff/{olive['id']}", json={"version": olive["version"], "active": False},
                         headers=as_(owner)))  # fmt: skip
    [entry] = _history(live, owner)
    assert entry["staff_name"] == "Olive Person"


def test_password_hashes_never_reach_the_audit_log(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "olive", "office")
    entries = ok(live.client.get("/api/v1/audit", params={"entity": "staff_accounts"}, headers=as_(owner)))["items"]
    assert entries and all("password_hash" not in (e["after"] or {}) for e in entries)
    assert all("argon2" not in str(e) for e in entries)


def test_export_everything_keeps_the_accounts_but_no_password_hash_or_session(live: LiveServer, tmp_path: Path) -> None:
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "olive", "office")
    target = tmp_path / "export.zip"
    ok(live.client.post("/api/v1/system/exports", json={"file": str(target)}, headers=as_(owner)), 201)
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        accounts = list(csv.DictReader(io.StringIO(zf.read("staff_accounts.csv").decode("utf-8"))))
        everything = b"".join(zf.read(name) for name in names)
    assert "staff_sessions.csv" not in names
    assert sorted(a["login"] for a in accounts) == ["dana", "olive"]
    assert "password_hash" not in accounts[0]
    assert b"argon2" not in everything


def test_the_inspector_packet_names_the_staff_member_and_the_os_account(live: LiveServer) -> None:
    desk = {"X-ODSM-Actor": "jdoe"}
    before = ok(live.client.post("/api/v1/students", json=student_payload(last_name="Before"), headers=desk), 201)
    owner = enable(live.client)["token"]
    olive = add_staff(live.client, owner, "olive", "office")
    office = {**desk, **as_(token_of(live, "olive"))}
    change = {"version": before["version"], "phone": "416-555-0199"}
    ok(live.client.patch(f"/api/v1/students/{before['id']}", json=change, headers=office))
    url = f"/api/v1/documents/inspector-packet/{before['id']}"
    entries = ok(live.client.get(url, headers=as_(owner)))["audit_entries"]
    whom = [(e["action"], e["os_account"], e["staff_account_id"], e["staff_name"]) for e in entries]
    assert whom == [("create", "jdoe", None, None), ("update", "jdoe", olive["id"], "Olive Person")]
