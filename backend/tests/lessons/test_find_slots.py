"""Finding a slot: the next free times where every booking rule passes, decided by the booking registry."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, instant, ok, refused

DAY = date(2031, 6, 10)  # a Tuesday


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def find(school: School, student: dict[str, Any], **params: Any) -> httpx.Response:
    query = {"student_id": student["id"], "from_date": DAY.isoformat(), "days": 1, "minutes": 60, **params}
    return school.c.get("/api/v1/lessons/find-slots", params=query)


def starts(body: dict[str, Any]) -> list[Any]:
    return [instant(p["starts_at"]) for p in body["proposals"]]


def test_a_proposed_slot_books(school: School) -> None:
    i, v, s = school.instructor(), school.vehicle(), school.student()
    body = ok(find(school, s))
    assert starts(body) == [instant(at(DAY, h, m)) for h, m in ((8, 0), (8, 30), (9, 0), (9, 30), (10, 0))]
    first = body["proposals"][0]
    assert (first["instructor_id"], first["vehicle_id"], first["vehicle_plate"]) == (i["id"], v["id"], v["plate"])
    assert first["local_time"].startswith("8:00")
    booked = ok(school.book(s, {"id": first["instructor_id"]}, {"id": first["vehicle_id"]},
                            first["starts_at"], first["ends_at"]), 201)  # fmt: skip
    assert instant(booked["starts_at"]) == instant(at(DAY, 8))
    # Booked: that student is taken then, so the next search starts after the lesson.
    assert starts(ok(find(school, s)))[0] == instant(at(DAY, 9))


def test_a_busy_instructor_gives_way_to_a_free_one_and_the_usual_instructor_comes_first(school: School) -> None:
    first, usual, v = school.instructor(), school.instructor(), school.vehicle()
    s = school.student()
    ok(school.book(s, usual, v, at(DAY - timedelta(days=1), 10), at(DAY - timedelta(days=1), 11)), 201)
    ok(school.book(school.student(), usual, school.vehicle(), at(DAY, 8), at(DAY, 9)), 201)
    body = ok(find(school, s, limit=3))
    assert body["usual_instructor_id"] == usual["id"]
    by_instructor = [(p["instructor_id"], instant(p["starts_at"])) for p in body["proposals"]]
    # The usual instructor is busy at 8:00 and 8:30, so another takes those; from 9:00 the usual one is free
    # and listed first.
    assert by_instructor == [(usual["id"], instant(at(DAY, 9))), (first["id"], instant(at(DAY, 8))),
                             (first["id"], instant(at(DAY, 8, 30)))]  # fmt: skip
    assert [p["usual_instructor"] for p in body["proposals"]] == [True, False, False]


def test_the_g1_night_ban_removes_the_night_candidates(school: School) -> None:
    school.instructor(), school.vehicle()
    night = {"earliest_minute": 0, "latest_minute": 7 * 60, "limit": 1}
    assert starts(ok(find(school, school.student(licence_class="G2"), **night))) == [instant(at(DAY, 0))]
    assert starts(ok(find(school, school.student(licence_class="G1"), **night))) == [instant(at(DAY, 5))]


def test_instructor_time_off_removes_the_instructors_candidates(school: School) -> None:
    i, s = school.instructor(), school.student()
    school.vehicle()
    off = {"starts_at": at(DAY, 7), "ends_at": at(DAY, 10, 15), "reason": "Dentist"}
    ok(school.c.post(f"/api/v1/instructors/{i['id']}/time-off", json=off), 201)
    assert starts(ok(find(school, s, limit=2))) == [instant(at(DAY, 10, 30)), instant(at(DAY, 11))]


def test_the_daily_in_car_limit_moves_the_proposals_to_the_next_day(school: School) -> None:
    i, v, s = school.instructor(), school.vehicle(), school.student()
    ok(school.book(s, i, v, at(DAY, 18), at(DAY, 20)), 201)  # the day's 2 h in the car
    body = ok(find(school, s, days=2, limit=1))
    assert starts(body) == [instant(at(DAY + timedelta(days=1), 8))]


def test_outside_the_instructors_weekly_hours_is_never_proposed(school: School) -> None:
    hours = [{"weekday": DAY.weekday(), "start_minute": 13 * 60, "end_minute": 17 * 60}]
    school.instructor(availability=hours)
    school.vehicle()
    body = ok(find(school, school.student(), limit=20))
    assert starts(body) == [instant(at(DAY, h, m)) for h, m in ((13, 0), (13, 30), (14, 0), (14, 30), (15, 0),
                                                                 (15, 30), (16, 0))]  # fmt: skip


def test_a_refused_check_carries_the_proposals_and_each_books(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    ok(school.book(school.student(), i, v, at(DAY, 10), at(DAY, 11)), 201)
    s = school.student()
    r = school.c.post("/api/v1/lessons/check", json=school.lesson_body(s, i, v, at(DAY, 10, 30), at(DAY, 11, 30)))
    body = ok(r)
    assert body["ok"] is False and body["proposals"]
    for p in body["proposals"]:
        assert not (instant(p["starts_at"]) < instant(at(DAY, 11)) and instant(p["ends_at"]) > instant(at(DAY, 10)))
    p = body["proposals"][0]
    ok(school.book(s, {"id": p["instructor_id"]}, {"id": p["vehicle_id"]}, p["starts_at"], p["ends_at"]), 201)


def test_an_allowed_check_carries_no_proposals(school: School) -> None:
    r = school.c.post("/api/v1/lessons/check", json=school.lesson_body(
        school.student(), school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11)))  # fmt: skip
    # An allowed check answers as it always did, with the warnings list (empty here) and no proposals.
    assert ok(r) == {"ok": True, "conflicts": [], "warnings": []}


def test_hours_shorter_than_the_lesson_are_refused_naming_the_field(school: School) -> None:
    d = refused(find(school, school.student(), earliest_minute=9 * 60, latest_minute=9 * 60 + 30), 422,
                "validation_failed")  # fmt: skip
    assert [f["field"] for f in d["fields"]] == ["latest_minute"]


def test_an_unknown_student_is_not_found(school: School) -> None:
    refused(find(school, {"id": 987654}), 404, "student.not_found")


def test_a_refused_checks_proposals_keep_out_of_the_instructors_time_off(school: School) -> None:
    # The check loads the instructor without their time off; the proposals that follow in the same read
    # must still see it.
    i, v = school.instructor(), school.vehicle()
    off = {"starts_at": at(DAY, 11), "ends_at": at(DAY, 13), "reason": "Dentist"}
    ok(school.c.post(f"/api/v1/instructors/{i['id']}/time-off", json=off), 201)
    ok(school.book(school.student(), i, v, at(DAY, 10), at(DAY, 11)), 201)
    r = school.c.post(
        "/api/v1/lessons/check", json=school.lesson_body(school.student(), i, v, at(DAY, 10), at(DAY, 11))
    )
    proposals = [p for p in ok(r)["proposals"] if p["instructor_id"] == i["id"]]
    assert proposals
    for p in proposals:
        assert not (instant(p["starts_at"]) < instant(at(DAY, 13)) and instant(p["ends_at"]) > instant(at(DAY, 11)))
