from __future__ import annotations

from datetime import date, timedelta

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, ok, refused

DAY = date(2031, 6, 10)
# Attendance is taken once a class has begun, so the attendance tests' classes lie in the past.
PAST = days_ago(7)


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _body(instructor_id: int, **kw: object) -> dict[str, object]:
    return {
        "instructor_id": instructor_id,
        "starts_at": at(DAY, 9),
        "ends_at": at(DAY, 12),
        "room": "A",
        "topic": "Signs",
        "capacity": 24,
        **kw,
    }


def test_classroom_needs_an_authorised_instructor_with_a_valid_licence(school: School) -> None:
    not_classroom = school.instructor(authorised_classroom=False)
    d = refused(
        school.c.post("/api/v1/classroom", json=_body(not_classroom["id"])), 409, "classroom.instructor_not_authorised"
    )
    assert (d["rule"], d["authorised_classroom"]) == ("classroom_instructor", False)
    lapsed = school.instructor(di_licence_expiry="2031-06-09")
    d = refused(
        school.c.post("/api/v1/classroom", json=_body(lapsed["id"])), 409, "classroom.instructor_not_authorised"
    )
    assert d["di_licence_expiry"] == "2031-06-09"
    ok(school.c.post("/api/v1/classroom", json=_body(school.instructor(di_licence_expiry="2031-06-10")["id"])), 201)


def test_capacity_may_not_exceed_the_school_class_size(school: School) -> None:
    i = school.instructor()
    d = refused(
        school.c.post("/api/v1/classroom", json=_body(i["id"], capacity=41)), 422, "classroom.class_size_exceeded"
    )
    assert (d["rule"], d["limit"], d["capacity"]) == ("class_size_max", 40, 41)
    ok(school.c.post("/api/v1/classroom", json=_body(i["id"], capacity=40)), 201)


def test_credited_minutes_never_exceed_the_session(school: School) -> None:
    session = school.session(school.instructor()["id"], PAST, 9, 3)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    d = refused(school.attend(session["id"], e["id"], 181), 422, "classroom.minutes_exceed_session")
    assert (d["rule"], d["limit_minutes"], d["minutes"]) == ("minutes_exceed_session", 180, 181)
    out = ok(school.attend(session["id"], e["id"], 180))
    assert out["attendance"][0]["minutes"] == 180


def test_daily_classroom_limit_counts_every_session_that_day(school: School) -> None:
    i = school.instructor()
    morning, afternoon = school.session(i["id"], PAST, 8, 3), school.session(i["id"], PAST, 13, 3)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    ok(school.attend(morning["id"], e["id"], 180))
    d = refused(school.attend(afternoon["id"], e["id"], 121), 409, "classroom.daily_limit_exceeded")
    assert (d["rule"], d["limit_minutes"], d["already_minutes"], d["minutes"]) == (
        "max_classroom_minutes_per_day",
        300,
        180,
        121,
    )
    assert d["conflicting_session_ids"] == [morning["id"]]
    ok(school.attend(afternoon["id"], e["id"], 120))


def test_attendance_credits_the_ledger_and_dates_the_first_class(school: School) -> None:
    day = days_ago(10)
    session = school.session(school.instructor()["id"], day, 9, 2)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    ok(school.attend(session["id"], e["id"], 110))
    now = school.enrollment_now(e["id"])
    classroom = next(t for t in now["totals"] if t["category"] == "classroom")
    assert (classroom["credited_minutes"], classroom["remaining_minutes"]) == (110, 1090)
    assert (now["first_class_date"], now["deadline"]) == (day.isoformat(), (day + timedelta(days=365)).isoformat())


def test_changed_attendance_is_a_correction_entry_not_an_edit(school: School) -> None:
    session = school.session(school.instructor()["id"], days_ago(2), 9, 2)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    ok(school.attend(session["id"], e["id"], 120))
    ok(school.attend(session["id"], e["id"], 90))
    ledger = school.enrollment_now(e["id"])["ledger"]
    assert [(x["source"], x["minutes"]) for x in ledger] == [("classroom_session", 120), ("correction", -30)]
    assert "120 to 90" in ledger[1]["reason"]


def test_a_full_session_takes_no_more_students(school: School) -> None:
    session = school.session(school.instructor()["id"], PAST, 9, 2, capacity=1)
    course = school.course()
    first = school.enrollment(school.student()["id"], course["id"])
    second = school.enrollment(school.student()["id"], course["id"])
    ok(school.attend(session["id"], first["id"], 60))
    d = refused(school.attend(session["id"], second["id"], 60), 409, "classroom.session_full")
    assert d["limit"] == 1


def test_list_returns_sessions_in_the_range(school: School) -> None:
    i = school.instructor()
    inside = school.session(i["id"], DAY, 9, 2)
    school.session(i["id"], DAY + timedelta(days=3), 9, 2)
    items = ok(school.c.get("/api/v1/classroom", params={"start": at(DAY, 0), "end": at(DAY, 23)}))["items"]
    assert [x["id"] for x in items] == [inside["id"]]
