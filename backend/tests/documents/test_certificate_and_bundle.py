"""The BDE completion certificate (refused for a student not certified) and the inspection bundle's
students for a period, over the real API on SQLite and PostgreSQL (see conftest's engines)."""

from __future__ import annotations

from typing import Any

import pytest

from ..certification.finishing import certifier, finish
from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, ok, refused, small_school


@pytest.fixture
def school(live: LiveServer) -> School:
    return small_school(live)


def certify(school: School, enrollment: dict[str, Any], by: dict[str, Any] | None = None) -> dict[str, Any]:
    who = by or certifier(school, first_name="Priya", last_name="Sharma")
    body = {"version": enrollment["version"], "certifier": who, "mto_reference": "MTO-4410"}
    return ok(school.c.post(f"/api/v1/certification/{enrollment['id']}/certify", json=body))


def test_certificate_names_the_school_student_course_date_hours_and_who_certified(school: School) -> None:
    school.settings(name="Maple Leaf Driving School", mto_school_number="DS-1187", address="12 King St W, Toronto")
    teacher = school.instructor(first_name="Priya", last_name="Sharma", di_licence_number="DI-40021")
    by = {"kind": "instructor", "id": teacher["id"]}
    e = certify(school, finish(school, days_ago(5), lesson_instructor=teacher, mark=86), by)
    student = ok(school.c.get(f"/api/v1/students/{e['student_id']}"))

    cert = ok(school.c.get(f"/api/v1/documents/certificate/{student['id']}"))

    assert (cert["school"]["name"], cert["school"]["mto_school_number"]) == ("Maple Leaf Driving School", "DS-1187")
    assert cert["school"]["address"] == "12 King St W, Toronto"
    assert cert["student_name"] == f"{student['first_name']} {student['last_name']}"
    assert cert["licence_number"] == student["licence_number_display"]
    assert (cert["enrollment_id"], cert["course_name"], cert["completed_on"]) == (
        e["id"],
        e["course_name"],
        e["certified_on"],
    )
    assert cert["certificate_number"] == f"BDE-{e['certified_on'][:4]}-{e['id']:06d}"
    assert (cert["mto_reference"], cert["final_mark_percent"], cert["certified_by"]) == ("MTO-4410", 86, "Priya Sharma")
    assert {h["category"]: (h["required_minutes"], h["credited_minutes"]) for h in cert["hours"]} == {
        "classroom": (60, 60),
        "in_car": (60, 60),
        "flex": (60, 60),
    }
    assert cert["instructors"] == [{"name": "Priya Sharma", "di_licence_number": "DI-40021"}]


def test_certificate_is_refused_for_a_student_whose_course_is_not_certified(school: School) -> None:
    e = finish(school, days_ago(5))  # the work is done, but nobody has certified it with MTO yet
    answer = school.c.get(f"/api/v1/documents/certificate/{e['student_id']}")
    assert refused(answer, 409, "document.not_certified") == {
        "field": "student_id",
        "rule": "certified_bde_course_required",
        "student_id": e["student_id"],
    }
    assert "Certification screen" in answer.json()["message"]
    refused(school.c.get("/api/v1/documents/certificate/987654"), 404, "student.not_found")


def bundle(school: School, first: int, last: int) -> list[int]:
    params = {"first_day": days_ago(first).isoformat(), "last_day": days_ago(last).isoformat()}
    return [x["student_id"] for x in ok(school.c.get("/api/v1/documents/bundle-students", params=params))["items"]]


def test_bundle_holds_students_with_a_lesson_class_or_hours_in_the_period_and_their_hours(school: School) -> None:
    inside = finish(school, days_ago(10))
    outside = finish(school, days_ago(40))
    idle = school.student()  # no record at all: never in a bundle
    # A lesson booked in the period, for a student with no course: in the bundle, with no hours.
    lesson_only = school.student()
    ok(school.book(lesson_only, school.instructor(), school.vehicle(), at(days_ago(12), 9), at(days_ago(12), 10)), 201)

    ids = bundle(school, 14, 7)
    assert inside["student_id"] in ids and lesson_only["id"] in ids
    assert outside["student_id"] not in ids and idle["id"] not in ids
    assert bundle(school, 41, 39) == [outside["student_id"]]

    params = {"first_day": days_ago(14).isoformat(), "last_day": days_ago(7).isoformat()}
    items = {x["student_id"]: x for x in ok(school.c.get("/api/v1/documents/bundle-students", params=params))["items"]}
    row = items[inside["student_id"]]
    assert (row["classroom_minutes"], row["in_car_minutes"], row["flex_minutes"]) == (60, 60, 60)
    assert items[lesson_only["id"]]["in_car_minutes"] == 0


def test_bundle_refuses_a_period_that_ends_before_it_starts_or_is_too_long(school: School) -> None:
    backwards = {"first_day": days_ago(1).isoformat(), "last_day": days_ago(3).isoformat()}
    body = refused(school.c.get("/api/v1/documents/bundle-students", params=backwards), 422, "validation_failed")
    assert body["fields"][0]["rule"] == "not_before_first_day"
    too_long = {"first_day": days_ago(500).isoformat(), "last_day": days_ago(1).isoformat()}
    body = refused(school.c.get("/api/v1/documents/bundle-students", params=too_long), 422, "validation_failed")
    assert body["fields"][0]["rule"] == "at_most_400_days"
