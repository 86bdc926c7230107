"""No back-dating without a logged reason (DOMAIN.md): a lesson booked in the past, or completed later than
the school's grace period after it ended, needs a reason, and the reason lands in the lesson's audit entry."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, TZ, School, at, days_ago, instant, ok, refused


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _lesson_audit(school: School, lesson: dict[str, Any]) -> list[dict[str, Any]]:
    items = ok(school.c.get("/api/v1/audit", params={"student_id": lesson["student_id"], "entity": "lessons"}))
    return [e for e in items["items"] if e["entity_id"] == str(lesson["id"])]


def test_a_lesson_booked_in_the_past_needs_a_reason_kept_in_the_audit(school: School) -> None:
    day = days_ago(1)
    people = school.student(), school.instructor(), school.vehicle()
    d = refused(school.book(*people, at(day, 10), at(day, 11), reason=None), 422, "lesson.backdated_without_reason")
    assert (d["field"], d["event"], d["local_time"], d["grace_hours"]) == (
        "reason",
        "starts_at",
        f"10:00 a.m. on {day:%a}, {day:%b} {day.day}, {day.year}",
        0,
    )
    lesson = ok(school.book(*people, at(day, 10), at(day, 11), reason="Booked by phone, entered late"), 201)
    assert [(e["action"], e["reason"]) for e in _lesson_audit(school, lesson)] == [
        ("create", "Booked by phone, entered late")
    ]


def test_a_lesson_ahead_needs_no_reason(school: School) -> None:
    ahead = datetime.now(TZ).date() + timedelta(days=3)
    lesson = ok(school.book(school.student(), school.instructor(), school.vehicle(), at(ahead, 10), at(ahead, 11)), 201)
    assert _lesson_audit(school, lesson)[0]["reason"] is None


def test_a_completion_after_the_grace_period_needs_a_reason(school: School) -> None:
    school.settings(backdate_grace_hours=24)
    people = school.student(), school.instructor(), school.vehicle()
    late = ok(school.book(*people, at(days_ago(3), 10), at(days_ago(3), 11)), 201)
    d = refused(school.complete(late, reason=None), 422, "lesson.backdated_without_reason")
    assert (d["event"], d["grace_hours"], d["actual_end"]) == ("actual_end", 24, late["ends_at"])
    done = ok(school.complete(late, reason=PAPER))
    assert done["status"] == "completed"
    assert _lesson_audit(school, late)[0]["reason"] == PAPER


def test_a_completion_within_the_grace_period_needs_no_reason(school: School) -> None:
    school.settings(backdate_grace_hours=24 * 7)
    people = school.student(), school.instructor(), school.vehicle()
    lesson = ok(school.book(*people, at(days_ago(3), 10), at(days_ago(3), 11)), 201)
    assert ok(school.complete(lesson, reason=None))["status"] == "completed"


def test_the_reason_is_bounded(school: School) -> None:
    day = days_ago(1)
    body = school.lesson_body(school.student(), school.instructor(), school.vehicle(), at(day, 10), at(day, 11))
    r = school.c.post("/api/v1/lessons", json={**body, "reason": "x" * 501})
    assert (r.status_code, r.json()["code"]) == (422, "validation_failed")


def test_a_lesson_moved_into_the_past_needs_a_reason_kept_in_the_audit(school: School) -> None:
    ahead = datetime.now(TZ).date() + timedelta(days=3)
    lesson = ok(school.book(school.student(), school.instructor(), school.vehicle(), at(ahead, 10), at(ahead, 11)), 201)
    back = days_ago(2)
    move = {"version": lesson["version"], "starts_at": at(back, 10), "ends_at": at(back, 11)}
    url = f"/api/v1/lessons/{lesson['id']}"
    d = refused(school.c.patch(url, json=move), 422, "lesson.backdated_without_reason")
    assert (d["rule"], d["field"], d["event"], d["local_time"]) == (
        "backdate_reason",
        "reason",
        "starts_at",
        f"10:00 a.m. on {back:%a}, {back:%b} {back.day}, {back.year}",
    )
    assert instant(ok(school.c.get(url))["starts_at"]) == instant(lesson["starts_at"])  # refused: nothing moved
    moved = ok(school.c.patch(url, json={**move, "reason": "Lesson given earlier; the desk moves it"}))
    assert moved["version"] == lesson["version"] + 1
    latest = _lesson_audit(school, lesson)[0]
    assert (latest["action"], latest["reason"]) == ("update", "Lesson given earlier; the desk moves it")
    assert latest["before"]["starts_at"] != latest["after"]["starts_at"]


def test_a_past_lesson_changed_without_moving_its_start_needs_no_reason(school: School) -> None:
    day = days_ago(2)
    lesson = ok(school.book(school.student(), school.instructor(), school.vehicle(), at(day, 10), at(day, 11)), 201)
    change = {"version": lesson["version"], "pickup_location": "Union Station"}
    assert ok(school.c.patch(f"/api/v1/lessons/{lesson['id']}", json=change))["pickup_location"] == "Union Station"
