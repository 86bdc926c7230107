"""Over the real API: the student's licence history, the class derived from it, and the booking rule that
needs a class on file."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, ok, refused, today

DAY = date(2031, 6, 10)


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _history(school: School, student_id: int) -> dict[str, Any]:
    return ok(school.c.get(f"/api/v1/licences/{student_id}"))


def _record(
    school: School, student: dict[str, Any], licence_class: str, issued_on: str, version: int | None = None
) -> httpx.Response:
    current = version or _history(school, student["id"])["version"]
    body = {"version": current, "licence_class": licence_class, "issued_on": issued_on}
    return school.c.post(f"/api/v1/licences/{student['id']}/steps", json=body)


def test_a_student_entered_with_a_g1_has_it_in_the_history_with_its_date(school: School) -> None:
    student = school.student(licence_class="G1", g1_issue_date="2025-04-01")
    history = _history(school, student["id"])
    assert history["current_class"] == "G1"
    assert [(s["licence_class"], s["issued_on"]) for s in history["steps"]] == [("G1", "2025-04-01")]


def test_the_form_class_becomes_the_steps_up_to_it(school: School) -> None:
    student = school.student(licence_class="G2", g1_issue_date="2024-01-10")
    steps = _history(school, student["id"])["steps"]
    assert [(s["licence_class"], s["issued_on"]) for s in steps] == [("G1", "2024-01-10"), ("G2", None)]


def test_recording_the_next_step_moves_the_current_class_and_the_student(school: School) -> None:
    student = school.student(licence_class="G1", g1_issue_date="2024-01-10")
    history = ok(_record(school, student, "G2", "2025-02-03"))
    assert history["current_class"] == "G2"
    assert ok(school.c.get(f"/api/v1/students/{student['id']}"))["licence_class"] == "G2"
    assert history["version"] > student["version"]


def test_a_step_recorded_from_a_stale_version_is_a_conflict(school: School) -> None:
    student = school.student(licence_class="G1", g1_issue_date="2024-01-10")
    ok(_record(school, student, "G2", "2025-02-03"))
    refused(_record(school, student, "G2", "2025-02-04", version=student["version"]), 409, "student.version_conflict")


def test_a_step_cannot_skip_the_one_before(school: School) -> None:
    student = school.student(licence_class="G1", g1_issue_date="2024-01-10")
    d = refused(_record(school, student, "G", "2025-02-03"), 409, "licence.step_out_of_order")
    assert d["field"] == "licence_class"
    ok(_record(school, student, "G2", "2025-02-03"))


def test_a_step_cannot_be_issued_before_the_one_it_follows(school: School) -> None:
    student = school.student(licence_class="G1", g1_issue_date="2024-01-10")
    d = refused(_record(school, student, "G2", "2024-01-09"), 422, "licence.date_out_of_order")
    assert (d["field"], d["previous_issued_on"]) == ("issued_on", "2024-01-10")
    ok(_record(school, student, "G2", "2024-01-10"))


def test_a_step_cannot_be_issued_in_the_future(school: School) -> None:
    student = school.student(licence_class="G1", g1_issue_date="2024-01-10")
    refused(_record(school, student, "G2", (today() + timedelta(days=1)).isoformat()), 422, "licence.issued_in_future")
    ok(_record(school, student, "G2", today().isoformat()))


def test_a_student_with_no_class_in_the_history_cannot_book_until_a_g1_is_recorded(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    student = school.student(licence_class=None)
    d = refused(school.book(student, i, v, at(DAY, 10), at(DAY, 11)), 409, "lesson.student_licence_missing")
    assert (d["field"], d["missing"]) == ("licence_class", ["licence_class"])
    ok(_record(school, student, "G1", "2025-04-01"))
    ok(school.book(student, i, v, at(DAY, 10), at(DAY, 11)), 201)


def test_a_student_with_lessons_booked_keeps_a_licence_class(school: School) -> None:
    booked = school.student(licence_class="G2")
    ok(school.book(booked, school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    r = school.c.patch(f"/api/v1/students/{booked['id']}", json={"version": booked["version"], "licence_class": None})
    assert refused(r, 409, "student.licence_class_required")["field"] == "licence_class"
    free = school.student(licence_class="G2")
    clear = {"version": free["version"], "licence_class": None}
    cleared = ok(school.c.patch(f"/api/v1/students/{free['id']}", json=clear))
    assert cleared["licence_class"] is None
    assert _history(school, free["id"])["steps"] == []
