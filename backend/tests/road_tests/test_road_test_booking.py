"""Over the real API: booking a road test, each rule's allowed and refused case, the school car's rental
and its hold on the calendar."""

from __future__ import annotations

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, instant, ok, refused
from .roadtest_builders import DAY, RoadTests, days_from_today


@pytest.fixture
def rt(live: LiveServer) -> RoadTests:
    return RoadTests(School(live))


def test_an_eligible_student_books_a_g2_test_with_the_school_car_and_is_charged_its_rental(rt: RoadTests) -> None:
    student, car = rt.student(), rt.school.vehicle()
    test = rt.booked(student, at(DAY, 10), vehicle_id=car["id"])
    assert (test["status"], test["fee_cents"], test["rental_cents"]) == ("booked", 5375, 15000)
    # The car is held from the buffer before (60 min) to the buffer after (30 min) the 30-minute test.
    assert (test["blocked_from"], test["blocked_until"]) == (at(DAY, 9), at(DAY, 11))
    assert rt.charges(student) == [("car_rental", 15000, True)]


def test_the_eligibility_endpoint_gives_the_earliest_day_and_why(rt: RoadTests) -> None:
    student = rt.student(g1="2026-06-01")
    answer = ok(rt.c.get("/api/v1/road-tests/eligibility", params={"student_id": student["id"], "on": DAY.isoformat()}))
    g2 = answer["tests"][0]
    assert (g2["licence_class"], g2["can_take_on_day"], g2["eligible_from"]) == ("G2", False, "2027-06-01")
    assert g2["code"] == "road_test.not_yet_eligible"
    assert "12 months after the G1: from Jun 1, 2027" in g2["reasons"][0]
    assert answer["tests"][1]["code"] == "road_test.previous_step_missing"


def test_a_test_before_the_student_is_eligible_is_refused(rt: RoadTests) -> None:
    early = rt.student(g1="2026-06-01")
    d = refused(rt.book(early, at(DAY, 10)), 409, "road_test.not_yet_eligible")
    assert (d["eligible_from"], d["field"]) == ("2027-06-01", "starts_at")
    ok(rt.book(early, at(DAY.replace(month=6, day=1), 10)), 201)


def test_a_student_who_holds_the_class_cannot_book_its_test(rt: RoadTests) -> None:
    holder = rt.school.student(licence_class="G2", g1_issue_date="2025-01-10")
    refused(rt.book(holder, at(DAY, 10), "G2"), 409, "road_test.already_holds_class")
    ok(rt.book(rt.student(), at(DAY, 10), "G2"), 201)


def test_the_programmes_five_years_exceeded_is_refused(rt: RoadTests) -> None:
    old = rt.student(g1="2022-01-05")
    steps = ok(rt.c.get(f"/api/v1/licences/{old['id']}"))
    body = {"version": steps["version"], "licence_class": "G2", "issued_on": "2023-02-01"}
    ok(rt.c.post(f"/api/v1/licences/{old['id']}/steps", json=body))
    d = refused(rt.book(old, at(DAY, 10), "G"), 409, "road_test.programme_expired")
    assert d["programme_ends"] == "2027-01-05"
    ok(rt.book(old, at(DAY.replace(month=1, day=5), 10), "G"), 201)


def test_a_retest_sooner_than_ten_days_after_a_fail_is_refused(rt: RoadTests) -> None:
    student = rt.student(g1="2025-06-01")
    first = rt.taken_on(rt.booked(student, at(DAY, 10)), days_from_today(-1))
    failed = ok(rt.result(first, "failed"))
    assert failed["retest_from"] == days_from_today(9).isoformat()
    d = refused(rt.book(student, at(days_from_today(8), 10)), 409, "road_test.retest_too_soon")
    assert d["retest_from"] == days_from_today(9).isoformat()
    ok(rt.book(student, at(days_from_today(9), 10)), 201)


def test_the_school_car_is_not_rented_while_a_lesson_holds_it_with_the_buffer(rt: RoadTests) -> None:
    car = rt.school.vehicle()
    ok(rt.school.book(rt.school.student(), rt.school.instructor(), car, at(DAY, 9), at(DAY, 10)), 201)
    d = refused(rt.book(rt.student(), at(DAY, 10, 30), vehicle_id=car["id"]), 409, "road_test.vehicle_double_booked")
    assert d["conflicting_lesson_id"] and d["field"] == "vehicle_id"
    ok(rt.book(rt.student(), at(DAY, 11), vehicle_id=car["id"]), 201)


def test_the_instructor_is_not_sent_while_booked_elsewhere(rt: RoadTests) -> None:
    instructor = rt.school.instructor()
    ok(rt.school.book(rt.school.student(), instructor, rt.school.vehicle(), at(DAY, 9), at(DAY, 10)), 201)
    body = {"instructor_id": instructor["id"], "vehicle_id": rt.school.vehicle()["id"]}
    refused(rt.book(rt.student(), at(DAY, 10, 30), **body), 409, "road_test.instructor_double_booked")
    ok(rt.book(rt.student(), at(DAY, 11), **body), 201)


def test_two_tests_cannot_share_the_car(rt: RoadTests) -> None:
    car = rt.school.vehicle()
    rt.booked(rt.student(), at(DAY, 10), vehicle_id=car["id"])
    d = refused(rt.book(rt.student(), at(DAY, 11), vehicle_id=car["id"]), 409, "road_test.vehicle_double_booked")
    assert d["conflicting_road_test_id"]
    ok(rt.book(rt.student(), at(DAY, 12), vehicle_id=car["id"]), 201)


