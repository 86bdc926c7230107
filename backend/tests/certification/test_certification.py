from __future__ import annotations

from datetime import timedelta

import pytest

from odsm.features.enrollments.deadline import add_months

from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, ok, refused, small_school, today
from .finishing import certifier, finish, worklist


@pytest.fixture
def school(live: LiveServer) -> School:
    return small_school(live)


def test_worklist_separates_ready_blocked_and_at_risk(school: School) -> None:
    ready = finish(school, days_ago(5))
    lapsed = school.instructor(di_licence_expiry=days_ago(2).isoformat())
    blocked = finish(school, days_ago(5), lesson_instructor=lapsed)
    pending = finish(school, days_ago(5), mark=None)
    failed = finish(school, days_ago(5), mark=50)
    risky = school.enrollment(school.student()["id"], school.course()["id"])
    old = school.session(school.instructor()["id"], days_ago(330), 9, 1)
    ok(school.attend(old["id"], risky["id"], 60))

    w = worklist(school)
    assert [r["enrollment_id"] for r in w["ready"]] == [ready["id"]]
    assert [r["enrollment_id"] for r in w["blocked"]] == [blocked["id"]]
    [reason] = w["blocked"][0]["reasons"]
    assert (reason["requirement"], reason["details"]["instructor_id"]) == ("instructor_licence", lapsed["id"])
    assert [r["enrollment_id"] for r in w["at_risk"]] == [risky["id"]]
    row = w["at_risk"][0]
    assert row["days_left"] == (add_months(days_ago(330), 12) - today()).days
    assert {t["category"]: t["remaining_minutes"] for t in row["totals"]} == {"classroom": 0, "in_car": 60, "flex": 60}
    listed = {r["enrollment_id"] for r in w["ready"] + w["blocked"] + w["at_risk"]}
    assert pending["id"] not in listed and failed["id"] not in listed
    assert (w["ready_total"], w["blocked_total"], w["at_risk_total"]) == (1, 1, 1)


def test_hours_after_the_deadline_do_not_count(school: School) -> None:
    e = finish(school, days_ago(5))
    assert school.enrollment_now(e["id"])["deadline"] == add_months(days_ago(5), 12).isoformat()
    late = school.enrollment(school.student()["id"], school.course()["id"])
    first = school.session(school.instructor()["id"], days_ago(70), 9, 1)
    ok(school.attend(first["id"], late["id"], 30))
    second = school.session(school.instructor()["id"], days_ago(5), 9, 1)
    ok(school.attend(second["id"], late["id"], 30))
    ok(
        school.c.post(
            f"/api/v1/enrollments/{late['id']}/hours", json={"minutes": 60, "occurred_on": days_ago(65).isoformat()}
        ),
        201,
    )
    student_id = late["student_id"]
    lesson_day = days_ago(65)
    student = {"id": student_id}
    lesson = ok(
        school.book(
            student,
            school.instructor(),
            school.vehicle(),
            at(lesson_day, 11),
            at(lesson_day, 12),
            enrollment_id=late["id"],
        ),
        201,
    )
    ok(school.complete(lesson))
    version = school.enrollment_now(late["id"])["version"]
    ok(school.c.post(f"/api/v1/enrollments/{late['id']}/result", json={"version": version, "final_mark_percent": 90}))
    # A shorter deadline applies to open enrollments: one month from the first class, 70 days ago, has
    # passed, so the classroom half-hour of 5 days ago no longer counts. (It used to apply only to
    # enrollments whose first class came after the change.)
    school.settings(completion_deadline_months=1)
    assert school.enrollment_now(e["id"])["deadline"] == add_months(days_ago(5), 1).isoformat()
    blocked = next(r for r in worklist(school)["blocked"] if r["enrollment_id"] == late["id"])
    [reason] = blocked["reasons"]
    assert reason["requirement"] == "classroom_minutes"
    assert (reason["details"]["credited_minutes"], reason["details"]["credited_by_deadline_minutes"]) == (60, 30)


