"""Adding time off over booked lessons saves the time off and names the lessons it lands on."""

from __future__ import annotations

from datetime import date

from ..conftest import LiveServer
from ..enrollments.builders import School, at, ok

DAY = date(2031, 6, 10)


def test_time_off_names_each_scheduled_lesson_it_covers(live: LiveServer) -> None:
    school = School(live)
    i, v = school.instructor(), school.vehicle()
    inside = ok(school.book(school.student(), i, v, at(DAY, 10), at(DAY, 11)), 201)
    ok(school.book(school.student(), i, v, at(DAY, 15), at(DAY, 16)), 201)  # after the time off
    cancelled = ok(school.book(school.student(), i, v, at(DAY, 12), at(DAY, 13)), 201)
    ok(school.c.post(f"/api/v1/lessons/{cancelled['id']}/cancel", json={"version": cancelled["version"]}))

    off = {"starts_at": at(DAY, 9), "ends_at": at(DAY, 14), "reason": "Dentist"}
    body = ok(school.c.post(f"/api/v1/instructors/{i['id']}/time-off", json=off), 201)
    assert [t["reason"] for t in body["time_off"]] == ["Dentist"]
    assert body["affected_lessons"] == [
        {
            "lesson_id": inside["id"],
            "student_name": inside["student_name"],
            "starts_at": body["affected_lessons"][0]["starts_at"],
            "local_starts_at": "2031-06-10 10:00",
        }
    ]


def test_time_off_over_a_free_day_lists_nothing(live: LiveServer) -> None:
    school = School(live)
    i = school.instructor()
    off = {"starts_at": at(DAY, 9), "ends_at": at(DAY, 14)}
    assert ok(school.c.post(f"/api/v1/instructors/{i['id']}/time-off", json=off), 201)["affected_lessons"] == []
