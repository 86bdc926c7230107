"""Payments: partial, oldest invoice first unless chosen, overpayment kept as credit; refunds and reversals."""

from __future__ import annotations

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import ok, refused
from .helpers import Till, days_back

LESSON = 7345  # one 1-hour lesson, 65.00 + 13 % HST


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


def test_a_partial_payment_goes_to_the_oldest_invoice_first(till: Till) -> None:
    s = till.adult()["id"]
    older = till.invoice(s, invoice_date=days_back(1))
    newer = till.invoice(s)
    paid = ok(till.pay(s, 5000, method="cash"), 201)
    assert [(a["invoice_id"], a["amount_cents"]) for a in paid["allocations"]] == [(older["id"], 5000)]
    assert (till.invoice_now(older["id"])["owing_cents"], till.invoice_now(newer["id"])["owing_cents"]) == (
        LESSON - 5000,
        LESSON,
    )


def test_the_desk_may_choose_the_invoice(till: Till) -> None:
    s = till.adult()["id"]
    till.invoice(s, invoice_date=days_back(1))
    newer = till.invoice(s)
    body = {
        "allocations": [{"invoice_id": newer["id"], "amount_cents": LESSON}],
        "method": "cheque",
        "reference": "Cheque 104",
    }
    paid = ok(till.pay(s, LESSON, **body), 201)
    assert paid["allocations"][0]["invoice_id"] == newer["id"] and paid["reference"] == "Cheque 104"
    assert till.invoice_now(newer["id"])["owing_cents"] == 0


def test_paying_more_than_is_owed_keeps_the_rest_as_credit_used_later(till: Till) -> None:
    s = till.adult()["id"]
    till.invoice(s)
    paid = ok(till.pay(s, 10_000), 201)
    assert paid["unallocated_cents"] == 10_000 - LESSON
    account = till.statement(s)
    assert (account["balance_cents"], account["account_credit_cents"]) == (LESSON - 10_000, 10_000 - LESSON)
    later = till.invoice(s)
    applied = ok(till.c.post(f"/api/v1/billing/students/{s}/apply-credit"))
    assert applied["account_credit_cents"] == 0
    assert till.invoice_now(later["id"])["owing_cents"] == 2 * LESSON - 10_000


def test_applying_credit_with_none_on_account_is_refused(till: Till) -> None:
    s = till.adult()["id"]
    till.invoice(s)
    refused(till.c.post(f"/api/v1/billing/students/{s}/apply-credit"), 409, "account.no_credit")


def test_a_payment_cannot_go_to_another_students_invoice(till: Till) -> None:
    mine, theirs = till.adult()["id"], till.adult()["id"]
    other = till.invoice(theirs)
    r = till.pay(mine, 1000, allocations=[{"invoice_id": other["id"], "amount_cents": 1000}])
    assert refused(r, 422, "payment.other_students_invoice")["field"] == "allocations.0.invoice_id"
    assert ok(till.c.get("/api/v1/payments", params={"student_id": mine}))["items"] == []


def test_placing_more_on_an_invoice_than_it_owes_is_refused(till: Till) -> None:
    s = till.adult()["id"]
    inv = till.invoice(s)
    r = till.pay(s, 9000, allocations=[{"invoice_id": inv["id"], "amount_cents": 9000}])
    assert refused(r, 422, "payment.exceeds_invoice_balance")["owing_cents"] == LESSON


def test_a_refund_needs_a_reason_and_cannot_exceed_what_was_paid(till: Till) -> None:
    s = till.adult()["id"]
    till.invoice(s)
    paid = ok(till.pay(s, 10_000), 201)
    url = f"/api/v1/payments/{paid['id']}/refund"
    refused(till.c.post(url, json={"amount_cents": 1000}), 422, "money.reason_required")
    details = refused(till.c.post(url, json={"amount_cents": 10_001, "reason": "Overpaid"}), 409, "refund.exceeds_paid")
    assert details["most_cents"] == 10_000
    # The credit on account goes back first: the invoice still stands paid.
    back = ok(till.c.post(url, json={"amount_cents": 10_000 - LESSON, "reason": "Overpaid"}), 201)
    assert (back["kind"], back["refers_to_id"]) == ("refund", paid["id"])
    assert till.statement(s)["balance_cents"] == 0
    # Then from the invoice, which owes again.
    ok(till.c.post(url, json={"amount_cents": 1000, "reason": "Lesson not taken"}), 201)
    assert till.statement(s)["owing_cents"] == 1000
    refused(till.c.post(url, json={"amount_cents": LESSON - 999, "reason": "again"}), 409, "refund.exceeds_paid")


def test_a_bounced_cheque_is_reversed_with_a_reason_and_the_invoice_owes_again(till: Till) -> None:
    s = till.adult()["id"]
    inv = till.invoice(s)
    paid = ok(till.pay(s, LESSON, method="cheque", reference="Cheque 77"), 201)
    url = f"/api/v1/payments/{paid['id']}/reverse"
    refused(till.c.post(url, json={}), 422, "money.reason_required")
    rev = ok(till.c.post(url, json={"reason": "Returned NSF"}), 201)
    assert (rev["kind"], rev["amount_cents"]) == ("reversal", LESSON)
    assert till.invoice_now(inv["id"])["owing_cents"] == LESSON
    refused(till.c.post(f"/api/v1/payments/{rev['id']}/refund", json={"reason": "x"}), 422, "refund.not_a_payment")


def test_a_payment_dated_ahead_is_refused_and_a_late_one_needs_a_reason(till: Till) -> None:
    s = till.adult()["id"]
    refused(till.pay(s, 100, received_on=days_back(-1)), 422, "money.future_date")
    refused(till.pay(s, 100, received_on=days_back(9)), 422, "money.backdate_needs_reason")
    ok(till.pay(s, 100, received_on=days_back(9), reason="Cash from the Saturday envelope"), 201)
    ok(till.pay(s, 100, received_on=days_back(1)), 201)


def test_a_retried_payment_with_its_key_lands_once(till: Till) -> None:
    s = till.adult()["id"]
    body = {"student_id": s, "method": "cash", "amount_cents": 2500}
    headers = {"Idempotency-Key": "pay-once-7c1d"}
    first = ok(till.c.post("/api/v1/payments", json=body, headers=headers), 201)
    again = ok(till.c.post("/api/v1/payments", json=body, headers=headers), 201)
    assert first["id"] == again["id"]
    assert len(ok(till.c.get("/api/v1/payments", params={"student_id": s}))["items"]) == 1


def test_placing_more_than_the_payment_on_invoices_is_refused(till: Till) -> None:
    s = till.adult()["id"]
    a, b = till.invoice(s), till.invoice(s)
    chosen = [{"invoice_id": a["id"], "amount_cents": 4000}, {"invoice_id": b["id"], "amount_cents": 4000}]
    refused(till.pay(s, 7000, allocations=chosen), 422, "payment.allocations_exceed_payment")
    paid = ok(till.pay(s, 8000, allocations=chosen), 201)
    assert paid["unallocated_cents"] == 0
