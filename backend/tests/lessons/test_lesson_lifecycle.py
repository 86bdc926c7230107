from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, TZ, School, at, days_ago, instant, ok, refused

DAY = date(2031, 6, 10)


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _soon(hours: float) -> tuple[str, str]:
    start = (datetime.now(TZ) + timedelta(hours=hours)).replace(second=0, microsecond=0)
    return start.isoformat(), (start + timedelta(hours=1)).isoformat()


def test_cancelling_inside_the_notice_window_is_a_late_cancel_with_the_fee(school: School) -> None:
    lesson = ok(school.book(school.student(), school.instructor(), school.vehicle(), *_soon(2)), 201)
    out = ok(school.c.post(f"/api/v1/lessons/{lesson['id']}/cancel", json={"version": 1, "reason": "sick"}))
    assert (out["status"], out["fee_cents"], out["cancel_reason"]) == ("late_cancelled", 4500, "sick")


def test_cancelling_with_enough_notice_is_free(school: School) -> None:
    lesson = ok(school.book(school.student(), school.instructor(), school.vehicle(), *_soon(72)), 201)
    out = ok(school.c.post(f"/api/v1/lessons/{lesson['id']}/cancel", json={"version": 1}))
    assert (out["status"], out["fee_cents"]) == ("cancelled", 0)
    again = school.c.post(f"/api/v1/lessons/{lesson['id']}/cancel", json={"version": out["version"]})
    refused(again, 409, "lesson.not_scheduled")


def test_completion_credits_the_ledger_and_logs_the_odometer(school: School) -> None:
    s, v = school.student(), school.vehicle()
    enrollment = school.enrollment(s["id"], school.course()["id"])
    day = days_ago(3)
    lesson = ok(
        school.book(s, school.instructor(), v, at(day, 10), at(day, 11, 30), enrollment_id=enrollment["id"]), 201
    )
    done = ok(school.complete(lesson, km=(40100, 40137)))
    assert (done["status"], done["odometer_end"], done["skills_covered"][0]) == ("completed", 40137, "left turns")
    now = school.enrollment_now(enrollment["id"])
    in_car = next(t for t in now["totals"] if t["category"] == "in_car")
    assert (in_car["credited_minutes"], in_car["remaining_minutes"]) == (90, 510)
    assert now["first_class_date"] == day.isoformat()
    assert now["deadline"] == (day + timedelta(days=365)).isoformat()
    [entry] = now["ledger"]
    assert (entry["source"], entry["source_id"], entry["minutes"]) == ("lesson", lesson["id"], 90)
    log = ok(school.c.get(f"/api/v1/vehicles/{v['id']}/odometer"))["items"]
    assert [(x["km"], x["source"], x["lesson_id"]) for x in log[:2]] == [
        (40137, "lesson_end", lesson["id"]),
        (40100, "lesson_start", lesson["id"]),
    ]


