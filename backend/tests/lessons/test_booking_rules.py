from __future__ import annotations

from datetime import date

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, instant, ok, refused

DAY = date(2031, 6, 10)


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def test_booking_refuses_second_lesson_for_same_instructor_naming_the_conflict(school: School) -> None:
    i, v1, v2 = school.instructor(), school.vehicle(), school.vehicle()
    first = ok(school.book(school.student(), i, v1, at(DAY, 10), at(DAY, 11)), 201)
    d = refused(
        school.book(school.student(), i, v2, at(DAY, 10, 30), at(DAY, 11, 30)), 409, "lesson.instructor_double_booked"
    )
    assert d["rule"] == "instructor_double_booking"
    assert d["conflicting_lesson_id"] == first["id"]
    assert d["instructor_id"] == i["id"]
    assert instant(d["starts_at"]) == instant(first["starts_at"]) == instant(at(DAY, 10))
    assert instant(d["ends_at"]) == instant(at(DAY, 11))


def test_touching_lessons_are_allowed(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    s = school.student()
    ok(school.book(s, i, v, at(DAY, 10), at(DAY, 11)), 201)
    ok(school.book(s, i, v, at(DAY, 11), at(DAY, 12)), 201)
    ok(school.book(school.student(), i, v, at(DAY, 9), at(DAY, 10)), 201)


def test_booking_refuses_a_vehicle_already_out(school: School) -> None:
    v = school.vehicle()
    first = ok(school.book(school.student(), school.instructor(), v, at(DAY, 10), at(DAY, 11)), 201)
    d = refused(
        school.book(school.student(), school.instructor(), v, at(DAY, 9, 30), at(DAY, 10, 30)),
        409,
        "lesson.vehicle_double_booked",
    )
    assert (d["rule"], d["conflicting_lesson_id"], d["vehicle_id"]) == ("vehicle_double_booking", first["id"], v["id"])


def test_booking_refuses_a_student_already_in_a_lesson(school: School) -> None:
    s = school.student()
    first = ok(school.book(s, school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    d = refused(
        school.book(s, school.instructor(), school.vehicle(), at(DAY, 10, 15), at(DAY, 10, 45)),
        409,
        "lesson.student_double_booked",
    )
    assert (d["conflicting_lesson_id"], d["student_id"]) == (first["id"], s["id"])


def test_a_cancelled_lesson_frees_its_slot(school: School) -> None:
    i, v = school.instructor(), school.vehicle()
    first = ok(school.book(school.student(), i, v, at(DAY, 10), at(DAY, 11)), 201)
    ok(school.c.post(f"/api/v1/lessons/{first['id']}/cancel", json={"version": 1}))
    ok(school.book(school.student(), i, v, at(DAY, 10), at(DAY, 11)), 201)


def test_instructor_licence_must_be_valid_on_the_lesson_date(school: School) -> None:
    i = school.instructor(di_licence_expiry=DAY.isoformat())
    ok(school.book(school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    later = date(2031, 6, 11)
    d = refused(
        school.book(school.student(), i, school.vehicle(), at(later, 10), at(later, 11)),
        409,
        "lesson.instructor_licence_invalid",
    )
    assert (d["rule"], d["di_licence_expiry"], d["date"]) == ("di_licence_valid", "2031-06-10", "2031-06-11")


def test_an_inactive_instructor_cannot_be_booked(school: School) -> None:
    i = school.instructor(active=False)
    d = refused(
        school.book(school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11)),
        409,
        "lesson.instructor_licence_invalid",
    )
    assert d["active"] is False


def test_instructor_must_be_authorised_for_in_car(school: School) -> None:
    i = school.instructor(authorised_in_car=False)
    d = refused(
        school.book(school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11)),
        409,
        "lesson.instructor_not_authorised",
    )
    assert (d["rule"], d["instructor_id"]) == ("authorised_in_car", i["id"])
    ok(school.book(school.student(), school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)


@pytest.mark.parametrize(
    ("field", "code", "rule"),
    [
        ("insurance_expiry", "lesson.vehicle_insurance_lapsed", "vehicle_insurance_valid"),
        ("inspection_expiry", "lesson.vehicle_inspection_lapsed", "vehicle_inspection_valid"),
    ],
)
def test_vehicle_credentials_must_be_valid_on_the_lesson_date(school: School, field: str, code: str, rule: str) -> None:
    v = school.vehicle(**{field: DAY.isoformat()})
    ok(school.book(school.student(), school.instructor(), v, at(DAY, 10), at(DAY, 11)), 201)
    later = date(2031, 6, 11)
    d = refused(school.book(school.student(), school.instructor(), v, at(later, 10), at(later, 11)), 409, code)
    assert (d["rule"], d[field], d["vehicle_id"]) == (rule, DAY.isoformat(), v["id"])


def test_an_inactive_vehicle_cannot_be_booked(school: School) -> None:
    v = school.vehicle(active=False)
    d = refused(
        school.book(school.student(), school.instructor(), v, at(DAY, 10), at(DAY, 11)), 409, "lesson.vehicle_inactive"
    )
    assert d["rule"] == "vehicle_active"


def test_g1_student_is_refused_at_0430_and_allowed_at_0500(school: School) -> None:
    g1 = school.student(licence_class="G1")
    d = refused(
        school.book(g1, school.instructor(), school.vehicle(), at(DAY, 4, 30), at(DAY, 5, 30)),
        409,
        "lesson.g1_night_ban",
    )
    assert (d["rule"], d["window_start_minute"], d["window_end_minute"]) == ("g1_night_ban", 0, 300)
    assert instant(d["window_ends_at"]) == instant(at(DAY, 5))
    ok(school.book(g1, school.instructor(), school.vehicle(), at(DAY, 5), at(DAY, 6)), 201)


def test_g1_lesson_running_past_midnight_is_refused(school: School) -> None:
    g1 = school.student(licence_class="G1")
    refused(
        school.book(g1, school.instructor(), school.vehicle(), at(DAY, 23), at(date(2031, 6, 11), 0, 30)),
        409,
        "lesson.g1_night_ban",
    )
    ok(school.book(g1, school.instructor(), school.vehicle(), at(DAY, 22), at(DAY, 23)), 201)


def test_g2_student_may_drive_at_0430(school: School) -> None:
    ok(
        school.book(
            school.student(licence_class="G2"), school.instructor(), school.vehicle(), at(DAY, 4, 30), at(DAY, 5, 30)
        ),
        201,
    )


def test_daily_in_car_limit_allows_two_hours_and_refuses_more(school: School) -> None:
    s = school.student()
    first = ok(school.book(s, school.instructor(), school.vehicle(), at(DAY, 9), at(DAY, 10)), 201)
    ok(school.book(s, school.instructor(), school.vehicle(), at(DAY, 13), at(DAY, 14)), 201)
    d = refused(
        school.book(s, school.instructor(), school.vehicle(), at(DAY, 16), at(DAY, 16, 30)),
        409,
        "lesson.daily_in_car_limit",
    )
    assert (d["rule"], d["limit_minutes"], d["booked_minutes"], d["lesson_minutes"]) == (
        "max_in_car_minutes_per_day",
        120,
        120,
        30,
    )
    assert d["conflicting_lesson_id"] == first["id"]
    assert len(d["conflicting_lesson_ids"]) == 2


def test_one_hour_in_car_limit_on_a_five_hour_classroom_day(school: School) -> None:
    # Attendance is taken once a class has begun: the day lies in the past.
    past = days_ago(7)
    s, i = school.student(), school.instructor()
    enrollment = school.enrollment(s["id"], school.course()["id"])
    session = school.session(i["id"], past, 8, 5)
    ok(school.attend(session["id"], enrollment["id"], 300))
    ok(
        school.book(
            s, school.instructor(), school.vehicle(), at(past, 14), at(past, 15), enrollment_id=enrollment["id"]
        ),
        201,
    )
    d = refused(
        school.book(s, school.instructor(), school.vehicle(), at(past, 16), at(past, 16, 30)),
        409,
        "lesson.daily_in_car_limit",
    )
    assert (d["rule"], d["limit_minutes"], d["classroom_minutes"]) == (
        "max_in_car_minutes_on_full_classroom_day",
        60,
        300,
    )
    assert d["classroom_session_ids"] == [session["id"]]


def test_in_car_is_one_student_with_one_instructor(school: School) -> None:
    body = school.lesson_body(school.student(), school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11))
    body["student_ids"] = [body["student_id"], body["student_id"] + 1]
    r = school.c.post("/api/v1/lessons", json=body)
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"] == "student_ids"


def test_enrollment_must_belong_to_the_student(school: School) -> None:
    other = school.enrollment(school.student()["id"], school.course()["id"])
    r = school.book(
        school.student(), school.instructor(), school.vehicle(), at(DAY, 10), at(DAY, 11), enrollment_id=other["id"]
    )
    refused(r, 422, "lesson.enrollment_mismatch")


def test_check_lists_every_violated_rule_without_booking(school: School) -> None:
    i, v = school.instructor(), school.vehicle(insurance_expiry="2030-01-01")
    g1 = school.student(licence_class="G1")
    taken = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 4), at(DAY, 5)), 201)
    body = school.lesson_body(g1, i, v, at(DAY, 4, 30), at(DAY, 5, 30))
    result = ok(school.c.post("/api/v1/lessons/check", json=body))
    codes = {c["code"] for c in result["conflicts"]}
    assert result["ok"] is False
    assert codes == {"lesson.instructor_double_booked", "lesson.vehicle_insurance_lapsed", "lesson.g1_night_ban"}
    double = next(c for c in result["conflicts"] if c["code"] == "lesson.instructor_double_booked")
    assert double["details"]["conflicting_lesson_id"] == taken["id"]
    lessons = ok(school.c.get("/api/v1/lessons", params={"start": at(DAY, 0), "end": at(DAY, 23)}))
    assert [x["id"] for x in lessons["items"]] == [taken["id"]]
    clean = school.lesson_body(school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11))
    assert ok(school.c.post("/api/v1/lessons/check", json=clean)) == {"ok": True, "conflicts": [], "warnings": []}


