"""A refusal reads as the front desk speaks: the other booking by student and time, every time in the
school's own format (12 h by default, 24 h when the school says so), and each rule in its own words."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, ok

DAY = date(2031, 6, 10)  # a Tuesday
DASH = "\u2013"


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def _refusal(school: School, *args: object, **kw: object) -> dict[str, object]:
    r = school.book(*args, **kw)
    assert r.status_code in (409, 422), r.text
    body: dict[str, object] = r.json()
    return body


def _use_24h(school: School) -> None:
    version = ok(school.c.get("/api/v1/settings"))["version"]
    ok(school.c.patch("/api/v1/settings", json={"version": version, "time_format": "24h"}))


def _name(student: dict[str, object]) -> str:
    return f"{student['first_name']} {student['last_name']}"


def test_the_school_writes_times_on_a_12_hour_clock_unless_told_otherwise(school: School) -> None:
    assert ok(school.c.get("/api/v1/settings"))["time_format"] == "12h"
    version = ok(school.c.get("/api/v1/settings"))["version"]
    r = school.c.patch("/api/v1/settings", json={"version": version, "time_format": "25h"})
    assert r.status_code == 422 and r.json()["details"]["fields"][0]["field"] == "time_format"


def test_an_instructor_double_booking_names_the_other_student_and_time(school: School) -> None:
    i, maya = school.instructor(), school.student()
    ok(school.book(maya, i, school.vehicle(), at(DAY, 16), at(DAY, 17)), 201)
    body = _refusal(school, school.student(), i, school.vehicle(), at(DAY, 16, 30), at(DAY, 17, 30))
    expected = f"4:00{DASH}5:00 p.m. on Tue, Jun 10"
    assert body["message"] == f"The instructor is already booked with {_name(maya)} {expected}."
    details = body["details"]
    assert isinstance(details, dict)
    assert (details["conflicting_student_name"], details["local_time"]) == (_name(maya), expected)
    assert "#" not in str(body["message"]) and "17:00" not in str(body["message"])


def test_a_vehicle_double_booking_names_the_car_the_student_and_the_time(school: School) -> None:
    v, maya = school.vehicle(), school.student()
    ok(school.book(maya, school.instructor(), v, at(DAY, 11, 30), at(DAY, 12, 30)), 201)
    body = _refusal(school, school.student(), school.instructor(), v, at(DAY, 12), at(DAY, 13))
    assert body["message"] == (
        f"The car {v['plate']} is already booked with {_name(maya)} 11:30 a.m.{DASH}12:30 p.m. on Tue, Jun 10."
    )


def test_the_same_times_read_on_a_24_hour_clock_when_the_school_chooses_it(school: School) -> None:
    _use_24h(school)
    i, maya = school.instructor(), school.student()
    ok(school.book(maya, i, school.vehicle(), at(DAY, 16), at(DAY, 17)), 201)
    body = _refusal(school, school.student(), i, school.vehicle(), at(DAY, 16, 30), at(DAY, 17, 30))
    assert body["message"] == f"The instructor is already booked with {_name(maya)} 16:00{DASH}17:00 on Tue, Jun 10."
    assert "p.m." not in str(body["message"])


def test_the_g1_night_ban_speaks_of_the_night_not_of_a_booking(school: School) -> None:
    g1 = school.student(licence_class="G1")
    body = _refusal(school, g1, school.instructor(), school.vehicle(), at(DAY, 4), at(DAY, 5, 30))
    assert body["code"] == "lesson.g1_night_ban"
    message = str(body["message"])
    night = "A G1 driver may not drive between 12:00 a.m. and 5:00 a.m."
    assert message == f"{night}; this lesson runs 4:00{DASH}5:30 a.m. on Tue, Jun 10."
    assert "booked" not in message.lower()


def test_the_daily_limit_names_the_student_and_the_hours(school: School) -> None:
    s = school.student()
    ok(school.book(s, school.instructor(), school.vehicle(), at(DAY, 9), at(DAY, 10, 30)), 201)
    body = _refusal(school, s, school.instructor(), school.vehicle(), at(DAY, 14), at(DAY, 15))
    assert body["code"] == "lesson.daily_in_car_limit"
    assert body["message"] == (
        f"{_name(s)} has 1 h 30 min in the car that day; this 1 h lesson would make 2 h 30 min, "
        "over the limit of 2 h a day."
    )
    details = body["details"]
    assert isinstance(details, dict) and details["local_time"] == f"9:00{DASH}10:30 a.m. on Tue, Jun 10"


def test_every_rule_has_its_own_wording(school: School) -> None:
    """Three different rules refusing three proposals never share a sentence."""
    i, s = school.instructor(), school.student()
    ok(school.book(s, i, school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    messages = {
        str(_refusal(school, school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11))["message"]),
        str(_refusal(school, s, school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11))["message"]),
        str(
            _refusal(school, school.student("G1"), school.instructor(), school.vehicle(), at(DAY, 1), at(DAY, 2))[
                "message"
            ]
        ),
    }
    assert len(messages) == 3