def test_a_lesson_cannot_be_completed_before_it_happens(school: School) -> None:
    lesson = ok(school.book(school.student(), school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    refused(school.complete(lesson), 422, "lesson.not_yet_happened")


def test_completion_refuses_an_odometer_that_goes_backwards(school: School) -> None:
    day = days_ago(1)
    lesson = ok(school.book(school.student(), school.instructor(), school.vehicle(), at(day, 10), at(day, 11)), 201)
    refused(school.complete(lesson, km=(39000, 39010)), 422, "vehicle.odometer_backwards")


def test_a_no_show_carries_the_fee_and_only_after_the_start(school: School) -> None:
    day = days_ago(1)
    past = ok(school.book(school.student(), school.instructor(), school.vehicle(), at(day, 10), at(day, 11)), 201)
    out = ok(school.c.post(f"/api/v1/lessons/{past['id']}/no-show", json={"version": 1}))
    assert (out["status"], out["fee_cents"]) == ("no_show", 4500)
    future = ok(school.book(school.student(), school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    refused(
        school.c.post(f"/api/v1/lessons/{future['id']}/no-show", json={"version": 1}), 422, "lesson.not_yet_happened"
    )


def test_calendar_lists_one_instructors_lessons_in_a_range(school: School) -> None:
    i, other = school.instructor(), school.instructor()
    mine = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    ok(school.book(school.student(), other, school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    ok(
        school.book(
            school.student(), i, school.vehicle(), at(DAY + timedelta(days=8), 10), at(DAY + timedelta(days=8), 11)
        ),
        201,
    )
    week = {"start": at(DAY, 0), "end": at(DAY + timedelta(days=7), 0), "instructor_id": i["id"]}
    items = ok(school.c.get("/api/v1/lessons", params=week))["items"]
    assert [x["id"] for x in items] == [mine["id"]]
    assert items[0]["student_name"].startswith("Amara") and items[0]["vehicle_plate"].startswith("CBX")


@pytest.mark.parametrize(
    ("owner", "index"),
    [
        ("instructor_id", "ix_lessons_instructor_start"),
        ("vehicle_id", "ix_lessons_vehicle_start"),
        ("student_id", "ix_lessons_student_start"),
    ],
)
@pytest.mark.sqlite_only(
    reason="reads SQLite's plan; PostgreSQL's planner picks by statistics, which a near-empty test table lacks"
)
def test_calendar_query_is_an_index_range_scan(live: LiveServer, owner: str, index: str) -> None:
    sql = (
        f"EXPLAIN QUERY PLAN SELECT id FROM lessons WHERE {owner} = 1 AND starts_at < :end "
        "AND starts_at > :lower AND ends_at > :start"
    )
    with live.db.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text(sql), {"end": "b", "lower": "a", "start": "a"}))
    assert f"USING INDEX {index} ({owner}=? AND starts_at>? AND starts_at<?)" in plan


def test_day_sheet_lists_the_instructors_day_in_order(school: School) -> None:
    i = school.instructor()
    s = school.student(phone="416-555-0199")
    enrollment = school.enrollment(s["id"], school.course()["id"])
    v = school.vehicle()
    late = ok(school.book(s, i, v, at(DAY, 15), at(DAY, 16), enrollment_id=enrollment["id"]), 201)
    early = ok(school.book(school.student(), i, v, at(DAY, 8), at(DAY, 9)), 201)
    session = school.session(i["id"], DAY, 10, 2)
    ok(school.book(school.student(), school.instructor(), school.vehicle(), at(DAY, 12), at(DAY, 13)), 201)
    sheet = ok(school.c.get("/api/v1/lessons/day-sheet", params={"instructor_id": i["id"], "date": DAY.isoformat()}))
    assert [(x["kind"], x["lesson_id"] or x["session_id"]) for x in sheet["items"]] == [
        ("lesson", early["id"]),
        ("classroom", session["id"]),
        ("lesson", late["id"]),
    ]
    row = sheet["items"][2]
    assert (row["student_phone"], row["pickup_location"], row["vehicle_plate"]) == (
        "416-555-0199",
        "100 Queen St W",
        v["plate"],
    )
    assert row["bde_in_car"] == {
        "enrollment_id": enrollment["id"],
        "credited_minutes": 0,
        "required_minutes": 600,
        "remaining_minutes": 600,
    }
    assert instant(sheet["items"][0]["starts_at"]) == instant(at(DAY, 8))


def test_completion_holds_the_actual_times_to_the_daily_in_car_limit(school: School) -> None:
    s = school.student()
    day = days_ago(2)
    lesson = ok(school.book(s, school.instructor(), school.vehicle(), at(day, 10), at(day, 11)), 201)
    body = {
        "version": lesson["version"],
        "actual_start": at(day, 10),
        "actual_end": at(day, 13),  # three hours of driving credited would pass the 2 h a day
        "odometer_start": 40100,
        "odometer_end": 40180,
        "reason": PAPER,  # entered from the paper record, so the backdate rule is met whatever the hour
    }
    d = refused(school.c.post(f"/api/v1/lessons/{lesson['id']}/complete", json=body), 409, "lesson.daily_in_car_limit")
    assert (d["rule"], d["limit_minutes"], d["lesson_minutes"]) == ("max_in_car_minutes_per_day", 120, 180)
    body["actual_end"] = at(day, 11, 15)
    done = ok(school.c.post(f"/api/v1/lessons/{lesson['id']}/complete", json=body))
    assert done["status"] == "completed"


def test_completion_holds_a_g1_student_to_the_night_ban(school: School) -> None:
    s = school.student(licence_class="G1")
    day = days_ago(2)
    lesson = ok(school.book(s, school.instructor(), school.vehicle(), at(day, 5), at(day, 6)), 201)
    body = {
        "version": lesson["version"],
        "actual_start": at(day, 4, 30),
        "actual_end": at(day, 5, 30),
        "odometer_start": 40100,
        "odometer_end": 40130,
    }
    refused(school.c.post(f"/api/v1/lessons/{lesson['id']}/complete", json=body), 409, "lesson.g1_night_ban")