def test_check_for_a_reschedule_ignores_the_lesson_itself(school: School) -> None:
    s, i, v = school.student(), school.instructor(), school.vehicle()
    lesson = ok(school.book(s, i, v, at(DAY, 10), at(DAY, 11)), 201)
    body = school.lesson_body(s, i, v, at(DAY, 10, 30), at(DAY, 11, 30))
    assert ok(school.c.post("/api/v1/lessons/check", json=body, params={"lesson_id": lesson["id"]}))["ok"] is True
    assert ok(school.c.post("/api/v1/lessons/check", json=body))["ok"] is False


def test_rescheduling_rechecks_every_rule(school: School) -> None:
    i = school.instructor()
    other = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    mine = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 12), at(DAY, 13)), 201)
    move = {"version": mine["version"], "starts_at": at(DAY, 10, 30), "ends_at": at(DAY, 11, 30)}
    d = refused(school.c.patch(f"/api/v1/lessons/{mine['id']}", json=move), 409, "lesson.instructor_double_booked")
    assert d["conflicting_lesson_id"] == other["id"]
    moved = ok(
        school.c.patch(f"/api/v1/lessons/{mine['id']}", json={**move, "starts_at": at(DAY, 11), "ends_at": at(DAY, 12)})
    )
    assert (instant(moved["starts_at"]), moved["version"]) == (instant(at(DAY, 11)), 2)
    stale = school.c.patch(f"/api/v1/lessons/{mine['id']}", json={"version": 1, "pickup_location": "x"})
    refused(stale, 409, "lesson.version_conflict")


