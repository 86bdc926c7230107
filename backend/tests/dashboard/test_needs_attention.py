from __future__ import annotations

from datetime import date, timedelta

import pytest

from odsm.features.dashboard.service import eighteenth_birthday_cutoff

from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, ok, today


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _attention(school: School) -> dict[str, object]:
    return ok(school.c.get("/api/v1/dashboard/attention"))


def test_a_lesson_that_ended_without_being_completed_needs_attention(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    left, done = school.student(), school.student()
    yesterday = days_ago(1)
    open_lesson = ok(school.book(left, i, v, at(yesterday, 10), at(yesterday, 11)), 201)
    finished = ok(school.book(done, i, v, at(yesterday, 12), at(yesterday, 13)), 201)
    ok(school.complete(finished))
    ahead = today() + timedelta(days=2)
    ok(school.book(done, i, v, at(ahead, 10), at(ahead, 11)), 201)
    out = _attention(school)
    assert out["unfinished_total"] == 1
    [row] = out["unfinished_lessons"]  # type: ignore[misc]
    assert (row["id"], row["student_name"], row["vehicle_plate"]) == (
        open_lesson["id"],
        left["first_name"] + " " + left["last_name"],
        v["plate"],
    )
    assert row["instructor_name"] == f"{i['first_name']} {i['last_name']}"
    # Completing it takes it off Home.
    ok(school.complete(ok(school.c.get(f"/api/v1/lessons/{open_lesson['id']}")), km=(40050, 40070)))
    assert _attention(school)["unfinished_total"] == 0


def test_students_without_consent_and_minors_without_guardian_are_listed(school: School) -> None:
    adult_dob = date(today().year - 30, 1, 1).isoformat()
    minor_dob = date(today().year - 16, 1, 1).isoformat()
    no_consent = school.student(consent_to_share=False, date_of_birth=adult_dob)
    school.student(consent_to_share=True, date_of_birth=adult_dob)
    minor_alone = school.student(date_of_birth=minor_dob, guardian_name=None)
    school.student(date_of_birth=minor_dob, guardian_name="Grace Okafor", guardian_phone="416-555-0199")
    out = _attention(school)
    assert [s["student_id"] for s in out["no_consent"]] == [no_consent["id"]]  # type: ignore[attr-defined]
    assert out["no_consent_total"] == 1
    assert [s["student_id"] for s in out["minors_without_guardian"]] == [minor_alone["id"]]  # type: ignore[attr-defined]
    assert out["minors_without_guardian_total"] == 1


def test_the_lists_are_short_and_the_totals_count_them_all(school: School) -> None:
    for _ in range(3):
        school.student(consent_to_share=False)
    out = ok(school.c.get("/api/v1/dashboard/attention", params={"limit": 2}))
    assert (len(out["no_consent"]), out["no_consent_total"]) == (2, 3)
    r = school.c.get("/api/v1/dashboard/attention", params={"limit": 0})
    assert (r.status_code, r.json()["code"]) == (422, "validation_failed")


def test_eighteen_is_counted_from_the_birthday() -> None:
    assert eighteenth_birthday_cutoff(date(2026, 12, 2)) == date(2008, 12, 2)
    assert eighteenth_birthday_cutoff(date(2028, 2, 29)) == date(2010, 2, 28)
