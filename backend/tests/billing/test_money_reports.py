"""Revenue and HST per period, receivables by age, and the accountant's CSV, against money entered through
the API: figures worked out by hand (literal), and sums computed here from what the service answered."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from odsm.features.billing.accountant_csv import COLUMNS, dollars, text

from ..conftest import LiveServer
from ..enrollments.builders import PAPER, ok, today
from .helpers import Till, days_back


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


def _revenue(till: Till, year: int, grouping: str) -> dict[str, Any]:
    return ok(till.c.get("/api/v1/billing/revenue", params={"year": year, "grouping": grouping}))


def _credit(till: Till, invoice_id: int, on: str, amount: int, rate: int = 1300) -> dict[str, Any]:
    body = {
        "reason": "One lesson not taken",
        "credit_date": on,
        "lines": [{"description": "Lesson", "amount_cents": amount, "tax_rate_basis_points": rate}],
    }
    return ok(till.c.post(f"/api/v1/invoices/{invoice_id}/credit-notes", json=body), 201)


def test_revenue_and_hst_per_quarter_and_year_match_a_hand_computation(till: Till) -> None:
    s = till.adult()["id"]
    lesson = {"product_id": till.product("lesson_60")["id"], "quantity": 2}  # 2 x 65.00
    car = {"product_id": till.product("road_test_car")["id"]}  # 150.00
    a = till.invoice(s, lesson, invoice_date="2025-04-10", reason=PAPER)
    till.invoice(
        s,
        {"description": "Odd", "unit_price_cents": 9999, "tax_rate_basis_points": 1300},
        invoice_date="2025-05-20",
        reason=PAPER,
    )
    _credit(till, a["id"], "2025-06-30", 6500)
    till.invoice(s, car, invoice_date="2025-07-01", reason=PAPER)
    till.invoice(s, issue=False, invoice_date="2025-05-01", reason=PAPER)  # a draft: no sale

    # By hand, Q2 2025: A 130.00 + HST 16.90; B 99.99 + HST 12.9987 -> 13.00; the credit note on A takes
    # back 65.00 + 8.45. Sales 130.00 + 99.99 - 65.00 = 164.99; HST 16.90 + 13.00 - 8.45 = 21.45.
    # Q3 2025: C 150.00 + HST 19.50. The year: 164.99 + 150.00 = 314.99 and 21.45 + 19.50 = 40.95.
    quarters = _revenue(till, 2025, "quarter")
    figures = {
        p["label"]: (p["revenue_cents"], p["hst_cents"], p["invoices"], p["credit_notes"]) for p in quarters["periods"]
    }
    assert figures == {"Q1": (0, 0, 0, 0), "Q2": (16_499, 2_145, 2, 1), "Q3": (15_000, 1_950, 1, 0), "Q4": (0, 0, 0, 0)}
    assert (quarters["revenue_cents"], quarters["hst_cents"]) == (31_499, 4_095)
    assert quarters["periods"][1]["start"] == "2025-04-01" and quarters["periods"][1]["end"] == "2025-06-30"

    months = {p["label"]: (p["revenue_cents"], p["hst_cents"]) for p in _revenue(till, 2025, "month")["periods"]}
    assert (months["Apr"], months["May"], months["Jun"], months["Jul"]) == (
        (13_000, 1_690),
        (9_999, 1_300),
        (-6_500, -845),
        (15_000, 1_950),
    )
    years = _revenue(till, 2026, "year")["periods"]
    assert [p["label"] for p in years] == ["2022", "2023", "2024", "2025", "2026"]
    assert (years[3]["revenue_cents"], years[3]["hst_cents"]) == (31_499, 4_095)

    # The HST return for Q2 2025 gives the same figures on its lines (101, 103, 104, 105).
    hst = ok(till.c.get("/api/v1/billing/hst-report", params={"start": "2025-04-01", "end": "2025-06-30"}))
    assert (hst["line_101_sales_cents"], hst["line_103_tax_collected_cents"]) == (16_499, 2_145)
    assert (hst["line_104_adjustments_cents"], hst["line_105_total_cents"]) == (0, 2_145)


def test_revenue_per_month_sums_the_invoices_entered(till: Till) -> None:
    s = till.adult()["id"]
    entered = [
        till.invoice(s, till.lesson_line(q), invoice_date=days_back(n), reason=PAPER)
        for q, n in ((1, 0), (2, 20), (3, 40), (1, 70))
    ]
    entered.append(_credit(till, entered[1]["id"], days_back(5), 6500))
    expected: dict[tuple[int, int], list[int]] = {}
    for doc in entered:
        on = date.fromisoformat(doc["invoice_date"])
        sign = 1 if doc["kind"] == "invoice" else -1
        sums = expected.setdefault((on.year, on.month), [0, 0])
        sums[0] += sign * doc["subtotal_cents"]
        sums[1] += sign * doc["tax_cents"]
    for year in {y for y, _m in expected}:
        report = _revenue(till, year, "month")
        got = {(year, m + 1): [p["revenue_cents"], p["hst_cents"]] for m, p in enumerate(report["periods"])}
        assert {k: v for k, v in got.items() if v != [0, 0]} == {k: v for k, v in expected.items() if k[0] == year}


def test_a_year_outside_the_school_years_is_refused_naming_the_field(till: Till) -> None:
    r = till.c.get("/api/v1/billing/revenue", params={"year": 1800})
    assert r.status_code == 422
    assert r.json()["code"] == "validation_failed"
    assert "year" in str(r.json()["details"])


def test_receivables_age_what_each_invoice_still_owes_and_rank_the_students(till: Till) -> None:
    x, y, z = (till.adult()["id"] for _ in range(3))
    recent = till.invoice(x, till.lesson_line(1), invoice_date=days_back(10), reason=PAPER)
    middle = till.invoice(y, till.lesson_line(2), invoice_date=days_back(45), reason=PAPER)
    sixty = till.invoice(y, till.lesson_line(1), invoice_date=days_back(75), reason=PAPER)
    old = till.invoice(y, till.lesson_line(3), invoice_date=days_back(120), reason=PAPER)
    paid = till.invoice(z, till.lesson_line(1), invoice_date=days_back(100), reason=PAPER)
    till.invoice(z, issue=False)  # a draft owes nothing yet
    part = 2_000
    body = {"allocations": [{"invoice_id": old["id"], "amount_cents": part}]}
    assert till.pay(y, part, **body).status_code == 201
    assert till.pay(z, paid["total_cents"]).status_code == 201
    note = _credit(till, sixty["id"], days_back(1), 1_000)

    current = recent["total_cents"]
    d31 = middle["total_cents"]
    d61 = sixty["total_cents"] - note["total_cents"]
    over = old["total_cents"] - part
    got = ok(till.c.get("/api/v1/billing/receivables", params={"limit": 2}))
    assert got["aging"] == {
        "current_cents": current,
        "days_31_60_cents": d31,
        "days_61_90_cents": d61,
        "over_90_cents": over,
    }
    assert got["owing_cents"] == current + d31 + d61 + over
    assert (got["students_owing"], got["invoices_owing"]) == (2, 4)
    assert [(t["student_id"], t["owing_cents"], t["invoices"]) for t in got["top"]] == [
        (y, d31 + d61 + over, 3),
        (x, current, 1),
    ]
    assert got["top"][0]["oldest_invoice_date"] == days_back(120)
    assert got["as_of"] == today().isoformat()


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_accountant_csv_holds_the_periods_invoices_and_payments_in_dollars(till: Till, tmp_path: Path) -> None:
    s = till.adult()["id"]
    a = till.invoice(s, till.lesson_line(2), invoice_date=days_back(20), reason=PAPER)
    b = till.invoice(
        s,
        {"description": "Odd", "unit_price_cents": 9999, "tax_rate_basis_points": 1300},
        invoice_date=days_back(10),
        reason=PAPER,
    )
    note = _credit(till, a["id"], days_back(5), 6500)
    pay = ok(till.pay(s, 10_000, method="cheque", reference="=CHQ 512", received_on=days_back(3), reason=PAPER), 201)
    back = ok(
        till.c.post(
            f"/api/v1/payments/{pay['id']}/refund",
            json={"amount_cents": 1_234, "reason": "Overpaid", "refunded_on": days_back(2)},
        ),
        201,
    )
    till.invoice(s, invoice_date=days_back(60), reason=PAPER)  # before the period
    folder = tmp_path / "accountant"
    folder.mkdir()
    target = folder / "accountant.csv"

    made = ok(
        till.c.post(
            "/api/v1/billing/accountant-csv", json={"start": days_back(30), "end": days_back(0), "file": str(target)}
        ),
        201,
    )
    assert (made["rows"], made["invoices"], made["credit_notes"], made["payments"]) == (5, 2, 1, 2)
    assert sorted(p.name for p in folder.iterdir()) == ["accountant.csv"]  # no partial file left
    with open(target, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == list(COLUMNS)
    rows = _csv(target)
    assert [(r["Date"], r["Type"], r["Number"]) for r in rows] == [
        (days_back(20), "Invoice", a["document_number"]),
        (days_back(10), "Invoice", b["document_number"]),
        (days_back(5), "Credit note", note["document_number"]),
        (days_back(3), "Payment", f"PMT-{pay['id']:06d}"),
        (days_back(2), "Refund", f"PMT-{back['id']:06d}"),
    ]
    assert rows[2]["Refers to"] == a["document_number"]
    assert rows[3]["Refers to"] == f"{a['document_number']} {b['document_number']}"  # oldest first
    assert rows[4]["Refers to"] == f"PMT-{pay['id']:06d}"
    assert (rows[3]["Method"], rows[3]["Reference"]) == ("Cheque", "'=CHQ 512")
    assert (rows[0]["Net"], rows[0]["HST"], rows[0]["Total"], rows[0]["Due date"]) == (
        "130.00",
        "16.90",
        "146.90",
        a["due_on"],
    )
    assert (rows[1]["Net"], rows[1]["HST"], rows[1]["Total"]) == ("99.99", "13.00", "112.99")
    assert (rows[2]["Net"], rows[2]["HST"], rows[2]["Total"]) == ("-65.00", "-8.45", "-73.45")
    assert (rows[3]["Net"], rows[3]["Total"], rows[4]["Total"]) == ("", "100.00", "-12.34")
    assert rows[0]["Description"] == a["lines"][0]["description"]

    def cents(cell: str) -> int:
        whole, part = cell.lstrip("-").split(".")
        return (-1 if cell.startswith("-") else 1) * (int(whole) * 100 + int(part))

    # The sums an accountant would take, against what the service answered when the money was entered.
    sales = sum(cents(r["Total"]) for r in rows if r["Type"] in ("Invoice", "Credit note"))
    assert sales == a["total_cents"] + b["total_cents"] - note["total_cents"]
    assert sum(cents(r["Total"]) for r in rows if r["Type"] in ("Payment", "Refund")) == 10_000 - 1_234


def test_the_accountant_csv_refuses_a_folder_it_cannot_write(till: Till, tmp_path: Path) -> None:
    r = till.c.post(
        "/api/v1/billing/accountant-csv",
        json={"start": days_back(30), "end": days_back(0), "file": str(tmp_path / "gone" / "a.csv")},
    )
    assert r.status_code == 422
    assert r.json()["code"] == "billing.csv_not_writable"
    assert r.json()["details"]["field"] == "file"
    backwards = till.c.post(
        "/api/v1/billing/accountant-csv",
        json={"start": days_back(0), "end": days_back(30), "file": str(tmp_path / "a.csv")},
    )
    assert backwards.status_code == 422 and backwards.json()["code"] == "validation_failed"


def test_dollars_are_worked_out_from_cents_without_a_float_and_formulas_stay_text() -> None:
    assert [dollars(c) for c in (0, 5, -5, 12_345, -100_000_000)] == ["0.00", "0.05", "-0.05", "123.45", "-1000000.00"]
    assert [text(v) for v in ("=1+1", "+x", "-y", "@z", "Ana", None)] == ["'=1+1", "'+x", "'-y", "'@z", "Ana", ""]
