from __future__ import annotations

from typing import Any

from ..conftest import LiveServer


def instructor_payload(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "first_name": "Priya",
        "last_name": "Sandhu",
        "di_licence_number": "DI-448812",
        "di_licence_expiry": "2028-03-31",
        "authorised_in_car": True,
        "authorised_classroom": True,
        "criminal_check_date": "2026-01-10",
        "driver_abstract_date": "2026-02-01",
        "availability": [{"weekday": 0, "start_minute": 540, "end_minute": 1020}],
    }
    base.update(overrides)
    return base


def test_create_get_and_list_instructors(live: LiveServer) -> None:
    r = live.client.post("/api/v1/instructors", json=instructor_payload())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["availability"] == [{"weekday": 0, "start_minute": 540, "end_minute": 1020}]
    assert live.client.get(f"/api/v1/instructors/{body['id']}").json()["di_licence_expiry"] == "2028-03-31"
    assert live.client.get("/api/v1/instructors").json()["total"] == 1


def test_availability_window_must_end_after_it_starts(live: LiveServer) -> None:
    r = live.client.post(
        "/api/v1/instructors",
        json=instructor_payload(availability=[{"weekday": 1, "start_minute": 600, "end_minute": 540}]),
    )
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"].startswith("availability.0")


def test_replacing_availability_bumps_the_version_and_stale_edits_conflict(live: LiveServer) -> None:
    i = live.client.post("/api/v1/instructors", json=instructor_payload()).json()
    r = live.client.patch(
        f"/api/v1/instructors/{i['id']}",
        json={"version": 1, "availability": [{"weekday": 2, "start_minute": 480, "end_minute": 960}]},
    )
    assert r.status_code == 200
    assert r.json()["version"] == 2
    assert [a["weekday"] for a in r.json()["availability"]] == [2]
    stale = live.client.patch(f"/api/v1/instructors/{i['id']}", json={"version": 1, "phone": "x"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "instructor.version_conflict"


def test_time_off_is_added_and_removed(live: LiveServer) -> None:
    i = live.client.post("/api/v1/instructors", json=instructor_payload()).json()
    r = live.client.post(
        f"/api/v1/instructors/{i['id']}/time-off",
        json={"starts_at": "2026-12-24T00:00:00-05:00", "ends_at": "2026-12-27T00:00:00-05:00", "reason": "Holiday"},
    )
    assert r.status_code == 201
    [off] = r.json()["time_off"]
    r = live.client.delete(f"/api/v1/instructors/{i['id']}/time-off/{off['id']}")
    assert r.status_code == 200
    assert r.json()["time_off"] == []
    missing = live.client.delete(f"/api/v1/instructors/{i['id']}/time-off/{off['id']}")
    assert missing.json()["code"] == "instructor.time_off_not_found"


def test_time_off_refuses_naive_times(live: LiveServer) -> None:
    i = live.client.post("/api/v1/instructors", json=instructor_payload()).json()
    r = live.client.post(
        f"/api/v1/instructors/{i['id']}/time-off",
        json={"starts_at": "2026-12-24T00:00:00", "ends_at": "2026-12-27T00:00:00"},
    )
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"] == "starts_at"