def test_booking_refuses_an_instructor_on_recorded_time_off(school: School) -> None:
    i = school.instructor()
    off = ok(
        school.c.post(
            f"/api/v1/instructors/{i['id']}/time-off",
            json={"starts_at": at(DAY, 12), "ends_at": at(DAY, 17), "reason": "Dentist"},
        ),
        201,
    )["time_off"][0]
    ok(school.book(school.student(), i, school.vehicle(), at(DAY, 11), at(DAY, 12)), 201)
    d = refused(
        school.book(school.student(), i, school.vehicle(), at(DAY, 13), at(DAY, 14)), 409, "lesson.instructor_time_off"
    )
    assert (d["rule"], d["time_off_id"], d["reason"]) == ("instructor_time_off", off["id"], "Dentist")


def test_booking_refuses_an_instructor_who_is_teaching_a_class_then(school: School) -> None:
    i = school.instructor(authorised_classroom=True)
    session = school.session(i["id"], DAY, 18, 2)
    ok(school.book(school.student(), i, school.vehicle(), at(DAY, 17), at(DAY, 18)), 201)
    d = refused(
        school.book(school.student(), i, school.vehicle(), at(DAY, 19), at(DAY, 20)),
        409,
        "lesson.instructor_teaching_class",
    )
    assert (d["rule"], d["conflicting_session_id"]) == ("instructor_double_booking", session["id"])


