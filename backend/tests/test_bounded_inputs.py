"""The three inputs that once crashed the backend with a 500 are refused as validation_failed, naming the field."""

from __future__ import annotations

from typing import Any

from .conftest import LiveServer
from .instructors.test_instructors_api import instructor_payload


def _refused_field(r: Any) -> str:
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "validation_failed"
    return str(r.json()["details"]["fields"][0]["field"])


def test_an_update_refuses_null_for_a_field_that_cannot_be_empty(live: LiveServer) -> None:
    i = live.client.post("/api/v1/instructors", json=instructor_payload()).json()
    refused = live.client.patch(f"/api/v1/instructors/{i['id']}", json={"version": i["version"], "last_name": None})
    assert _refused_field(refused) == "last_name"
    allowed = live.client.patch(f"/api/v1/instructors/{i['id']}", json={"version": i["version"], "phone": None})
    assert allowed.status_code == 200, allowed.text


def test_an_id_beyond_64_bits_is_refused_and_a_real_one_is_found(live: LiveServer) -> None:
    assert _refused_field(live.client.get(f"/api/v1/instructors/{2**64}")) == "instructor_id"
    assert _refused_field(live.client.get("/api/v1/students", params={"offset": 2**64})) == "offset"
    assert live.client.get("/api/v1/instructors/1").json()["code"] == "instructor.not_found"


def test_a_date_in_year_one_is_refused_and_a_school_date_is_served(live: LiveServer) -> None:
    i = live.client.post("/api/v1/instructors", json=instructor_payload()).json()
    refused = live.client.get("/api/v1/lessons/day-sheet", params={"instructor_id": i["id"], "date": "0001-01-01"})
    assert _refused_field(refused) == "date"
    allowed = live.client.get("/api/v1/lessons/day-sheet", params={"instructor_id": i["id"], "date": "2026-03-02"})
    assert allowed.status_code == 200, allowed.text


def test_a_number_is_not_read_as_a_date_nor_false_as_zero(live: LiveServer) -> None:
    assert _refused_field(live.client.post("/api/v1/instructors", json=instructor_payload(di_licence_expiry=0))) == (
        "di_licence_expiry"
    )
    i = live.client.post("/api/v1/instructors", json=instructor_payload()).json()
    refused = live.client.patch(f"/api/v1/instructors/{i['id']}", json={"version": False})
    assert _refused_field(refused) == "version"
