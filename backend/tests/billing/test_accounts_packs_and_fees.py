"""The student's account (statement and aging), prepaid packs drawn down by lessons, and lesson fees."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, TZ, at, days_ago, ok, refused
from .helpers import Till, days_back

LESSON = 7345


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


def test_the_statement_lists_charges_credits_and_payments_with_aging(till: Till) -> None:
    s = till.adult()["id"]
    for days in (5, 45, 75, 120):
        till.invoice(s, invoice_date=days_back(days), reason=PAPER)
    oldest = ok(till.c.get("/api/v1/invoices", params={"student_id": s}))["items"][-1]
    ok(
        till.c.post(
            f"/api/v1/invoices/{oldest['id']}/credit-notes",
            json={
                "reason": "Goodwill",
                "lines": [{"description": "Part", "amount_cents": 1000, "tax_rate_basis_points": 1300}],
            },
        ),
        201,
    )
    ok(till.pay(s, 2000, received_on=days_back(1)), 201)
    account = till.statement(s)
    kinds = [line["kind"] for line in account["lines"]]
    assert kinds == ["invoice", "invoice", "invoice", "invoice", "payment", "credit_note"]
    assert account["charges_cents"] == 4 * LESSON
    assert (account["credits_cents"], account["payments_cents"]) == (1130, 2000)
    assert account["balance_cents"] == 4 * LESSON - 1130 - 2000
    assert account["lines"][-1]["balance_cents"] == account["balance_cents"]
    aging = account["aging"]
    # The payment went to the oldest invoice (120 days), which the credit note had also reduced.
    assert aging == {
        "current_cents": LESSON,
        "days_31_60_cents": LESSON,
        "days_61_90_cents": LESSON,
        "over_90_cents": LESSON - 1130 - 2000,
    }
    refused(till.c.get("/api/v1/billing/students/999999/statement"), 404, "student.not_found")


def _lesson(till: Till, student: dict, day_offset: int, hour: int = 10, minutes: int = 60) -> dict:
    day = days_ago(day_offset)
    start = at(day, hour)
    end = (datetime.fromisoformat(start) + timedelta(minutes=minutes)).isoformat()
    return ok(till.book(student, till.instructor(), till.vehicle(), start, end), 201)


def test_a_pack_credits_hours_and_each_completed_lesson_draws_its_length(till: Till) -> None:
    st = till.student()
    till.invoice(st["id"], {"product_id": till.product("pack_5h")["id"]})
    assert ok(till.c.get(f"/api/v1/billing/students/{st['id']}/prepaid"))["remaining_minutes"] == 300
    lesson = _lesson(till, st, 2, minutes=90)
    ok(till.complete(lesson))
    hours = ok(till.c.get(f"/api/v1/billing/students/{st['id']}/prepaid"))
    assert (hours["used_minutes"], hours["remaining_minutes"]) == (90, 210)
    assert till.statement(st["id"])["prepaid_minutes"] == 210


def test_booking_warns_but_does_not_refuse_when_no_prepaid_hours_are_left(till: Till) -> None:
    st = till.student()
    body = {"code": "pack_1h", "kind": "pack", "name": "One hour", "price_cents": 6000, "minutes": 60}
    pack = ok(till.c.post("/api/v1/billing/products", json=body), 201)
    till.invoice(st["id"], {"product_id": pack["id"]})
    start = at(days_ago(-30), 10)
    end = at(days_ago(-30), 11)
    probe = till.lesson_body(st, till.instructor(), till.vehicle(), start, end)
    assert ok(till.c.post("/api/v1/lessons/check", json=probe))["warnings"] == []
    ok(till.complete(_lesson(till, st, 3)))
    check = ok(till.c.post("/api/v1/lessons/check", json=probe))
    assert check["ok"] is True
    [warning] = check["warnings"]
    assert warning["code"] == "billing.prepaid_hours_used_up" and warning["details"]["remaining_minutes"] == 0
    ok(till.c.post("/api/v1/lessons", json=probe), 201)


def _soon(hours: float) -> tuple[str, str]:
    start = (datetime.now(TZ) + timedelta(hours=hours)).replace(second=0, microsecond=0)
    return start.isoformat(), (start + timedelta(hours=1)).isoformat()


def test_a_late_cancel_charges_its_fee_and_an_early_cancel_charges_nothing(till: Till) -> None:
    st = till.adult()
    late = ok(till.book(st, till.instructor(), till.vehicle(), *_soon(2)), 201)
    ok(till.c.post(f"/api/v1/lessons/{late['id']}/cancel", json={"version": 1, "reason": "sick"}))
    [fee] = ok(till.c.get("/api/v1/invoices", params={"student_id": st["id"]}))["items"]
    assert (fee["status"], fee["lesson_id"], fee["subtotal_cents"], fee["total_cents"]) == (
        "issued",
        late["id"],
        4500,
        5085,
    )
    early = ok(till.book(st, till.instructor(), till.vehicle(), *_soon(96)), 201)
    ok(till.c.post(f"/api/v1/lessons/{early['id']}/cancel", json={"version": 1}))
    assert len(ok(till.c.get("/api/v1/invoices", params={"student_id": st["id"]}))["items"]) == 1


def test_a_no_show_charges_its_fee_and_staff_can_waive_it_with_a_reason(till: Till) -> None:
    st = till.adult()
    past = _lesson(till, st, 1)
    ok(till.c.post(f"/api/v1/lessons/{past['id']}/no-show", json={"version": 1}))
    [fee] = ok(till.c.get("/api/v1/invoices", params={"student_id": st["id"]}))["items"]
    assert "no-show" in fee["lines"][0]["description"].lower()
    url = f"/api/v1/invoices/{fee['id']}/waive"
    refused(till.c.post(url, json={}), 422, "money.reason_required")
    waived = ok(till.c.post(url, json={"reason": "Family emergency"}), 201)
    assert (waived["kind"], waived["total_cents"], waived["credit_of_id"]) == (
        "credit_note",
        fee["total_cents"],
        fee["id"],
    )
    assert till.statement(st["id"])["balance_cents"] == 0
    refused(till.c.post(url, json={"reason": "again"}), 409, "fee.already_credited")
    plain = till.invoice(st["id"])
    refused(till.c.post(f"/api/v1/invoices/{plain['id']}/waive", json={"reason": "x"}), 422, "fee.not_a_fee")


def test_crediting_a_pack_takes_its_unused_hours_back_and_booking_then_warns(till: Till) -> None:
    st = till.student()
    pack = till.invoice(st["id"], {"product_id": till.product("pack_5h")["id"]})
    start, end = at(days_ago(-30), 10), at(days_ago(-30), 11)
    probe = till.lesson_body(st, till.instructor(), till.vehicle(), start, end)
    assert ok(till.c.post("/api/v1/lessons/check", json=probe))["warnings"] == []
    ok(till.c.post(f"/api/v1/invoices/{pack['id']}/credit-notes", json={"reason": "Refunded the pack"}), 201)
    hours = ok(till.c.get(f"/api/v1/billing/students/{st['id']}/prepaid"))
    assert (hours["bought_minutes"], hours["used_minutes"], hours["taken_back_minutes"]) == (300, 0, 300)
    assert hours["remaining_minutes"] == 0
    assert till.statement(st["id"])["prepaid_minutes"] == 0
    [warning] = ok(till.c.post("/api/v1/lessons/check", json=probe))["warnings"]
    assert warning["code"] == "billing.prepaid_hours_used_up" and warning["details"]["remaining_minutes"] == 0


def test_crediting_a_pack_never_takes_back_more_than_is_left_unused(till: Till) -> None:
    st = till.student()
    pack = till.invoice(st["id"], {"product_id": till.product("pack_5h")["id"]})
    ok(till.complete(_lesson(till, st, 2, minutes=120)))
    ok(till.complete(_lesson(till, st, 3, minutes=120)))
    ok(till.c.post(f"/api/v1/invoices/{pack['id']}/credit-notes", json={"reason": "Refunded the pack"}), 201)
    hours = ok(till.c.get(f"/api/v1/billing/students/{st['id']}/prepaid"))
    assert (hours["used_minutes"], hours["taken_back_minutes"], hours["remaining_minutes"]) == (240, 60, 0)
    # Nothing left to take back: a second (part) credit writes no entry and the balance stays at zero.
    part = {
        "reason": "Goodwill",
        "lines": [{"description": "Part", "amount_cents": 100, "tax_rate_basis_points": 1300}],
    }
    refused(till.c.post(f"/api/v1/invoices/{pack['id']}/credit-notes", json=part), 409, "credit_note.exceeds_invoice")
    again = ok(till.c.get(f"/api/v1/billing/students/{st['id']}/prepaid"))
    assert again == hours


def test_a_part_credit_on_a_pack_takes_back_its_share_of_the_hours(till: Till) -> None:
    st = till.student()
    pack = till.invoice(st["id"], {"product_id": till.product("pack_5h")["id"]})
    half = pack["subtotal_cents"] // 2
    part = {
        "reason": "Half back",
        "lines": [{"description": "Half", "amount_cents": half, "tax_rate_basis_points": 1300}],
    }
    ok(till.c.post(f"/api/v1/invoices/{pack['id']}/credit-notes", json=part), 201)
    hours = ok(till.c.get(f"/api/v1/billing/students/{st['id']}/prepaid"))
    assert hours["taken_back_minutes"] == 300 * half // pack["subtotal_cents"]
    assert hours["remaining_minutes"] == 300 - hours["taken_back_minutes"]
