from __future__ import annotations

import time

from odsm.features.demo.builder import load_demo
from odsm.features.demo.errors import DemoRefused

from ..conftest import LiveServer, student_payload


def test_the_demo_school_is_realistic_and_obeys_every_rule(live: LiveServer) -> None:
    summary = load_demo(live.db, students=60)
    assert summary.instructors >= 5
    assert summary.vehicles >= 4
    assert summary.students == 60
    assert summary.lessons > 100
    assert summary.classroom_sessions > 0
    worklist = live.client.get("/api/v1/certification/worklist").json()
    assert worklist["ready_total"] + summary.certified > 0
    # Written through the services: every row left its audit entry, and the chain holds.
    report = live.client.get("/api/v1/audit/verify").json()
    assert report["ok"] is True
    assert report["checked"] > summary.lessons


def test_the_demo_never_mixes_into_a_school_with_students(live: LiveServer) -> None:
    live.client.post("/api/v1/students", json=student_payload())
    r = live.client.post("/api/v1/demo/load", json={"students": 20})
    assert r.status_code == 409
    assert r.json()["code"] == "demo.database_not_empty"
    try:
        load_demo(live.db, students=20)
    except DemoRefused:
        pass
    else:
        raise AssertionError("load_demo wrote into a database that already held students")
    assert live.client.get("/api/v1/students").json()["total"] == 1


def test_the_first_run_choice_loads_in_the_background_with_progress(live: LiveServer) -> None:
    idle = live.client.get("/api/v1/demo/status").json()
    assert idle["state"] == "idle"
    assert idle["database_empty"] is True
    started = live.client.post("/api/v1/demo/load", json={"students": 12})
    assert started.status_code == 202
    assert started.json()["state"] == "running"
    seen_stages = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status = live.client.get("/api/v1/demo/status").json()
        seen_stages.add(status["stage"])
        if status["state"] != "running":
            break
        time.sleep(0.1)
    assert status["state"] == "done", status
    assert status["summary"]["students"] == 12
    assert "students" in seen_stages or "lessons" in seen_stages
    assert live.client.get("/api/v1/students").json()["total"] == 12


def test_the_demo_never_mixes_into_a_school_that_has_only_instructors(live: LiveServer) -> None:
    r = live.client.post(
        "/api/v1/instructors",
        json={
            "first_name": "Real",
            "last_name": "Teacher",
            "di_licence_number": "DI-1",
            "di_licence_expiry": "2030-03-31",
        },
    )
    assert r.status_code == 201
    assert live.client.get("/api/v1/demo/status").json()["database_empty"] is False
    refused = live.client.post("/api/v1/demo/load", json={"students": 20})
    assert refused.json()["code"] == "demo.database_not_empty"


def test_the_demo_school_has_lessons_around_the_day_it_is_loaded(live: LiveServer) -> None:
    """A new user's first Home is a working day: lessons yesterday, today and tomorrow, whatever the day."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    load_demo(live.db, students=30)
    zone = ZoneInfo(live.client.get("/api/v1/settings").json()["time_zone"])
    today = datetime.now(zone).date()
    for offset in (-1, 0, 1):
        day = today + timedelta(days=offset)
        start = datetime.combine(day, datetime.min.time(), zone)
        window = {"start": start.isoformat(), "end": (start + timedelta(days=1)).isoformat()}
        assert live.client.get("/api/v1/lessons", params=window).json()["items"], f"no lessons on {day}"
    attention = live.client.get("/api/v1/dashboard/attention").json()
    assert attention["unfinished_total"] >= 1
    # The newest cohort is registered for its classes to come.
    ahead = {"start": start.isoformat(), "end": (start + timedelta(days=40)).isoformat()}
    classes = live.client.get("/api/v1/classroom", params=ahead).json()["items"]
    assert any(len(c["roster"]) > 0 for c in classes)
