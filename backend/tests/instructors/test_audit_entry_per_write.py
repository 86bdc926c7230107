"""Every instructor and vehicle write leaves exactly one audit entry, its before and after whole.

An instructor's weekly hours and time off are part of the instructor: dropping a row from either
(removing time off, replacing the hours) used to leave no entry at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from ..conftest import LiveServer
from ..enrollments.builders import School, ok
from .test_instructors_api import instructor_payload

OFF = {"starts_at": "2031-12-24T00:00:00-05:00", "ends_at": "2031-12-27T00:00:00-05:00", "reason": "Holiday"}
MONDAY_9_TO_5 = [{"weekday": 0, "start_minute": 540, "end_minute": 1020}]


def entries(live: LiveServer) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = ok(live.client.get("/api/v1/audit", params={"limit": 200}))["items"]
    return sorted(items, key=lambda e: e["id"])


def one_entry(live: LiveServer, write: Callable[[], httpx.Response]) -> dict[str, Any]:
    """Runs the write and answers its single new audit entry."""
    seen = {e["id"] for e in entries(live)}
    r = write()
    assert r.status_code < 300, r.text
    new = [e for e in entries(live) if e["id"] not in seen]
    assert len(new) == 1, [(e["entity"], e["action"]) for e in new]
    return new[0]


def test_each_instructor_write_is_one_entry_with_the_collections(live: LiveServer) -> None:
    c = live.client
    created = one_entry(live, lambda: c.post("/api/v1/instructors", json=instructor_payload()))
    assert (created["entity"], created["action"], created["before"]) == ("instructors", "create", None)
    assert [a["weekday"] for a in created["after"]["availability"]] == [0]
    i_id = int(created["entity_id"])
    url = f"/api/v1/instructors/{i_id}"

    def version() -> int:
        return int(ok(c.get(url))["version"])

    edited = one_entry(live, lambda: c.patch(url, json={"version": version(), "phone": "416-555-0101"}))
    assert (edited["before"]["phone"], edited["after"]["phone"]) == (None, "416-555-0101")

    hours = [{"weekday": 2, "start_minute": 480, "end_minute": 960}]
    replaced = one_entry(live, lambda: c.patch(url, json={"version": version(), "availability": hours}))
    assert [a["weekday"] for a in replaced["before"]["availability"]] == [0]
    assert [a["weekday"] for a in replaced["after"]["availability"]] == [2]

    added = one_entry(live, lambda: c.post(f"{url}/time-off", json=OFF))
    assert (added["entity"], added["before"]["time_off"]) == ("instructors", [])
    off_id = added["after"]["time_off"][0]["id"]

    removed = one_entry(live, lambda: c.delete(f"{url}/time-off/{off_id}"))
    assert (removed["entity"], removed["entity_id"]) == ("instructors", str(i_id))
    assert ([t["reason"] for t in removed["before"]["time_off"]], removed["after"]["time_off"]) == (["Holiday"], [])


def test_each_vehicle_write_is_one_entry(live: LiveServer) -> None:
    c, school = live.client, School(live)
    created = one_entry(live, lambda: c.post("/api/v1/vehicles", json=vehicle_body(school)))
    v_id = int(created["entity_id"])
    url = f"/api/v1/vehicles/{v_id}"
    version = int(ok(c.get(url))["version"])
    edited = one_entry(live, lambda: c.patch(url, json={"version": version, "make": "Toyota"}))
    assert (edited["before"]["make"], edited["after"]["make"]) == ("Honda", "Toyota")
    reading = one_entry(live, lambda: c.post(f"{url}/odometer", json={"km": 40100}))
    assert (reading["entity"], reading["action"]) == ("odometer_readings", "create")


def vehicle_body(school: School) -> dict[str, Any]:
    return {
        "plate": "AUDT 100",
        "vin": "2HGFC2F59MH512345",
        "make": "Honda",
        "model": "Civic",
        "year": 2021,
        "transmission": "automatic",
        "insurance_expiry": "2099-06-30",
        "inspection_expiry": "2099-01-31",
    }
