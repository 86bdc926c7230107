"""The school day: every instructor's lessons, classes and road tests for one local day, each under its
instructor, with their weekly hours for that weekday and their time off, through the real API."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, instant, ok, refused

DAY = date(2031, 6, 10)  # a Tuesday
TUESDAY = DAY.weekday()


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _school_day(school: School, day: date = DAY) -> dict[str, Any]:
    return ok(school.c.get("/api/v1/lessons/school-day", params={"day": day.isoformat()}))


def _column(day: dict[str, Any], instructor_id: int) -> dict[str, Any]:
    found = [x for x in day["instructors"] if x["id"] == instructor_id]
    assert len(found) == 1, day["instructors"]
    column: dict[str, Any] = found[0]
    return column


def test_each_lesson_and_class_shows_under_its_own_instructor(school: School) -> None:
    ann, bo = school.instructor(first_name="Ann"), school.instructor(first_name="Bo")
    v1, v2 = school.vehicle(), school.vehicle()
    ann_lesson = ok(school.book(school.student(), ann, v1, at(DAY, 9), at(DAY, 10)), 201)
    bo_lesson = ok(school.book(school.student(), bo, v2, at(DAY, 9), at(DAY, 10)), 201)
    ok(school.book(school.student(), bo, v2, at(DAY + timedelta(days=1), 9), at(DAY + timedelta(days=1), 10)), 201)
    session = school.session(ann["id"], DAY, 13, 2)
    out = _school_day(school)
    assert (out["date"], out["time_zone"]) == (DAY.isoformat(), "America/Toronto")
    by_instructor = {(x["id"], x["instructor_id"]) for x in out["lessons"]}
    assert by_instructor == {(ann_lesson["id"], ann["id"]), (bo_lesson["id"], bo["id"])}
    assert [(c["id"], c["instructor_id"], c["attendee_count"]) for c in out["classes"]] == [
        (session["id"], ann["id"], 0)
    ]
    assert _column(out, ann["id"])["name"] == f"Ann {ann['last_name']}"
    assert _column(out, bo["id"])["name"] == f"Bo {bo['last_name']}"
    lesson = next(x for x in out["lessons"] if x["id"] == bo_lesson["id"])
    assert (lesson["vehicle_plate"], instant(lesson["starts_at"])) == (v2["plate"], instant(at(DAY, 9)))


def test_a_cancelled_lesson_is_left_out_as_on_the_instructors_own_calendar(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    kept = ok(school.book(school.student(), i, v, at(DAY, 9), at(DAY, 10)), 201)
    called_off = ok(school.book(school.student(), i, v, at(DAY, 11), at(DAY, 12)), 201)
    ok(school.c.post(f"/api/v1/lessons/{called_off['id']}/cancel", json={"version": called_off["version"]}))
    window = {"start": at(DAY, 0), "end": at(DAY, 23), "instructor_id": i["id"]}
    own = ok(school.c.get("/api/v1/lessons", params=window))
    assert [x["id"] for x in own["items"]] == [kept["id"]]
    assert [x["id"] for x in _school_day(school)["lessons"]] == [kept["id"]]


def test_the_weekly_hours_of_that_weekday_and_the_days_time_off_come_back(school: School) -> None:
    hours = [
        {"weekday": TUESDAY, "start_minute": 12 * 60, "end_minute": 17 * 60},
        {"weekday": TUESDAY, "start_minute": 9 * 60, "end_minute": 12 * 60},
        {"weekday": (TUESDAY + 1) % 7, "start_minute": 7 * 60, "end_minute": 8 * 60},
    ]
    works = school.instructor(availability=hours)
    always = school.instructor()
    off_today = {"starts_at": at(DAY, 13), "ends_at": at(DAY, 15), "reason": "Dentist"}
    off_later = {"starts_at": at(DAY + timedelta(days=2), 0), "ends_at": at(DAY + timedelta(days=3), 0)}
    for body in (off_today, off_later):
        ok(school.c.post(f"/api/v1/instructors/{works['id']}/time-off", json=body), 201)
    out = _school_day(school)
    column = _column(out, works["id"])
    assert column["weekly_hours_set"] is True
    assert column["hours"] == [{"start_minute": 9 * 60, "end_minute": 17 * 60}]  # 9-12 and 12-17 read as one
    assert [(instant(t["starts_at"]), t["reason"]) for t in column["time_off"]] == [(instant(at(DAY, 13)), "Dentist")]
    assert (_column(out, always["id"])["weekly_hours_set"], _column(out, always["id"])["hours"]) == (False, [])
    # The next day: other hours, and the time off is that day's no more.
    nxt = _column(_school_day(school, DAY + timedelta(days=1)), works["id"])
    assert (nxt["hours"], nxt["time_off"]) == ([{"start_minute": 7 * 60, "end_minute": 8 * 60}], [])


def test_a_retired_instructor_has_a_column_only_on_a_day_with_their_lessons(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    ok(school.book(school.student(), i, v, at(DAY, 9), at(DAY, 10)), 201)
    current = ok(school.c.get(f"/api/v1/instructors/{i['id']}"))
    ok(school.c.patch(f"/api/v1/instructors/{i['id']}", json={"version": current["version"], "active": False}))
    assert i["id"] in {x["id"] for x in _school_day(school)["instructors"]}
    assert i["id"] not in {x["id"] for x in _school_day(school, DAY + timedelta(days=1))["instructors"]}


def test_a_day_not_written_as_a_date_is_refused_naming_the_field(school: School) -> None:
    r = school.c.get("/api/v1/lessons/school-day", params={"day": "10/06/2031"})
    details = refused(r, 422, "validation_failed")
    assert "day" in str(details)
    refused(school.c.get("/api/v1/lessons/school-day"), 422, "validation_failed")
