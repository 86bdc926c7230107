"""Over the real API: the student's licence on file, and the instructor's weekly hours with an override."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, ok, refused

DAY = date(2031, 6, 10)  # a Tuesday
TUESDAY = DAY.weekday()


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def test_a_student_without_a_licence_on_file_cannot_be_booked(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    d = refused(
        school.book(school.student(licence_number=None), i, v, at(DAY, 10), at(DAY, 11)),
        409,
        "lesson.student_licence_missing",
    )
    assert (d["rule"], d["field"]) == ("student_licence_on_file", "licence_number")
    ok(school.book(school.student(), i, v, at(DAY, 10), at(DAY, 11)), 201)


def test_a_licence_expired_before_the_lesson_is_refused(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    lapsed = school.student(licence_expiry=(DAY - timedelta(days=1)).isoformat())
    d = refused(school.book(lapsed, i, v, at(DAY, 10), at(DAY, 11)), 409, "lesson.student_licence_expired")
    assert (d["field"], d["date"]) == ("licence_expiry", DAY.isoformat())
    valid = school.student(licence_expiry=DAY.isoformat())
    ok(school.book(valid, i, v, at(DAY, 10), at(DAY, 11)), 201)


def test_a_student_with_no_licence_class_cannot_book_at_night(school: School) -> None:
    unknown = school.student(licence_class=None, licence_number=None)
    r = school.c.post("/api/v1/lessons/check", json=school.lesson_body(
        unknown, school.instructor(), school.vehicle(), at(DAY, 4, 30), at(DAY, 5, 30)))  # fmt: skip
    codes = [c["code"] for c in ok(r)["conflicts"]]
    assert codes == ["lesson.student_licence_missing", "lesson.g1_night_ban"]


def _nine_to_five(school: School) -> dict[str, Any]:
    return school.instructor(availability=[{"weekday": TUESDAY, "start_minute": 9 * 60, "end_minute": 17 * 60}])


def test_a_lesson_outside_the_instructors_hours_is_refused_naming_them(school: School) -> None:
    i = _nine_to_five(school)
    ok(school.book(school.student(), i, school.vehicle(), at(DAY, 9), at(DAY, 10)), 201)
    d = refused(
        school.book(school.student(), i, school.vehicle(), at(DAY, 17), at(DAY, 18)),
        409,
        "lesson.outside_availability",
    )
    assert (d["rule"], d["weekday"], d["hours"]) == ("instructor_availability", TUESDAY, ["9:00 a.m.\u20135:00 p.m."])


def test_an_override_reason_books_outside_the_hours_and_is_audited(school: School) -> None:
    i = _nine_to_five(school)
    why = "Road test tomorrow morning"
    lesson = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 18), at(DAY, 19), override_reason=why), 201)
    entries = ok(school.c.get("/api/v1/audit", params={"entity": "lessons", "limit": 200}))["items"]
    mine = [e for e in entries if e["entity_id"] == str(lesson["id"])]
    assert [(e["action"], e["reason"]) for e in mine] == [("create", why)]


def test_moving_a_lesson_outside_the_hours_needs_the_reason_too(school: School) -> None:
    i = _nine_to_five(school)
    lesson = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 9), at(DAY, 10)), 201)
    move = {"version": lesson["version"], "starts_at": at(DAY, 20), "ends_at": at(DAY, 21)}
    refused(school.c.patch(f"/api/v1/lessons/{lesson['id']}", json=move), 409, "lesson.outside_availability")
    ok(school.c.patch(f"/api/v1/lessons/{lesson['id']}", json={**move, "override_reason": "Evening exam prep"}))
