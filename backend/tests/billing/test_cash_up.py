"""The end-of-day cash-up against sums computed here from the money entered through the service."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, ok, refused
from .helpers import Till, days_back

METHODS = ["cash", "debit", "credit_card", "e_transfer", "cheque"]


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


def cash_up(till: Till, day: str) -> dict[str, Any]:
    return ok(till.c.get("/api/v1/billing/cash-up", params={"day": day}))


def by_method(section: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    return {m["method"]: (m["count"], m["total_cents"]) for m in section}


def test_the_cash_up_counts_the_day_by_method_with_refunds_and_reversals_apart(till: Till) -> None:
    ann_row = till.adult()
    ann, ben = ann_row["id"], till.adult()["id"]
    till.invoice(ann)
    till.invoice(ben)
    taken = [
        (ann, "cash", 4000),
        (ann, "cash", 2550),
        (ben, "debit", 7345),
        (ben, "credit_card", 12001),
        (ann, "e_transfer", 999),
        (ben, "cheque", 5000),
    ]
    ids = [ok(till.pay(student, amount, method=method), 201)["id"] for student, method, amount in taken]
    # Yesterday's payment belongs to yesterday's cash-up.
    ok(till.pay(ann, 3000, method="cash", received_on=days_back(1), reason=PAPER), 201)
    refund = ok(
        till.c.post(f"/api/v1/payments/{ids[0]}/refund", json={"amount_cents": 1500, "reason": "Overpaid"}), 201
    )
    reversal = ok(till.c.post(f"/api/v1/payments/{ids[5]}/reverse", json={"reason": "Cheque returned NSF"}), 201)

    expected: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, method, amount in taken:
        expected[method][0] += 1
        expected[method][1] += amount
    today = cash_up(till, days_back(0))
    assert by_method(today["payments"]) == {m: tuple(expected[m]) for m in METHODS}
    assert [m["method"] for m in today["payments"]] == METHODS
    assert today["payments_count"] == len(taken)
    assert today["payments_total_cents"] == sum(a for _, _, a in taken)
    assert (today["refunds_count"], today["refunds_total_cents"]) == (1, 1500)
    assert by_method(today["refunds"])["cash"] == (1, 1500)
    assert (today["reversals_count"], today["reversals_total_cents"]) == (1, 5000)
    assert by_method(today["reversals"])["cheque"] == (1, 5000)
    assert today["net_cents"] == sum(a for _, _, a in taken) - 1500 - 5000
    assert [(t["id"], t["kind"], t["amount_cents"], t["reason"]) for t in today["taken_back"]] == [
        (refund["id"], "refund", 1500, "Overpaid"),
        (reversal["id"], "reversal", 5000, "Cheque returned NSF"),
    ]
    assert today["taken_back"][0]["student_name"] == f"{ann_row['first_name']} {ann_row['last_name']}"

    yesterday = cash_up(till, days_back(1))
    assert (yesterday["payments_count"], yesterday["payments_total_cents"]) == (1, 3000)
    assert yesterday["taken_back"] == []


def test_a_quiet_day_has_every_method_at_zero(till: Till) -> None:
    day = cash_up(till, days_back(3))
    assert by_method(day["payments"]) == {m: (0, 0) for m in METHODS}
    assert (day["payments_total_cents"], day["net_cents"]) == (0, 0)


def test_the_cash_up_refuses_a_day_that_is_not_a_date(till: Till) -> None:
    details = refused(till.c.get("/api/v1/billing/cash-up", params={"day": "02/12/2026"}), 422, "validation_failed")
    assert "day" in str(details)