def test_certify_refuses_an_enrollment_that_is_not_ready(school: School) -> None:
    e = finish(school, days_ago(5), mark=None)
    body = {"version": e["version"], "certifier": certifier(school), "mto_reference": "MTO-1"}
    d = refused(school.c.post(f"/api/v1/certification/{e['id']}/certify", json=body), 409, "certification.not_ready")
    assert [u["requirement"] for u in d["unmet"]] == ["result"]


def test_certify_locks_the_records_and_a_correction_still_works(live: LiveServer, school: School) -> None:
    e = finish(school, days_ago(5))
    student = {"id": e["student_id"]}
    future = today() + timedelta(days=10)
    pending = ok(
        school.book(
            student, school.instructor(), school.vehicle(), at(future, 10), at(future, 11), enrollment_id=e["id"]
        ),
        201,
    )
    body = {"version": e["version"], "certifier": certifier(school, first_name="Omar", last_name="Haddad"),
            "mto_reference": "MTO-7781"}  # fmt: skip
    out = ok(school.c.post(f"/api/v1/certification/{e['id']}/certify", json=body))
    assert (out["status"], out["certified_on"]) == ("certified", today().isoformat())
    assert out["certified_by"] == "Omar Haddad"
    assert (out["mto_reference"], out["certification_fee_cents"]) == ("MTO-7781", 1500)
    again = {**body, "version": out["version"]}
    refused(
        school.c.post(f"/api/v1/certification/{e['id']}/certify", json=again), 409, "certification.already_certified"
    )

    session = school.session(school.instructor()["id"], days_ago(1), 9, 1)
    d = refused(school.attend(session["id"], e["id"], 30), 409, "enrollment.locked")
    assert (d["rule"], d["enrollment_id"]) == ("certified_records_locked", e["id"])
    refused(
        school.book(
            student, school.instructor(), school.vehicle(), at(future, 14), at(future, 15), enrollment_id=e["id"]
        ),
        409,
        "enrollment.locked",
    )
    hours = {"minutes": 30, "occurred_on": days_ago(1).isoformat()}
    refused(school.c.post(f"/api/v1/enrollments/{e['id']}/hours", json=hours), 409, "enrollment.locked")
    result = {"version": out["version"], "final_mark_percent": 99}
    refused(school.c.post(f"/api/v1/enrollments/{e['id']}/result", json=result), 409, "enrollment.locked")
    refused(school.complete(pending), 409, "enrollment.locked")
    move = {"version": pending["version"], "pickup_location": "elsewhere"}
    refused(school.c.patch(f"/api/v1/lessons/{pending['id']}", json=move), 409, "enrollment.locked")

    fix = {"category": "in_car", "minutes": -15, "reason": "lesson ended 15 min early per instructor log"}
    corrected = ok(school.c.post(f"/api/v1/enrollments/{e['id']}/corrections", json=fix), 201)
    assert next(t for t in corrected["totals"] if t["category"] == "in_car")["credited_minutes"] == 45
    history = ok(school.c.get("/api/v1/audit", params={"student_id": e["student_id"]}))["items"]
    actions = [(h["action"], h["reason"]) for h in history]
    assert ("correction", fix["reason"]) in actions
    assert ("certify", None) in actions
    v = ok(school.c.get("/api/v1/audit/verify"))
    assert v["ok"] is True, v["drifted_records"]


def test_an_instructor_who_left_with_a_valid_licence_does_not_block_their_students(school: School) -> None:
    teacher = school.instructor()
    finished = finish(school, days_ago(5), lesson_instructor=teacher)
    left = ok(school.c.patch(f"/api/v1/instructors/{teacher['id']}", json={"version": 1, "active": False}))
    assert left["active"] is False
    w = worklist(school)
    assert [r["enrollment_id"] for r in w["ready"]] == [finished["id"]]
    assert w["blocked"] == []
