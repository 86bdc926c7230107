"""A birth date the student cannot have is refused with a stable code that names the field; one they can have
is saved. The pure rule is tested on fixed dates; the API on dates a few days from the school's today."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from odsm.features.students.birth_date import MINIMUM_LICENCE_AGE, birth_date_refusal
from odsm.features.students.schemas import StudentCreate
from odsm.features.students.service import StudentService
from odsm.models import Student

from ..conftest import LiveServer, student_payload

TODAY = date(2026, 12, 2)


def _years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years)


def _count(live: LiveServer) -> int:
    return int(live.db.read(lambda s: s.scalar(select(func.count()).select_from(Student))) or 0)


def test_rule_allows_a_licence_holder_on_their_sixteenth_birthday() -> None:
    assert birth_date_refusal(_years_before(TODAY, 16), "G1", TODAY) is None


def test_rule_refuses_a_licence_holder_the_day_before_their_sixteenth_birthday() -> None:
    refusal = birth_date_refusal(_years_before(TODAY, 16) + timedelta(days=1), "G1", TODAY)
    assert refusal is not None
    assert refusal.code == "student.too_young_for_licence"
    assert refusal.details is not None
    assert refusal.details["age"] == 15
    assert refusal.details["minimum_age"] == MINIMUM_LICENCE_AGE
    assert refusal.details["fields"][0]["field"] == "date_of_birth"


def test_rule_allows_a_young_student_with_no_licence_yet() -> None:
    assert birth_date_refusal(_years_before(TODAY, 14), None, TODAY) is None


def test_rule_allows_today_and_refuses_tomorrow() -> None:
    assert birth_date_refusal(TODAY, None, TODAY) is None
    refusal = birth_date_refusal(TODAY + timedelta(days=1), None, TODAY)
    assert refusal is not None
    assert refusal.code == "student.birth_date_in_future"
    assert refusal.details is not None
    assert refusal.details["fields"] == [
        {"field": "date_of_birth", "rule": "birth_date_in_future", "message": refusal.message}
    ]


def test_create_refuses_a_birth_date_in_the_future_and_saves_nothing(live: LiveServer) -> None:
    future = (date.today() + timedelta(days=400)).isoformat()
    r = live.client.post("/api/v1/students", json=student_payload(date_of_birth=future, licence_class=None))
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "student.birth_date_in_future"
    assert body["details"]["fields"][0]["field"] == "date_of_birth"
    assert "future" in body["message"]
    assert _count(live) == 0


def test_create_refuses_a_licence_holder_under_sixteen_and_saves_nothing(live: LiveServer) -> None:
    fifteen = _years_before(date.today(), 15).isoformat()
    r = live.client.post("/api/v1/students", json=student_payload(date_of_birth=fifteen, licence_number=None))
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == "student.too_young_for_licence"
    assert body["details"]["age"] == 15
    assert body["details"]["fields"][0]["field"] == "date_of_birth"
    assert _count(live) == 0


def test_create_accepts_a_fifteen_year_old_with_no_licence_and_a_sixteen_year_old_with_one(live: LiveServer) -> None:
    fifteen = _years_before(date.today(), 15).isoformat()
    r = live.client.post(
        "/api/v1/students",
        json=student_payload(date_of_birth=fifteen, licence_number=None, licence_class=None, guardian_name="Ada"),
    )
    assert r.status_code == 201, r.text
    sixteen = (_years_before(date.today(), 16) - timedelta(days=2)).isoformat()
    r = live.client.post(
        "/api/v1/students", json=student_payload(first_name="Bo", date_of_birth=sixteen, licence_number=None)
    )
    assert r.status_code == 201, r.text
    assert _count(live) == 2


def test_update_refuses_a_licence_class_for_a_student_under_sixteen_and_keeps_the_record(live: LiveServer) -> None:
    fifteen = _years_before(date.today(), 15).isoformat()
    created = live.client.post(
        "/api/v1/students",
        json=student_payload(date_of_birth=fifteen, licence_number=None, licence_class=None, g1_issue_date=None),
    ).json()
    r = live.client.patch(f"/api/v1/students/{created['id']}", json={"version": 1, "licence_class": "G1"})
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "student.too_young_for_licence"
    after = live.client.get(f"/api/v1/students/{created['id']}").json()
    assert after["licence_class"] is None
    assert after["version"] == 1


def test_update_refuses_a_birth_date_moved_into_the_future(live: LiveServer) -> None:
    created = live.client.post("/api/v1/students", json=student_payload()).json()
    future = (date.today() + timedelta(days=30)).isoformat()
    r = live.client.patch(f"/api/v1/students/{created['id']}", json={"version": 1, "date_of_birth": future})
    assert r.status_code == 422
    assert r.json()["code"] == "student.birth_date_in_future"
    assert live.client.get(f"/api/v1/students/{created['id']}").json()["date_of_birth"] == "2008-03-15"


def test_an_import_lists_an_impossible_birth_date_by_row_and_saves_the_good_rows(live: LiveServer) -> None:
    future = date.today() + timedelta(days=60)
    rows = [
        (2, StudentCreate(**student_payload())),
        (3, StudentCreate(**student_payload(first_name="Zoe", licence_number=None, date_of_birth=future))),
    ]
    outcome = StudentService(live.db).import_many(rows, source="students.csv")
    assert outcome.imported == 1
    [problem] = outcome.problems
    assert (problem.row, problem.field, problem.rule) == (3, "date_of_birth", "student.birth_date_in_future")
    assert _count(live) == 1
