"""The deadline is one calendar year from the first class, not 365 days, and a change to the setting
applies to the open enrollments."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from odsm.features.enrollments.deadline import add_months

from ..conftest import LiveServer
from .builders import School, days_ago, ok


@pytest.mark.parametrize(
    ("first_class", "months", "deadline"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 3, 1), 12, date(2026, 3, 1)),
        (date(2023, 3, 1), 12, date(2024, 3, 1)),  # 366 days: 365 would end on 29 February
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 11, 15), 3, date(2026, 2, 15)),
    ],
)
def test_the_deadline_counts_calendar_months(first_class: date, months: int, deadline: date) -> None:
    assert add_months(first_class, months) == deadline


def _audit(school: School, student_id: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = ok(school.c.get("/api/v1/audit", params={"student_id": student_id}))["items"]
    return items


def test_a_new_deadline_setting_applies_to_open_enrollments_in_the_settings_entry(live: LiveServer) -> None:
    school = School(live)
    first = days_ago(100)
    open_ones = []
    for _ in range(2):
        e = school.enrollment(school.student()["id"], school.course()["id"])
        ok(school.attend(school.session(school.instructor()["id"], first, 9, 1)["id"], e["id"], 60))
        open_ones.append(e)
    not_started = school.enrollment(school.student()["id"], school.course()["id"])
    assert school.enrollment_now(open_ones[0]["id"])["deadline"] == add_months(first, 12).isoformat()

    school.settings(completion_deadline_months=6)

    for e in open_ones:
        assert school.enrollment_now(e["id"])["deadline"] == add_months(first, 6).isoformat()
        # The settings write is one entry; each enrollment's new deadline, with why, is listed inside it,
        # and the student's history shows that entry.
        [entry] = [a for a in _audit(school, e["student_id"]) if a["entity"] == "school_settings"]
        [part] = [p for p in entry["after"]["also_changed"] if p["entity_id"] == str(e["id"])]
        assert (part["entity"], part["action"]) == ("enrollments", "follow_deadline_setting")
        assert part["reason"] == "The completion deadline setting changed from 12 to 6 months."
        assert part["after"]["deadline"] == add_months(first, 6).isoformat()
    assert school.enrollment_now(not_started["id"])["deadline"] is None
    assert ok(school.c.get("/api/v1/audit/verify"))["ok"] is True


def test_a_deadline_setting_left_unchanged_touches_no_enrollment(live: LiveServer) -> None:
    school = School(live)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    ok(school.attend(school.session(school.instructor()["id"], days_ago(10), 9, 1)["id"], e["id"], 60))
    version = school.enrollment_now(e["id"])["version"]
    school.settings(completion_deadline_months=12, name="Maple")
    assert school.enrollment_now(e["id"])["version"] == version