def test_check_names_the_earliest_lesson_holding_each_party(school: School) -> None:
    # All of the holds are read in one statement: each party's clash must still be its earliest lesson.
    s, i, v = school.student(), school.instructor(), school.vehicle()
    later = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 13), at(DAY, 14)), 201)
    earlier = ok(school.book(school.student(), i, school.vehicle(), at(DAY, 10), at(DAY, 11)), 201)
    car = ok(school.book(school.student(), school.instructor(), v, at(DAY, 12), at(DAY, 13)), 201)
    own = ok(school.book(s, school.instructor(), school.vehicle(), at(DAY, 15), at(DAY, 16)), 201)
    body = school.lesson_body(s, i, v, at(DAY, 9), at(DAY, 17))
    result = ok(school.c.post("/api/v1/lessons/check", json=body))
    held = {c["code"]: c["details"].get("conflicting_lesson_id") for c in result["conflicts"]}
    assert held["lesson.instructor_double_booked"] == earlier["id"] != later["id"]
    assert held["lesson.vehicle_double_booked"] == car["id"]
    assert held["lesson.student_double_booked"] == own["id"]
    # Moving the student's own lesson over the same span clashes with everything but itself.
    moved = ok(school.c.post("/api/v1/lessons/check", json=body, params={"lesson_id": own["id"]}))
    assert "lesson.student_double_booked" not in {c["code"] for c in moved["conflicts"]}
    assert "lesson.instructor_double_booked" in {c["code"] for c in moved["conflicts"]}


@pytest.mark.parametrize("party", ["student", "instructor", "vehicle"])
def test_a_booking_naming_a_missing_party_is_refused_in_that_partys_words(school: School, party: str) -> None:
    # The three parties are read in one statement; a missing one must still be named, with its own code.
    s, i, v = school.student(), school.instructor(), school.vehicle()
    body = {**school.lesson_body(s, i, v, at(DAY, 10), at(DAY, 11)), f"{party}_id": 987654}
    d = refused(school.c.post("/api/v1/lessons", json=body), 404, f"{party}.not_found")
    assert d[f"{party}_id"] == 987654
    refused(school.c.post("/api/v1/lessons/check", json=body), 404, f"{party}.not_found")
    assert ok(school.c.post("/api/v1/lessons/check", json=school.lesson_body(s, i, v, at(DAY, 10), at(DAY, 11))))["ok"]
