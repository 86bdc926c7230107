from __future__ import annotations

from ..conftest import LiveServer


def test_settings_start_with_the_documented_defaults(live: LiveServer) -> None:
    body = live.client.get("/api/v1/settings").json()
    assert body["time_zone"] == "America/Toronto"
    assert (body["bde_classroom_minutes"], body["bde_in_car_minutes"], body["bde_flex_minutes"]) == (1200, 600, 600)
    assert body["max_classroom_minutes_per_day"] == 300
    assert body["max_in_car_minutes_per_day"] == 120
    assert body["max_in_car_minutes_on_full_classroom_day"] == 60
    assert body["completion_deadline_months"] == 12
    assert (body["g1_night_start_minute"], body["g1_night_end_minute"]) == (0, 300)
    assert body["retention_years"] == 7


def test_settings_update_and_a_stale_copy_conflicts(live: LiveServer) -> None:
    v = live.client.get("/api/v1/settings").json()["version"]
    r = live.client.patch("/api/v1/settings", json={"version": v, "name": "Maple Driving School"})
    assert r.status_code == 200
    assert r.json()["name"] == "Maple Driving School"
    stale = live.client.patch("/api/v1/settings", json={"version": v, "name": "Overwrite"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "settings.version_conflict"
    assert live.client.get("/api/v1/settings").json()["name"] == "Maple Driving School"


def test_settings_refuse_an_unknown_time_zone_naming_the_field(live: LiveServer) -> None:
    v = live.client.get("/api/v1/settings").json()["version"]
    r = live.client.patch("/api/v1/settings", json={"version": v, "time_zone": "Mars/Olympus"})
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"] == "time_zone"


def test_settings_refuse_negative_limits(live: LiveServer) -> None:
    v = live.client.get("/api/v1/settings").json()["version"]
    r = live.client.patch("/api/v1/settings", json={"version": v, "max_in_car_minutes_per_day": -5})
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"] == "max_in_car_minutes_per_day"
