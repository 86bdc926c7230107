"""The 20/10/10 hours and the one-year deadline are the Ministry's: a school may make them stricter, never
looser (DOMAIN.md). Today anyone could lower them."""

from __future__ import annotations

from typing import Any

from ..conftest import LiveServer


def _patch(live: LiveServer, **changes: Any) -> Any:
    v = live.client.get("/api/v1/settings").json()["version"]
    return live.client.patch("/api/v1/settings", json={"version": v, **changes})


def test_settings_name_the_ministry_values(live: LiveServer) -> None:
    ministry = live.client.get("/api/v1/settings").json()["ministry"]
    assert ministry == {
        "bde_classroom_minutes": 1200,
        "bde_in_car_minutes": 600,
        "bde_flex_minutes": 600,
        "completion_deadline_months": 12,
    }


def test_a_school_may_raise_the_hours_and_shorten_the_deadline(live: LiveServer) -> None:
    r = _patch(live, bde_classroom_minutes=1500, bde_in_car_minutes=600, completion_deadline_months=10)
    assert r.status_code == 200, r.text
    assert (r.json()["bde_classroom_minutes"], r.json()["completion_deadline_months"]) == (1500, 10)


def test_lowering_the_hours_or_lengthening_the_deadline_is_refused_naming_each_field(live: LiveServer) -> None:
    r = _patch(live, bde_classroom_minutes=1140, bde_flex_minutes=0, completion_deadline_months=13, name="Maple")
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "settings.looser_than_ministry"
    found = {f["field"]: (f["rule"], f["value"], f["ministry_value"]) for f in body["details"]["fields"]}
    assert found == {
        "bde_classroom_minutes": ("at_least", 1140, 1200),
        "bde_flex_minutes": ("at_least", 0, 600),
        "completion_deadline_months": ("at_most", 13, 12),
    }
    assert all("Ministry" in f["message"] for f in body["details"]["fields"])
    after = live.client.get("/api/v1/settings").json()
    assert (after["bde_classroom_minutes"], after["name"]) == (1200, "")
