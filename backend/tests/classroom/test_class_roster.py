from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, ok, refused

DAY = date(2031, 6, 10)


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _add(school: School, session_id: int, enrollment_id: int) -> httpx.Response:
    return school.c.post(f"/api/v1/classroom/{session_id}/roster", json={"enrollment_id": enrollment_id})


def _remove(school: School, session_id: int, enrollment_id: int) -> httpx.Response:
    return school.c.post(f"/api/v1/classroom/{session_id}/roster/remove", json={"enrollment_id": enrollment_id})


def _enrolled(school: School, course: dict[str, Any]) -> dict[str, Any]:
    return school.enrollment(school.student()["id"], course["id"])


def test_students_registered_ahead_of_time_are_on_the_roster_by_name(school: School) -> None:
    session = school.session(school.instructor()["id"], DAY, 9, 3)
    course = school.course()
    first, second = _enrolled(school, course), _enrolled(school, course)
    ok(_add(school, session["id"], first["id"]))
    out = ok(_add(school, session["id"], second["id"]))
    assert sorted(r["enrollment_id"] for r in out["roster"]) == sorted([first["id"], second["id"]])
    assert all(r["student_name"].startswith("Amara Okafor") for r in out["roster"])
    assert out["attendance"] == []
    listed = ok(school.c.get("/api/v1/classroom", params={"start": session["starts_at"], "end": session["ends_at"]}))
    assert len(listed["items"][0]["roster"]) == 2


def test_the_roster_holds_as_many_students_as_the_class_size(school: School) -> None:
    session = school.session(school.instructor()["id"], DAY, 9, 3, capacity=2)
    course = school.course()
    seated = [_enrolled(school, course) for _ in range(2)]
    for e in seated:
        ok(_add(school, session["id"], e["id"]))
    d = refused(_add(school, session["id"], _enrolled(school, course)["id"]), 409, "classroom.roster_full")
    assert (d["rule"], d["limit"], d["capacity"], d["roster_size"]) == ("roster_size", 2, 2, 2)
    assert d["student_name"].startswith("Amara Okafor")
    # A seat freed by taking someone off the roster takes the next student.
    ok(_remove(school, session["id"], seated[0]["id"]))
    ok(_add(school, session["id"], _enrolled(school, course)["id"]))


def test_a_school_class_size_lowered_since_caps_the_roster_too(school: School) -> None:
    session = school.session(school.instructor()["id"], DAY, 9, 3, capacity=3)
    school.settings(class_size_max=1)
    course = school.course()
    ok(_add(school, session["id"], _enrolled(school, course)["id"]))
    d = refused(_add(school, session["id"], _enrolled(school, course)["id"]), 409, "classroom.roster_full")
    assert (d["limit"], d["capacity"], d["class_size_max"]) == (1, 3, 1)


def test_a_student_is_registered_once(school: School) -> None:
    session = school.session(school.instructor()["id"], DAY, 9, 3)
    e = _enrolled(school, school.course())
    ok(_add(school, session["id"], e["id"]))
    d = refused(_add(school, session["id"], e["id"]), 409, "classroom.already_on_roster")
    assert (d["rule"], d["enrollment_id"]) == ("roster_once", e["id"])


def test_removing_a_student_not_on_the_roster_is_refused(school: School) -> None:
    session = school.session(school.instructor()["id"], DAY, 9, 3)
    e = _enrolled(school, school.course())
    d = refused(_remove(school, session["id"], e["id"]), 409, "classroom.not_on_roster")
    assert d["enrollment_id"] == e["id"]
    ok(_add(school, session["id"], e["id"]))
    assert ok(_remove(school, session["id"], e["id"]))["roster"] == []


def test_roster_changes_are_audited_on_the_class(school: School) -> None:
    session = school.session(school.instructor()["id"], DAY, 9, 3)
    e = _enrolled(school, school.course())
    ok(_add(school, session["id"], e["id"]))
    ok(_remove(school, session["id"], e["id"]))
    audit = ok(school.c.get("/api/v1/audit", params={"entity": "classroom_sessions", "limit": 200}))["items"]
    actions = [x["action"] for x in audit if x["entity_id"] == str(session["id"])]
    assert sorted(actions) == ["create", "roster_add", "roster_remove"]
    assert ok(school.c.get("/api/v1/audit/verify"))["ok"] is True


def test_a_missing_class_or_enrollment_is_named(school: School) -> None:
    session = school.session(school.instructor()["id"], DAY, 9, 3)
    refused(_add(school, 999_999, _enrolled(school, school.course())["id"]), 404, "classroom.not_found")
    r = _add(school, session["id"], 999_999)
    assert r.status_code == 404, r.text
    r = school.c.post(f"/api/v1/classroom/{session['id']}/roster", json={"enrollment_id": "x"})
    assert (r.status_code, r.json()["code"]) == (422, "validation_failed")