def test_a_student_with_a_lesson_during_the_test_is_refused(rt: RoadTests) -> None:
    student = rt.student()
    ok(rt.school.book(student, rt.school.instructor(), rt.school.vehicle(), at(DAY, 9), at(DAY, 10)), 201)
    refused(rt.book(student, at(DAY, 9, 30)), 409, "road_test.student_double_booked")
    # A warm-up lesson that ends as the test begins is no clash for the student.
    ok(rt.book(student, at(DAY, 10)), 201)


def test_a_lesson_booked_later_sees_the_test_as_a_conflict(rt: RoadTests) -> None:
    s, i, car = rt.school, rt.school.instructor(), rt.school.vehicle()
    tester = rt.student()
    test = rt.booked(tester, at(DAY, 14), vehicle_id=car["id"], instructor_id=i["id"])
    d = refused(s.book(s.student(), s.instructor(), car, at(DAY, 12, 30), at(DAY, 13, 30)), 409,
                "lesson.vehicle_double_booked")  # fmt: skip
    assert d["conflicting_road_test_id"] == test["id"]
    busy_instructor = s.book(s.student(), i, s.vehicle(), at(DAY, 14, 30), at(DAY, 15, 30))
    refused(busy_instructor, 409, "lesson.instructor_double_booked")
    busy_student = s.book(tester, s.instructor(), s.vehicle(), at(DAY, 14, 15), at(DAY, 15))
    refused(busy_student, 409, "lesson.student_double_booked")
    ok(s.book(s.student(), s.instructor(), car, at(DAY, 12), at(DAY, 13)), 201)
    ok(s.book(s.student(), i, s.vehicle(), at(DAY, 15), at(DAY, 16)), 201)


def test_the_calendar_shows_the_test_holding_the_car(rt: RoadTests) -> None:
    car = rt.school.vehicle()
    test = rt.booked(rt.student(), at(DAY, 10), vehicle_id=car["id"])
    page = ok(rt.c.get("/api/v1/lessons", params={"start": at(DAY, 0), "end": at(DAY, 23), "vehicle_id": car["id"]}))
    shown = [(t["id"], t["licence_class"], t["vehicle_plate"], instant(t["blocked_from"])) for t in page["road_tests"]]
    assert shown == [(test["id"], "G2", car["plate"], instant(at(DAY, 9)))]
    other = ok(rt.c.get("/api/v1/lessons", params={"start": at(DAY, 0), "end": at(DAY, 23), "vehicle_id": 999}))
    assert other["road_tests"] == []


def test_a_retired_centre_cannot_be_booked(rt: RoadTests) -> None:
    centre = ok(rt.c.post("/api/v1/drivetest-centres", json={"name": "Toronto Rexdale", "city": "Toronto"}), 201)
    body = rt.body(rt.student(), at(DAY, 10))
    ok(rt.c.post("/api/v1/road-tests", json={**body, "centre_id": centre["id"]}), 201)
    ok(rt.c.patch(f"/api/v1/drivetest-centres/{centre['id']}", json={"version": centre["version"], "active": False}))
    body = rt.body(rt.student(), at(DAY, 10))
    refused(rt.c.post("/api/v1/road-tests", json={**body, "centre_id": centre["id"]}), 409, "road_test.centre_retired")


def test_a_car_whose_insurance_lapses_is_not_rented(rt: RoadTests) -> None:
    lapsed = rt.school.vehicle(insurance_expiry="2027-03-09")
    d = refused(rt.book(rt.student(), at(DAY, 10), vehicle_id=lapsed["id"]), 409, "road_test.vehicle_not_bookable")
    assert d["lapsed"] == ["insurance"]


def test_a_keyed_booking_sent_twice_lands_once(rt: RoadTests) -> None:
    student, car = rt.student(), rt.school.vehicle()
    body = rt.body(student, at(DAY, 10), vehicle_id=car["id"])
    headers = {"Idempotency-Key": "road-test-once-1"}
    first = ok(rt.c.post("/api/v1/road-tests", json=body, headers=headers), 201)
    again = ok(rt.c.post("/api/v1/road-tests", json=body, headers=headers), 201)
    assert first["id"] == again["id"]
    assert rt.charges(student) == [("car_rental", 15000, True)]


def test_a_road_test_in_the_past_is_refused(rt: RoadTests) -> None:
    refused(rt.book(rt.student(), at(days_from_today(-2), 10)), 422, "road_test.in_past")


def test_the_usual_centres_are_on_the_list_and_in_the_audit_log(rt: RoadTests) -> None:
    names = {c["name"] for c in ok(rt.c.get("/api/v1/drivetest-centres"))["items"]}
    assert {"Toronto Downsview", "Toronto Etobicoke", "Toronto Metro East", "Toronto Port Union"} <= names
    assert ok(rt.c.get("/api/v1/audit/verify"))["ok"] is True


def test_the_list_without_a_range_or_with_one_side_open_answers_every_test_it_covers(rt: RoadTests) -> None:
    student = rt.student()
    test = rt.booked(student, at(DAY, 10), vehicle_id=rt.school.vehicle()["id"])
    for params in ({}, {"start": at(DAY, 0)}, {"end": at(DAY, 23)}, {"start": at(DAY, 0), "end": at(DAY, 23)}):
        assert [t["id"] for t in ok(rt.c.get("/api/v1/road-tests", params=params))["items"]] == [test["id"]], params
    assert ok(rt.c.get("/api/v1/road-tests", params={"start": at(DAY, 12)}))["items"] == []
