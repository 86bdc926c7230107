"""The HST report for a period against a hand computation on seeded invoices and a credit note."""

from __future__ import annotations

import pytest

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, ok
from .helpers import Till, days_back


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


def test_the_hst_report_matches_a_hand_computation(till: Till) -> None:
    s = till.adult()["id"]
    inside = {"invoice_date": days_back(60), "reason": PAPER}
    lesson = {"product_id": till.product("lesson_60")["id"], "quantity": 2}  # 130.00
    car = {"product_id": till.product("road_test_car")["id"]}  # 150.00
    a = till.invoice(s, lesson, car, **inside)
    till.invoice(s, {"description": "Odd", "unit_price_cents": 9999, "tax_rate_basis_points": 1300}, **inside)
    till.invoice(s, {"description": "Zero-rated", "unit_price_cents": 5000, "tax_rate_basis_points": 0}, **inside)
    credit = {
        "reason": "One lesson not taken",
        "credit_date": days_back(50),
        "lines": [{"description": "Lesson", "amount_cents": 6500, "tax_rate_basis_points": 1300}],
    }
    ok(till.c.post(f"/api/v1/invoices/{a['id']}/credit-notes", json=credit), 201)
    till.invoice(s, issue=False, **inside)  # a draft: no sale yet
    till.invoice(s, invoice_date=days_back(10), reason=PAPER)  # after the period
    report = ok(till.c.get("/api/v1/billing/hst-report", params={"start": days_back(90), "end": days_back(30)}))
    # By hand: A = 130.00 + 150.00 = 280.00, HST 13 % = 36.40; B = 99.99, HST 12.9987 -> 13.00;
    # C = 50.00 at 0 %; the credit note takes back 65.00 and 8.45.
    sales = 28_000 + 9_999 + 5_000 - 6_500
    tax = 3_640 + 1_300 - 845
    assert (report["line_101_sales_cents"], report["line_103_tax_collected_cents"]) == (sales, tax)
    assert (report["line_104_adjustments_cents"], report["line_105_total_cents"]) == (0, tax)
    assert (report["invoices"], report["credit_notes"]) == (3, 1)
    assert {r["rate_basis_points"]: (r["sales_cents"], r["tax_cents"]) for r in report["by_rate"]} == {
        0: (5_000, 0),
        1300: (28_000 + 9_999 - 6_500, tax),
    }


def test_a_school_not_registered_collects_no_hst_in_its_report(till: Till) -> None:
    till.settings(hst_registered=False)
    till.invoice(till.adult()["id"])
    report = ok(till.c.get("/api/v1/billing/hst-report", params={"start": days_back(1), "end": days_back(0)}))
    assert (report["line_101_sales_cents"], report["line_103_tax_collected_cents"]) == (6_500, 0)
    assert report["hst_registered"] is False
