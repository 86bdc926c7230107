"""The rules an inspector checks when a student is certified: consent, a date that can be true, and a
logged reason for any date other than today (DOMAIN.md: no back-dating without a logged reason)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, days_ago, ok, refused, small_school, today
from .finishing import certifier, finish, worklist


@pytest.fixture
def school(live: LiveServer) -> School:
    return small_school(live)


def _certify(school: School, e: dict[str, Any], **kw: Any) -> Any:
    body = {"version": e["version"], "certifier": certifier(school), "mto_reference": "MTO-1", **kw}
    return school.c.post(f"/api/v1/certification/{e['id']}/certify", json=body)


def _without_consent(school: School) -> dict[str, Any]:
    e = finish(school, days_ago(5))
    student = ok(school.c.get(f"/api/v1/students/{e['student_id']}"))
    ok(
        school.c.patch(
            f"/api/v1/students/{student['id']}", json={"version": student["version"], "consent_to_share": False}
        )
    )
    return school.enrollment_now(e["id"])


def test_a_student_without_consent_is_blocked_with_the_reason_shown(school: School) -> None:
    e = _without_consent(school)
    w = worklist(school)
    assert w["ready"] == []
    [row] = w["blocked"]
    assert row["enrollment_id"] == e["id"]
    [reason] = row["reasons"]
    assert reason["requirement"] == "consent"
    assert "consent" in reason["message"]


def test_certifying_without_consent_is_refused_and_allowed_once_recorded(school: School) -> None:
    e = _without_consent(school)
    d = refused(_certify(school, e), 409, "certification.not_ready")
    assert [u["requirement"] for u in d["unmet"]] == ["consent"]

    student = ok(school.c.get(f"/api/v1/students/{e['student_id']}"))
    ok(
        school.c.patch(
            f"/api/v1/students/{student['id']}", json={"version": student["version"], "consent_to_share": True}
        )
    )
    assert [r["enrollment_id"] for r in worklist(school)["ready"]] == [e["id"]]
    assert ok(_certify(school, e))["status"] == "certified"


def test_a_certification_dated_after_today_is_refused(school: School) -> None:
    e = finish(school, days_ago(5))
    tomorrow = (today() + timedelta(days=1)).isoformat()
    d = refused(_certify(school, e, certified_on=tomorrow, reason="typed ahead"), 422, "certification.date_in_future")
    assert (d["field"], d["rule"], d["certified_on"]) == ("certified_on", "not_after_today", tomorrow)


def test_a_certification_dated_before_the_course_began_is_refused(school: School) -> None:
    e = finish(school, days_ago(5))
    before = days_ago(6).isoformat()
    d = refused(_certify(school, e, certified_on=before, reason="paper form"), 422, "certification.before_course_start")
    assert (d["field"], d["course_began"]) == ("certified_on", days_ago(5).isoformat())


def test_certifying_on_another_day_needs_a_reason_which_the_audit_log_keeps(school: School) -> None:
    e = finish(school, days_ago(5))
    earlier = days_ago(2).isoformat()
    d = refused(_certify(school, e, certified_on=earlier), 422, "certification.reason_required")
    assert (d["field"], d["rule"]) == ("reason", "required_when_not_today")

    why = "Signed on paper on the day; entered after the system was back up."
    out = ok(_certify(school, e, certified_on=earlier, reason=why))
    assert (out["status"], out["certified_on"]) == ("certified", earlier)
    history = ok(school.c.get("/api/v1/audit", params={"student_id": e["student_id"]}))["items"]
    assert ("certify", why) in [(h["action"], h["reason"]) for h in history]


def test_certifying_today_needs_no_reason(school: School) -> None:
    e = finish(school, days_ago(5))
    assert ok(_certify(school, e, certified_on=today().isoformat()))["certified_on"] == today().isoformat()


def test_an_enrollment_past_its_deadline_and_short_is_listed_as_expired(school: School) -> None:
    expired = school.enrollment(school.student()["id"], school.course()["id"])
    old = school.session(school.instructor()["id"], days_ago(400), 9, 1)
    ok(school.attend(old["id"], expired["id"], 60))
    risky = school.enrollment(school.student()["id"], school.course()["id"])
    recent = school.session(school.instructor()["id"], days_ago(330), 9, 1)
    ok(school.attend(recent["id"], risky["id"], 60))

    w = worklist(school)
    assert [r["enrollment_id"] for r in w["expired"]] == [expired["id"]]
    assert w["expired"][0]["days_left"] < 0
    assert [r["enrollment_id"] for r in w["at_risk"]] == [risky["id"]]
    assert (w["expired_total"], w["at_risk_total"]) == (1, 1)
