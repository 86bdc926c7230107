from __future__ import annotations

from typing import Any

from ..conftest import LiveServer


def vehicle_payload(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "plate": "cbxa 123",
        "vin": "2hgfc2f59mh512345",
        "make": "Honda",
        "model": "Civic",
        "year": 2021,
        "transmission": "automatic",
        "dual_brake": True,
        "insurance_expiry": "2027-06-30",
        "inspection_expiry": "2027-01-31",
        "odometer_km": 40210,
    }
    base.update(overrides)
    return base


def test_create_normalises_plate_and_vin_and_logs_the_odometer(live: LiveServer) -> None:
    r = live.client.post("/api/v1/vehicles", json=vehicle_payload())
    assert r.status_code == 201, r.text
    v = r.json()
    assert (v["plate"], v["vin"], v["last_odometer_km"]) == ("CBXA 123", "2HGFC2F59MH512345", 40210)


def test_a_bad_vin_is_refused_naming_the_rule(live: LiveServer) -> None:
    r = live.client.post("/api/v1/vehicles", json=vehicle_payload(vin="IOQ12345678901234"))
    assert r.status_code == 422
    [field] = r.json()["details"]["fields"]
    assert field["field"] == "vin"
    assert "17 letters and digits" in field["message"]


def test_plates_are_unique(live: LiveServer) -> None:
    live.client.post("/api/v1/vehicles", json=vehicle_payload())
    r = live.client.post("/api/v1/vehicles", json=vehicle_payload(vin="1HGCM82633A004352"))
    assert r.status_code == 409
    assert r.json()["code"] == "vehicle.plate_taken"


def test_the_odometer_only_goes_forward(live: LiveServer) -> None:
    v = live.client.post("/api/v1/vehicles", json=vehicle_payload()).json()
    ok = live.client.post(f"/api/v1/vehicles/{v['id']}/odometer", json={"km": 40300})
    assert ok.status_code == 201
    back = live.client.post(f"/api/v1/vehicles/{v['id']}/odometer", json={"km": 40000})
    assert back.status_code == 422
    assert back.json()["code"] == "vehicle.odometer_backwards"
    assert back.json()["details"]["last_km"] == 40300
    log = live.client.get(f"/api/v1/vehicles/{v['id']}/odometer").json()["items"]
    assert [x["km"] for x in log] == [40300, 40210]


def test_vehicle_update_with_stale_version_conflicts(live: LiveServer) -> None:
    v = live.client.post("/api/v1/vehicles", json=vehicle_payload()).json()
    assert live.client.patch(f"/api/v1/vehicles/{v['id']}", json={"version": 1, "notes": "a"}).status_code == 200
    r = live.client.patch(f"/api/v1/vehicles/{v['id']}", json={"version": 1, "notes": "b"})
    assert r.json()["code"] == "vehicle.version_conflict"
