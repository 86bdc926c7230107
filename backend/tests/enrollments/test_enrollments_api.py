from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ..conftest import LiveServer
from ..enrollments.builders import School, days_ago, ok, refused, today


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def test_a_new_enrollment_shows_every_requirement_still_to_do(school: School) -> None:
    s = school.student()
    e = school.enrollment(s["id"], school.course()["id"])
    assert (e["status"], e["result"], e["first_class_date"], e["deadline"]) == ("active", "pending", None, None)
    assert e["enrolled_on"] == today().isoformat()
    assert {t["category"]: t["remaining_minutes"] for t in e["totals"]} == {
        "classroom": 1200,
        "in_car": 600,
        "flex": 600,
    }
    listed = ok(school.c.get("/api/v1/enrollments", params={"student_id": s["id"]}))
    assert [x["id"] for x in listed["items"]] == [e["id"]]


def test_home_link_hours_credit_flex_and_never_date_the_first_class(school: School) -> None:
    e = school.enrollment(school.student()["id"], school.course()["id"])
    body = {"minutes": 90, "occurred_on": days_ago(1).isoformat(), "reason": "module 3"}
    out = ok(school.c.post(f"/api/v1/enrollments/{e['id']}/hours", json=body), 201)
    flex = next(t for t in out["totals"] if t["category"] == "flex")
    assert (flex["credited_minutes"], flex["remaining_minutes"]) == (90, 510)
    assert out["first_class_date"] is None
    assert out["ledger"][0]["source"] == "homelink"


def test_hours_cannot_be_recorded_ahead(school: School) -> None:
    e = school.enrollment(school.student()["id"], school.course()["id"])
    body = {"minutes": 60, "occurred_on": (today() + timedelta(days=2)).isoformat()}
    refused(school.c.post(f"/api/v1/enrollments/{e['id']}/hours", json=body), 422, "validation_failed")


def test_the_result_follows_the_school_pass_mark(school: School) -> None:
    e = school.enrollment(school.student()["id"], school.course()["id"])
    out = ok(school.c.post(f"/api/v1/enrollments/{e['id']}/result", json={"version": 1, "final_mark_percent": 69}))
    assert (out["result"], out["final_mark_percent"]) == ("fail", 69)
    out = ok(
        school.c.post(
            f"/api/v1/enrollments/{e['id']}/result", json={"version": out["version"], "final_mark_percent": 70}
        )
    )
    assert out["result"] == "pass"
    refused(
        school.c.post(f"/api/v1/enrollments/{e['id']}/result", json={"version": 1, "final_mark_percent": 90}),
        409,
        "enrollment.version_conflict",
    )


def test_a_correction_needs_a_reason_and_may_be_negative(school: School) -> None:
    e = school.enrollment(school.student()["id"], school.course()["id"])
    url = f"/api/v1/enrollments/{e['id']}/corrections"
    r = school.c.post(url, json={"category": "flex", "minutes": -30})
    assert r.status_code == 422 and r.json()["details"]["fields"][0]["field"] == "reason"
    ok(
        school.c.post(
            f"/api/v1/enrollments/{e['id']}/hours", json={"minutes": 60, "occurred_on": days_ago(1).isoformat()}
        ),
        201,
    )
    out = ok(school.c.post(url, json={"category": "flex", "minutes": -30, "reason": "double-entered module"}), 201)
    assert next(t for t in out["totals"] if t["category"] == "flex")["credited_minutes"] == 30


def test_the_hours_ledger_refuses_updates_and_deletes(live: LiveServer) -> None:
    school = School(live)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    ok(
        school.c.post(
            f"/api/v1/enrollments/{e['id']}/hours", json={"minutes": 60, "occurred_on": days_ago(1).isoformat()}
        ),
        201,
    )
    for statement in ("UPDATE enrollment_hours SET minutes = 600", "DELETE FROM enrollment_hours"):
        with pytest.raises(DBAPIError, match="enrollment_hours is append-only"), live.db.engine.begin() as conn:
            conn.execute(text(statement))
    assert school.enrollment_now(e["id"])["ledger"][0]["minutes"] == 60


def test_enrolling_an_unknown_student_is_not_found(school: School) -> None:
    refused(
        school.c.post("/api/v1/enrollments", json={"student_id": 999, "course_id": school.course()["id"]}),
        404,
        "student.not_found",
    )
