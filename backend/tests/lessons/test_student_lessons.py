"""A student's page reads their lessons in one call: the next one, those to come and those over, each with
the instructor's name and the car's plate."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, ok, refused, today


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def test_a_students_lessons_come_split_into_next_upcoming_and_past_with_names(school: School) -> None:
    student, other = school.student(), school.student()
    raj, car = school.instructor(first_name="Raj", last_name="Patel"), school.vehicle()
    past = ok(school.book(student, raj, car, at(days_ago(3), 10), at(days_ago(3), 11)), 201)
    later_day, soon_day = today() + timedelta(days=9), today() + timedelta(days=2)
    later = ok(school.book(student, raj, car, at(later_day, 10), at(later_day, 11)), 201)
    soon = ok(school.book(student, raj, car, at(soon_day, 14), at(soon_day, 15)), 201)
    ok(school.book(other, raj, car, at(soon_day, 10), at(soon_day, 11)), 201)

    out = ok(school.c.get("/api/v1/lessons/for-student", params={"student_id": student["id"]}))
    assert out["student_id"] == student["id"]
    assert out["next"]["id"] == soon["id"]
    assert out["next"]["instructor_name"] == "Raj Patel"
    assert out["next"]["vehicle_plate"] == car["plate"]
    assert [lesson["id"] for lesson in out["upcoming"]] == [soon["id"], later["id"]]
    assert [lesson["id"] for lesson in out["past"]] == [past["id"]]


def test_a_cancelled_lesson_is_listed_but_is_never_the_next_one(school: School) -> None:
    student, raj, car = school.student(), school.instructor(), school.vehicle()
    first_day, second_day = today() + timedelta(days=5), today() + timedelta(days=6)
    first = ok(school.book(student, raj, car, at(first_day, 10), at(first_day, 11)), 201)
    second = ok(school.book(student, raj, car, at(second_day, 10), at(second_day, 11)), 201)
    ok(school.c.post(f"/api/v1/lessons/{first['id']}/cancel", json={"version": 1}))

    out = ok(school.c.get("/api/v1/lessons/for-student", params={"student_id": student["id"]}))
    assert out["next"]["id"] == second["id"]
    listed = [(x["id"], x["status"]) for x in out["upcoming"]]
    assert listed == [(first["id"], "cancelled"), (second["id"], "scheduled")]


def test_a_student_with_no_lessons_has_no_next_lesson(school: School) -> None:
    student = school.student()
    out = ok(school.c.get("/api/v1/lessons/for-student", params={"student_id": student["id"]}))
    assert (out["next"], out["upcoming"], out["past"]) == (None, [], [])


def test_the_limits_keep_the_soonest_and_the_latest(school: School) -> None:
    student, raj, car = school.student(), school.instructor(), school.vehicle()
    days = [today() + timedelta(days=d) for d in (3, 4, 5)]
    booked = [ok(school.book(student, raj, car, at(day, 10), at(day, 11)), 201) for day in days]
    out = ok(school.c.get("/api/v1/lessons/for-student", params={"student_id": student["id"], "upcoming_limit": 2}))
    assert [x["id"] for x in out["upcoming"]] == [booked[0]["id"], booked[1]["id"]]


def test_an_unknown_student_is_not_found(school: School) -> None:
    refused(school.c.get("/api/v1/lessons/for-student", params={"student_id": 99999}), 404, "student.not_found")


def test_a_limit_out_of_bounds_is_refused_naming_the_field(school: School) -> None:
    details = refused(
        school.c.get("/api/v1/lessons/for-student", params={"student_id": 1, "past_limit": 501}),
        422,
        "validation_failed",
    )
    assert details["fields"][0]["field"] == "past_limit"
