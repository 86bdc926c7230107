"""The Billing screen's invoices list: unpaid and overdue decided in the database, before the page's limit."""

from __future__ import annotations

from typing import Any

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, ok
from .helpers import Till, days_back

LESSON = 7345  # one 1-hour lesson, 65.00 + 13 % HST


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


def listed(till: Till, **params: Any) -> dict[str, Any]:
    return ok(till.c.get("/api/v1/invoices", params=params))


def test_the_unpaid_list_finds_open_invoices_behind_a_page_of_paid_ones(till: Till) -> None:
    owing = till.adult()
    owes, pays = owing["id"], till.adult()["id"]
    open_ids = [till.invoice(owes)["id"] for _ in range(2)]
    for _ in range(4):  # newer, and all paid: they come first in date order
        paid = till.invoice(pays)
        ok(till.pay(pays, LESSON, allocations=[{"invoice_id": paid["id"], "amount_cents": LESSON}]), 201)
    page = listed(till, unpaid=True, limit=3)
    assert sorted(i["id"] for i in page["items"]) == sorted(open_ids)
    assert (page["total"], page["owing_total_cents"]) == (2, 2 * LESSON)
    assert {i["student_name"] for i in page["items"]} == {f"{owing['first_name']} {owing['last_name']}"}
    assert all(i["owing_cents"] == LESSON for i in page["items"])


def test_part_paid_is_unpaid_and_fully_credited_is_not(till: Till) -> None:
    s = till.adult()["id"]
    part = till.invoice(s)
    credited = till.invoice(s)
    ok(till.pay(s, 1000, allocations=[{"invoice_id": part["id"], "amount_cents": 1000}]), 201)
    ok(till.c.post(f"/api/v1/invoices/{credited['id']}/credit-notes", json={"reason": "Lesson not taken"}), 201)
    till.invoice(s, issue=False)  # a draft owes nothing yet
    page = listed(till, unpaid=True, student_id=s)
    assert [(i["id"], i["owing_cents"]) for i in page["items"]] == [(part["id"], LESSON - 1000)]
    assert page["owing_total_cents"] == LESSON - 1000


def test_overdue_is_unpaid_past_the_school_terms(till: Till) -> None:
    s = till.adult()["id"]
    late = till.invoice(s, invoice_date=days_back(45), reason=PAPER)  # due after 30 days: 15 days late
    till.invoice(s, invoice_date=days_back(10), reason=PAPER)  # not due yet
    settled = till.invoice(s, invoice_date=days_back(60), reason=PAPER)
    ok(till.pay(s, LESSON, allocations=[{"invoice_id": settled["id"], "amount_cents": LESSON}]), 201)
    page = listed(till, overdue=True)
    assert [i["id"] for i in page["items"]] == [late["id"]]
    assert page["items"][0]["due_on"] == days_back(15)


def test_the_list_pages_and_filters_by_date(till: Till) -> None:
    s = till.adult()["id"]
    made = [till.invoice(s, invoice_date=days_back(n), reason=PAPER)["id"] for n in (20, 15, 10, 5, 2)]
    first = listed(till, limit=2, offset=0)
    second = listed(till, limit=2, offset=2)
    assert (first["total"], first["offset"], first["limit"], first["owing_total_cents"]) == (5, 0, 2, None)
    assert [i["id"] for i in first["items"] + second["items"]] == made[::-1][:4]
    window = listed(till, start=days_back(16), end=days_back(4))
    assert [i["id"] for i in window["items"]] == [made[3], made[2], made[1]]
    assert window["total"] == 3


def test_the_unpaid_list_follows_refunds_reversals_and_part_credits(till: Till) -> None:
    """What the list says each open invoice owes is what the invoice itself says (its payments and credit notes
    summed on read), after every kind of money write that changes it."""
    s = till.adult()["id"]
    refunded, bounced, part_credited, settled = (till.invoice(s) for _ in range(4))
    cash = ok(till.pay(s, LESSON, allocations=[{"invoice_id": refunded["id"], "amount_cents": LESSON}]), 201)
    cheque = ok(
        till.pay(s, LESSON, method="cheque", allocations=[{"invoice_id": bounced["id"], "amount_cents": LESSON}]), 201
    )
    ok(till.pay(s, LESSON, allocations=[{"invoice_id": settled["id"], "amount_cents": LESSON}]), 201)
    assert [i["id"] for i in listed(till, unpaid=True, student_id=s)["items"]] == [part_credited["id"]]
    ok(till.c.post(f"/api/v1/payments/{cash['id']}/refund", json={"amount_cents": 2000, "reason": "Overcharged"}), 201)
    ok(till.c.post(f"/api/v1/payments/{cheque['id']}/reverse", json={"reason": "Cheque returned NSF"}), 201)
    part = {"description": "Part", "amount_cents": 1000, "tax_rate_basis_points": 1300}  # 11.30 with HST
    credit = {"reason": "Shorter lesson", "lines": [part]}
    ok(till.c.post(f"/api/v1/invoices/{part_credited['id']}/credit-notes", json=credit), 201)

    page = listed(till, unpaid=True, student_id=s)
    ids = (refunded["id"], bounced["id"], part_credited["id"], settled["id"])
    own = {i: till.invoice_now(i)["owing_cents"] for i in ids}
    assert own[settled["id"]] == 0
    assert {i["id"]: i["owing_cents"] for i in page["items"]} == {i: cents for i, cents in own.items() if cents > 0}
    assert own[refunded["id"]] == 2000 and own[bounced["id"]] == LESSON and own[part_credited["id"]] == LESSON - 1130
    assert (page["total"], page["owing_total_cents"]) == (3, sum(own.values()))
