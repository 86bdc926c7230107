"""Over the real API: a test's result moves the licence history on; a fail gives the retest day; a no-show
and a late cancellation lose the fee; a cancellation in time reverses the car's rental."""

from __future__ import annotations

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, at, ok, refused
from .roadtest_builders import DAY, RoadTests, days_from_today


@pytest.fixture
def rt(live: LiveServer) -> RoadTests:
    return RoadTests(School(live))


def test_a_pass_records_the_next_licence_step_with_the_test_day(rt: RoadTests) -> None:
    student = rt.student(g1="2025-06-01")
    test = rt.taken_on(rt.booked(student, at(DAY, 10)), days_from_today(-3))
    passed = ok(rt.result(test, "passed"))
    assert passed["status"] == "passed"
    history = ok(rt.c.get(f"/api/v1/licences/{student['id']}"))
    assert history["current_class"] == "G2"
    assert history["steps"][-1] == {"licence_class": "G2", "issued_on": days_from_today(-3).isoformat(),
                                    "source": "road_test", "road_test_id": test["id"]}  # fmt: skip
    answer = ok(rt.c.get("/api/v1/road-tests/eligibility", params={"student_id": student["id"]}))
    g2, g = answer["tests"]
    assert g2["code"] == "road_test.already_holds_class"
    assert g["eligible_from"] == days_from_today(-3).replace(year=days_from_today(-3).year + 1).isoformat()


def test_a_fail_shows_the_earliest_retest_day(rt: RoadTests) -> None:
    test = rt.taken_on(rt.booked(rt.student(g1="2025-06-01"), at(DAY, 10)), days_from_today(-2))
    failed = ok(rt.result(test, "failed"))
    assert (failed["status"], failed["retest_from"]) == ("failed", days_from_today(8).isoformat())


def test_a_no_show_loses_the_fee(rt: RoadTests) -> None:
    test = rt.taken_on(rt.booked(rt.student(g1="2025-06-01"), at(DAY, 10)), days_from_today(-1))
    missed = ok(rt.result(test, "no_show"))
    assert (missed["status"], missed["fee_lost_cents"]) == ("no_show", 5375)


def test_a_result_before_the_test_has_happened_is_refused(rt: RoadTests) -> None:
    test = rt.booked(rt.student(), at(DAY, 10))
    refused(rt.result(test, "passed"), 422, "road_test.not_yet_taken")
    taken = rt.taken_on(test, days_from_today(-1))
    ok(rt.result(taken, "failed"))
    refused(rt.result(ok(rt.c.get(f"/api/v1/road-tests/{test['id']}")), "passed"), 409, "road_test.not_booked")


def test_a_stale_result_is_a_version_conflict(rt: RoadTests) -> None:
    test = rt.taken_on(rt.booked(rt.student(g1="2025-06-01"), at(DAY, 10)), days_from_today(-1))
    refused(rt.result({**test, "version": test["version"] + 5}, "failed"), 409, "road_test.version_conflict")


def test_cancelling_in_time_keeps_the_fee_and_reverses_the_rental(rt: RoadTests) -> None:
    student = rt.student()
    test = rt.booked(student, at(DAY, 10), vehicle_id=rt.school.vehicle()["id"])
    cancelled = ok(rt.cancel(test))
    assert (cancelled["status"], cancelled["fee_lost_cents"], cancelled["rental_cents"]) == ("cancelled", 0, 0)
    assert rt.charges(student) == [("car_rental", 15000, True), ("car_rental_reversal", -15000, True)]


def test_cancelling_less_than_48_hours_ahead_records_the_fee_as_lost(rt: RoadTests) -> None:
    student = rt.student(g1="2025-06-01")
    test = rt.booked(student, at(days_from_today(1), 15), vehicle_id=rt.school.vehicle()["id"])
    late = ok(rt.cancel(test))
    assert (late["status"], late["fee_lost_cents"]) == ("late_cancelled", 5375)
    assert rt.charges(student) == [("car_rental", 15000, True)]


def test_a_cancelled_test_frees_the_car(rt: RoadTests) -> None:
    car = rt.school.vehicle()
    test = rt.booked(rt.student(), at(DAY, 10), vehicle_id=car["id"])
    refused(rt.book(rt.student(), at(DAY, 10), vehicle_id=car["id"]), 409, "road_test.vehicle_double_booked")
    ok(rt.cancel(test))
    ok(rt.book(rt.student(), at(DAY, 10), vehicle_id=car["id"]), 201)


def test_the_settings_size_the_fees_and_buffers_and_the_price_list_prices_the_car(rt: RoadTests) -> None:
    current = ok(rt.c.get("/api/v1/road-test-settings"))
    assert (current["g2_fee_cents"], current["g_fee_cents"], current["retest_days"]) == (5375, 9125, 10)
    assert current["cancel_notice_hours"] == 48
    assert "rental_price_cents" not in current  # one price for the car: the price list's
    changed = {"version": current["version"], "buffer_before_minutes": 30}
    ok(rt.c.patch("/api/v1/road-test-settings", json=changed))
    stale = rt.c.patch("/api/v1/road-test-settings", json={**changed, "g2_fee_cents": 1})
    refused(stale, 409, "road_test_settings.version_conflict")
    products = ok(rt.c.get("/api/v1/billing/products"))["items"]
    car = next(p for p in products if p["code"] == "road_test_car")
    ok(rt.c.patch(f"/api/v1/billing/products/{car['id']}", json={"version": car["version"], "price_cents": 20000}))
    test = rt.booked(rt.student(), at(DAY, 10), vehicle_id=rt.school.vehicle()["id"])
    assert (test["rental_cents"], test["blocked_from"]) == (20000, at(DAY, 9, 30))
    bad = rt.c.patch("/api/v1/road-test-settings", json={"version": current["version"] + 1, "g2_fee_cents": -1})
    assert refused(bad, 422, "validation_failed")["fields"][0]["field"] == "g2_fee_cents"
    gone = rt.c.patch("/api/v1/road-test-settings", json={"version": current["version"] + 1, "rental_price_cents": 1})
    assert refused(gone, 422, "validation_failed")["fields"][0]["field"] == "rental_price_cents"
