"""A class answers to the lessons' scheduling rules (the instructor's lessons, other classes, time off),
and to the back-dating rules: a past class, or attendance entered after the grace period, needs a reason."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, School, at, days_ago, ok, refused, today

AHEAD = today() + timedelta(days=10)


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _create(school: School, instructor_id: int, day: date, start: int, hours: int, **kw: Any) -> Any:
    """The answer to creating a class (the builder's `session` asserts success; these tests want refusals)."""
    body = school.session_body(instructor_id, day, start, hours, **{"reason": None, **kw})
    return school.c.post("/api/v1/classroom", json=body)


def _day(day: date) -> str:
    """ "Sat, Dec 12": the date as a refusal writes it."""
    return f"{day:%a}, {day:%b} {day.day}"


def test_a_class_over_the_instructors_in_car_lesson_is_refused(school: School) -> None:
    teacher, learner = school.instructor(), school.student()
    ok(school.book(learner, teacher, school.vehicle(), at(AHEAD, 10), at(AHEAD, 11)), 201)
    d = refused(_create(school, teacher["id"], AHEAD, 9, 2), 409, "classroom.instructor_teaching_lesson")
    name = f"{learner['first_name']} {learner['last_name']}"
    assert (d["student_name"], d["local_time"]) == (name, f"10:00\u201311:00 a.m. on {_day(AHEAD)}")
    ok(_create(school, teacher["id"], AHEAD, 11, 2), 201)


def test_a_class_over_the_instructors_other_class_is_refused(school: School) -> None:
    teacher = school.instructor()
    first = school.session(teacher["id"], AHEAD, 9, 3)
    d = refused(_create(school, teacher["id"], AHEAD, 11, 2), 409, "classroom.instructor_double_booked")
    assert (d["conflicting_session_id"], d["topic"], d["local_time"]) == (
        first["id"],
        "Rules of the road",
        f"9:00 a.m.\u201312:00 p.m. on {_day(AHEAD)}",
    )
    ok(_create(school, teacher["id"], AHEAD, 12, 2), 201)
    ok(_create(school, school.instructor()["id"], AHEAD, 11, 2), 201)


def test_a_class_in_the_instructors_time_off_is_refused(school: School) -> None:
    teacher = school.instructor()
    off = {"starts_at": at(AHEAD, 13), "ends_at": at(AHEAD, 18), "reason": "Dentist"}
    ok(school.c.post(f"/api/v1/instructors/{teacher['id']}/time-off", json=off), 201)
    d = refused(_create(school, teacher["id"], AHEAD, 12, 2), 409, "classroom.instructor_time_off")
    assert (d["reason"], d["local_time"]) == ("Dentist", f"1:00\u20136:00 p.m. on {_day(AHEAD)}")
    ok(_create(school, teacher["id"], AHEAD, 10, 3), 201)


def test_a_class_in_the_past_needs_a_reason_kept_in_the_audit(school: School) -> None:
    teacher, day = school.instructor(), days_ago(3)
    d = refused(_create(school, teacher["id"], day, 9, 2), 422, "classroom.backdated_without_reason")
    assert (d["field"], d["local_time"]) == ("reason", f"9:00 a.m. on {_day(day)}, {day.year}")
    made = ok(_create(school, teacher["id"], day, 9, 2, reason=PAPER), 201)
    audit = ok(school.c.get("/api/v1/audit", params={"entity": "classroom_sessions", "limit": 200}))["items"]
    assert [(e["action"], e["reason"]) for e in audit if e["entity_id"] == str(made["id"])] == [("create", PAPER)]


def test_attendance_for_a_class_not_yet_begun_is_refused(school: School) -> None:
    ahead = school.session(school.instructor()["id"], AHEAD, 9, 2)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    d = refused(school.attend(ahead["id"], e["id"], 60), 422, "classroom.not_yet_happened")
    assert (d["field"], d["local_time"]) == ("session", f"9:00 a.m. on {_day(AHEAD)}, {AHEAD.year}")
    begun = school.session(school.instructor()["id"], days_ago(1), 9, 2)
    ok(school.attend(begun["id"], e["id"], 60, reason=None))


def test_attendance_after_the_grace_period_needs_a_reason_kept_in_the_audit(school: School) -> None:
    session = school.session(school.instructor()["id"], days_ago(5), 9, 2)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    d = refused(school.attend(session["id"], e["id"], 60, reason=None), 422, "classroom.backdated_without_reason")
    assert (d["event"], d["grace_hours"]) == ("ends_at", 48)
    ok(school.attend(session["id"], e["id"], 60, reason="Register found in the classroom"))
    # One entry for taking the attendance: the session's, the attendance row it created inside it.
    audit = ok(school.c.get("/api/v1/audit", params={"student_id": e["student_id"], "entity": "classroom_sessions"}))
    [taken] = [x for x in audit["items"] if x["action"] == "record_attendance"]
    assert (taken["entity_id"], taken["reason"]) == (str(session["id"]), "Register found in the classroom")
    parts = [(p["entity"], p["action"]) for p in taken["after"]["also_changed"]]
    assert ("classroom_attendance", "create") in parts


def test_a_class_over_the_instructors_road_test_is_refused(school: School) -> None:
    teacher, tester = school.instructor(), school.student(licence_class="G1", g1_issue_date="2025-06-01")
    centre = ok(school.c.get("/api/v1/drivetest-centres"))["items"][0]["id"]
    body = {"student_id": tester["id"], "centre_id": centre, "licence_class": "G2", "starts_at": at(AHEAD, 14),
            "instructor_id": teacher["id"], "vehicle_id": school.vehicle()["id"]}  # fmt: skip
    test = ok(school.c.post("/api/v1/road-tests", json=body), 201)
    # The instructor is held from the hour before the test to its end (travel and the test itself).
    assert (test["blocked_from"], test["blocked_until"]) == (at(AHEAD, 13), at(AHEAD, 15))
    answer = _create(school, teacher["id"], AHEAD, 12, 2)
    d = refused(answer, 409, "classroom.instructor_at_road_test")
    name = f"{tester['first_name']} {tester['last_name']}"
    assert (d["rule"], d["instructor_id"], d["conflicting_road_test_id"], d["conflicting_student_name"]) == (
        "instructor_double_booking",
        teacher["id"],
        test["id"],
        name,
    )
    assert datetime.fromisoformat(d["starts_at"]) == datetime.fromisoformat(at(AHEAD, 13))
    assert datetime.fromisoformat(d["ends_at"]) == datetime.fromisoformat(at(AHEAD, 15))
    assert d["local_time"] == f"1:00\u20133:00 p.m. on {_day(AHEAD)}"
    assert name in answer.json()["message"]
    # Free before and after the hold, and another instructor is free all along.
    ok(_create(school, teacher["id"], AHEAD, 10, 3), 201)
    ok(_create(school, teacher["id"], AHEAD, 15, 1), 201)
    ok(_create(school, school.instructor()["id"], AHEAD, 13, 2), 201)
    # A cancelled road test holds no one.
    ok(school.c.post(f"/api/v1/road-tests/{test['id']}/cancel", json={"version": test["version"]}))
    ok(_create(school, teacher["id"], AHEAD, 13, 2), 201)
