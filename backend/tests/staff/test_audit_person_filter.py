"""With sign-in on, the audit screen's person picker lists staff accounts by name, and `person=staff:<id>` keeps
that account's entries from any workstation; the CSV's Who column names them the same way."""

from __future__ import annotations

import csv
from pathlib import Path

from ..conftest import LiveServer, student_payload
from ..enrollments.builders import ok
from .conftest import add_staff, as_, enable, token_of


def test_the_person_filter_keeps_one_staff_account_at_any_workstation(live: LiveServer, tmp_path: Path) -> None:
    ok(
        live.client.post("/api/v1/students", json=student_payload(last_name="Early"), headers={"X-ODSM-Actor": "jdoe"}),
        201,
    )
    owner = enable(live.client)["token"]
    olive = add_staff(live.client, owner, "olive", "office")
    office = as_(token_of(live, "olive"))
    for desk, last in (("desk-1", "One"), ("desk-2", "Two")):
        body = student_payload(last_name=last, licence_number=None)
        ok(live.client.post("/api/v1/students", json=body, headers={"X-ODSM-Actor": desk, **office}), 201)

    options = ok(live.client.get("/api/v1/audit/filter-options", headers=as_(owner)))
    assert {"key": f"staff:{olive['id']}", "label": "Olive Person"} in options["people"]
    assert {"key": "os:jdoe", "label": "jdoe"} in options["people"]

    mine = ok(live.client.get("/api/v1/audit", params={"person": f"staff:{olive['id']}", "entity": "students"},
                              headers=as_(owner)))["items"]  # fmt: skip
    assert [(e["os_account"], e["staff_name"], e["entity_label"]) for e in mine] == [
        ("desk-2", "Olive Person", "Student Amara Two"),
        ("desk-1", "Olive Person", "Student Amara One"),
    ]
    # Another staff number that starts with the same digits is someone else.
    other = ok(live.client.get("/api/v1/audit", params={"person": f"staff:{olive['id']}0"}, headers=as_(owner)))
    assert other["items"] == []
    early = ok(live.client.get("/api/v1/audit", params={"person": "os:jdoe"}, headers=as_(owner)))["items"]
    assert [e["entity_label"] for e in early] == ["Student Amara Early"]

    target = tmp_path / "olive.csv"
    body = {"file": str(target), "person": f"staff:{olive['id']}", "entity": "students"}
    ok(live.client.post("/api/v1/audit/csv", json=body, headers=as_(owner)), 201)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[1] for r in rows[1:]] == ["Olive Person (at desk-2)", "Olive Person (at desk-1)"]
