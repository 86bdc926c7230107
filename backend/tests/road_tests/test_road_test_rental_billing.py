"""Over the real API: the school car rented for a road test reaches the student's account. Booking issues an
invoice for the road-test car product with HST (none when the school is not registered); cancelling in time
credits it back; a late cancel or a no-show keeps it charged; a refused booking charges nothing; charges
written before billing existed are taken over by the next road-test write."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from odsm.models import Product, ProductKind, RoadTestCharge

from ..billing.helpers import Till
from ..conftest import LiveServer
from ..enrollments.builders import at, ok, refused
from .roadtest_builders import DAY, RoadTests, days_from_today

RENTAL, HST = 15000, 1950  # the price list's road-test car, and 13 % of it


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


@pytest.fixture
def rt(till: Till) -> RoadTests:
    return RoadTests(till)


def registered(till: Till) -> None:
    till.settings(hst_registered=True, hst_number="123456789RT0001")


def documents(rt: RoadTests, student: dict[str, Any]) -> list[dict[str, Any]]:
    return list(ok(rt.c.get("/api/v1/invoices", params={"student_id": student["id"]}))["items"])


def with_car(rt: RoadTests, student: dict[str, Any], start: str) -> dict[str, Any]:
    return rt.booked(student, start, vehicle_id=rt.school.vehicle()["id"])


def test_booking_with_the_school_car_puts_the_rental_on_the_statement_with_hst(rt: RoadTests, till: Till) -> None:
    registered(till)
    student = rt.student()
    with_car(rt, student, at(DAY, 10))
    [invoice] = documents(rt, student)
    [line] = invoice["lines"]
    assert (invoice["kind"], invoice["status"], invoice["hst_number"]) == ("invoice", "issued", "123456789RT0001")
    assert (line["product_id"], line["unit_price_cents"], line["tax_rate_basis_points"]) == (
        till.product("road_test_car")["id"], RENTAL, 1300)  # fmt: skip
    assert "road test" in line["description"]
    assert (invoice["subtotal_cents"], invoice["tax_cents"], invoice["total_cents"]) == (RENTAL, HST, RENTAL + HST)
    statement = till.statement(student["id"])
    assert [(x["kind"], x["record_id"], x["charge_cents"]) for x in statement["lines"]] == [
        ("invoice", invoice["id"], RENTAL + HST)]  # fmt: skip
    assert statement["balance_cents"] == RENTAL + HST


def test_a_school_not_registered_charges_the_rental_without_tax(rt: RoadTests, till: Till) -> None:
    till.settings(hst_registered=False)
    student = rt.student()
    with_car(rt, student, at(DAY, 10))
    [invoice] = documents(rt, student)
    assert (invoice["tax_cents"], invoice["total_cents"], invoice["taxes"]) == (0, RENTAL, [])
    assert till.statement(student["id"])["balance_cents"] == RENTAL


def test_a_test_without_the_school_car_charges_nothing(rt: RoadTests, till: Till) -> None:
    student = rt.student()
    rt.booked(student, at(DAY, 10))
    assert documents(rt, student) == []
    assert till.statement(student["id"])["balance_cents"] == 0


def test_a_booking_refused_by_a_rule_charges_nothing(rt: RoadTests, till: Till) -> None:
    early = rt.student(g1="2026-06-01")
    car = rt.school.vehicle()
    refused(rt.book(early, at(DAY, 10), vehicle_id=car["id"]), 409, "road_test.not_yet_eligible")
    assert documents(rt, early) == []
    assert rt.charges(early) == []
    assert till.statement(early["id"])["balance_cents"] == 0


def test_cancelling_in_time_credits_the_rental_back_in_the_cancels_audit_entry(rt: RoadTests, till: Till) -> None:
    registered(till)
    student = rt.student()
    test = with_car(rt, student, at(DAY, 10))
    body = {"version": test["version"], "reason": "Student moved the test"}
    cancelled = ok(rt.c.post(f"/api/v1/road-tests/{test['id']}/cancel", json=body))
    assert (cancelled["status"], cancelled["rental_cents"]) == ("cancelled", 0)
    invoice, note = sorted(documents(rt, student), key=lambda d: d["id"])
    assert (note["kind"], note["credit_of_id"], note["total_cents"]) == ("credit_note", invoice["id"], RENTAL + HST)
    assert "Student moved the test" in note["reason"]
    assert till.invoice_now(invoice["id"])["owing_cents"] == 0
    assert till.statement(student["id"])["balance_cents"] == 0
    audit = ok(rt.c.get("/api/v1/audit", params={"student_id": student["id"], "entity": "road_tests"}))
    [entry] = [x for x in audit["items"] if x["action"] == "cancel"]
    parts = {(p["entity"], p["entity_id"]) for p in entry["after"]["also_changed"]}
    assert ("invoices", str(note["id"])) in parts


def test_cancelling_late_keeps_the_rental_charged_and_loses_the_fee(rt: RoadTests, till: Till) -> None:
    registered(till)
    student = rt.student(g1="2025-06-01")
    test = with_car(rt, student, at(days_from_today(1), 15))
    late = ok(rt.cancel(test))
    assert (late["status"], late["fee_lost_cents"], late["rental_cents"]) == ("late_cancelled", 5375, RENTAL)
    [invoice] = documents(rt, student)
    assert invoice["owing_cents"] == RENTAL + HST
    assert till.statement(student["id"])["balance_cents"] == RENTAL + HST


def test_a_no_show_keeps_the_rental_charged_and_loses_the_fee(rt: RoadTests, till: Till) -> None:
    registered(till)
    student = rt.student(g1="2025-06-01")
    test = rt.taken_on(with_car(rt, student, at(DAY, 10)), days_from_today(-1))
    missed = ok(rt.result(test, "no_show"))
    assert (missed["status"], missed["fee_lost_cents"]) == ("no_show", 5375)
    assert [d["kind"] for d in documents(rt, student)] == ["invoice"]
    assert till.statement(student["id"])["balance_cents"] == RENTAL + HST


def _unbilled(rt: RoadTests, test: dict[str, Any], kind: str, amount: int) -> None:
    """A charge as the road tests wrote it before billing existed: kept, not yet on the account."""

    def add(s: Session) -> None:
        words = "School car for the road test"
        s.add(RoadTestCharge(student_id=test["student_id"], road_test_id=test["id"], kind=kind,
                             amount_cents=amount, description=words, billed=False))  # fmt: skip

    rt.school.live.db.write(add)


def test_charges_kept_before_billing_are_taken_over_by_the_next_road_test_write(rt: RoadTests, till: Till) -> None:
    registered(till)
    kept, reversed_ = rt.student(), rt.student()
    booked, gone = rt.booked(kept, at(DAY, 10)), rt.booked(reversed_, at(DAY, 13))
    _unbilled(rt, booked, "car_rental", RENTAL)
    _unbilled(rt, gone, "car_rental", RENTAL)
    _unbilled(rt, gone, "car_rental_reversal", -RENTAL)
    assert ok(rt.c.get("/api/v1/road-tests/charges", params={"billed": False}))["total"] == 3
    ok(rt.c.get("/api/v1/road-tests", params={"student_id": kept["id"]}))  # the road-test screen opens
    assert ok(rt.c.get("/api/v1/road-tests/charges", params={"billed": False}))["total"] == 0
    assert rt.charges(kept) == [("car_rental", RENTAL, True)]
    assert till.statement(kept["id"])["balance_cents"] == RENTAL + HST
    assert sorted(d["kind"] for d in documents(rt, reversed_)) == ["credit_note", "invoice"]
    assert till.statement(reversed_["id"])["balance_cents"] == 0
    # Taken over once: the kept test, cancelled in time now, credits the invoice it was given.
    ok(rt.cancel(ok(rt.c.get(f"/api/v1/road-tests/{booked['id']}"))))
    assert [d["kind"] for d in sorted(documents(rt, kept), key=lambda d: d["id"])] == ["invoice", "credit_note"]
    assert till.statement(kept["id"])["balance_cents"] == 0


def test_when_the_rental_cannot_be_invoiced_no_booking_is_kept(rt: RoadTests, till: Till) -> None:
    """One unit of work: when the invoice can't be made, the test, its charge and the car's hold are not kept."""

    till.product("road_test_car")  # the price list exists

    def beyond_any_invoice(s: Session) -> None:
        row = s.scalars(select(Product).where(Product.kind == ProductKind.ROAD_TEST_CAR)).one()
        row.price_cents = 100_000_001  # past the API's bound, and past an invoice's $1,000,000.00

    rt.school.live.db.write(beyond_any_invoice)
    student, car = rt.student(), rt.school.vehicle()
    details = refused(rt.book(student, at(DAY, 10), vehicle_id=car["id"]), 422, "validation_failed")
    assert details["fields"][0]["field"] == "lines"
    assert ok(rt.c.get("/api/v1/road-tests", params={"student_id": student["id"]}))["items"] == []
    assert (rt.charges(student), documents(rt, student)) == ([], [])
