"""Products and prices, invoices and credit notes, through the real API on a real database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from odsm.models import Invoice

from ..conftest import LiveServer
from ..enrollments.builders import ok, refused
from .helpers import Till, days_back


@pytest.fixture
def till(live: LiveServer) -> Till:
    return Till(live)


def test_the_school_starts_with_priced_products_at_13_percent(till: Till) -> None:
    items = ok(till.c.get("/api/v1/billing/products"))["items"]
    kinds = {p["kind"] for p in items}
    assert kinds == {"course", "lesson", "pack", "road_test_car", "late_cancel_fee", "no_show_fee"}
    assert all(p["tax_rate_basis_points"] == 1300 and p["price_cents"] > 0 for p in items)
    assert {p["minutes"] for p in items if p["kind"] == "lesson"} == {60, 90, 120}


def test_a_product_price_changes_and_a_stale_edit_is_a_conflict(till: Till) -> None:
    p = till.product("lesson_60")
    out = ok(till.c.patch(f"/api/v1/billing/products/{p['id']}", json={"version": p["version"], "price_cents": 7000}))
    assert out["price_cents"] == 7000
    stale = till.c.patch(f"/api/v1/billing/products/{p['id']}", json={"version": p["version"], "price_cents": 1})
    refused(stale, 409, "product.version_conflict")


def test_a_product_code_is_unique(till: Till) -> None:
    body = {"code": "lesson_60", "kind": "lesson", "name": "Again", "price_cents": 100, "minutes": 60}
    till.product("lesson_60")
    refused(till.c.post("/api/v1/billing/products", json=body), 409, "product.code_taken")


def test_a_price_in_dollars_with_cents_as_a_fraction_is_refused_by_field(till: Till) -> None:
    body = {"code": "odd", "kind": "lesson", "name": "Odd", "price_cents": 65.5}
    details = refused(till.c.post("/api/v1/billing/products", json=body), 422, "validation_failed")
    assert details["fields"][0]["field"] == "price_cents"


def test_issuing_numbers_invoices_in_sequence_with_hst_per_rate_half_up(till: Till) -> None:
    s = till.adult()
    till.settings(hst_registered=True, hst_number="123456789RT0001")
    line = {"description": "Half lesson", "unit_price_cents": 50, "tax_rate_basis_points": 1300, "quantity": 3}
    first = till.invoice(s["id"], line)
    second = till.invoice(s["id"], till.lesson_line())
    assert (first["status"], second["number"] - first["number"]) == ("issued", 1)
    assert first["document_number"].startswith("INV-")
    assert (first["subtotal_cents"], first["tax_cents"], first["total_cents"]) == (150, 20, 170)
    assert first["hst_number"] == "123456789RT0001" and "half-up" in first["tax_note"]
    assert (second["tax_cents"], second["total_cents"]) == (845, 7345)


def test_a_school_not_registered_issues_invoices_without_tax(till: Till) -> None:
    till.settings(hst_registered=False)
    inv = till.invoice(till.adult()["id"])
    assert (inv["tax_cents"], inv["total_cents"], inv["hst_number"], inv["taxes"]) == (0, 6500, "", [])
    assert "not registered" in inv["tax_note"]


def test_a_draft_changes_until_issued_and_a_stale_edit_is_a_conflict(till: Till) -> None:
    draft = till.invoice(till.adult()["id"], issue=False)
    assert (draft["status"], draft["number"]) == ("draft", None)
    changed = ok(
        till.c.patch(
            f"/api/v1/invoices/{draft['id']}", json={"version": draft["version"], "lines": [till.lesson_line(2)]}
        )
    )
    assert changed["subtotal_cents"] == 13000
    stale = till.c.patch(f"/api/v1/invoices/{draft['id']}", json={"version": draft["version"], "notes": "x"})
    refused(stale, 409, "invoice.version_conflict")
    issued = ok(till.c.post(f"/api/v1/invoices/{draft['id']}/issue", json={"version": changed["version"]}))
    assert issued["status"] == "issued" and issued["number"] is not None


def test_an_issued_invoice_is_never_edited_nor_issued_again(till: Till) -> None:
    inv = till.invoice(till.adult()["id"])
    r = till.c.patch(f"/api/v1/invoices/{inv['id']}", json={"version": inv["version"], "notes": "changed"})
    details = refused(r, 409, "invoice.issued_immutable")
    assert details["number"] == inv["document_number"]
    refused(
        till.c.post(f"/api/v1/invoices/{inv['id']}/issue", json={"version": inv["version"]}),
        409,
        "invoice.issued_immutable",
    )
    assert till.invoice_now(inv["id"])["notes"] is None


def test_a_credit_note_refers_to_its_invoice_and_cannot_exceed_it(till: Till) -> None:
    inv = till.invoice(till.adult()["id"], till.lesson_line(2))  # 130.00 + 16.90
    part = {
        "lines": [{"description": "Lesson cut short", "amount_cents": 6500, "tax_rate_basis_points": 1300}],
        "reason": "Instructor ill",
    }
    note = ok(till.c.post(f"/api/v1/invoices/{inv['id']}/credit-notes", json=part), 201)
    assert (note["kind"], note["credit_of_id"], note["total_cents"]) == ("credit_note", inv["id"], 7345)
    assert note["document_number"].startswith("CN-")
    too_much = till.c.post(
        f"/api/v1/invoices/{inv['id']}/credit-notes",
        json={**part, "lines": [{"description": "More", "amount_cents": 6501, "tax_rate_basis_points": 1300}]},
    )
    details = refused(too_much, 409, "credit_note.exceeds_invoice")
    assert (details["already_credited_cents"], details["most_cents"]) == (7345, 7345)
    rest = ok(till.c.post(f"/api/v1/invoices/{inv['id']}/credit-notes", json=part), 201)
    assert rest["total_cents"] == 7345
    assert till.invoice_now(inv["id"])["owing_cents"] == 0


def test_a_credit_note_needs_a_reason_and_an_issued_invoice(till: Till) -> None:
    s = till.adult()["id"]
    inv = till.invoice(s)
    refused(till.c.post(f"/api/v1/invoices/{inv['id']}/credit-notes", json={}), 422, "money.reason_required")
    draft = till.invoice(s, issue=False)
    refused(
        till.c.post(f"/api/v1/invoices/{draft['id']}/credit-notes", json={"reason": "x"}), 409, "invoice.not_issued"
    )


def test_bill_to_is_the_guardian_for_a_minor_and_the_student_for_an_adult(till: Till) -> None:
    minor = till.student(date_of_birth=days_back(17 * 365), guardian_name="Ngozi Okafor")
    adult = till.adult()
    assert (till.invoice(minor["id"])["bill_to_name"], till.invoice(minor["id"])["bill_to_kind"]) == (
        "Ngozi Okafor",
        "guardian",
    )
    assert till.invoice(adult["id"])["bill_to_kind"] == "student"


def test_an_invoice_with_a_bad_line_saves_nothing(till: Till, live: LiveServer) -> None:
    s = till.adult()["id"]
    body = {"student_id": s, "lines": [till.lesson_line(), {"product_id": 999_999}], "issue": True}
    refused(till.c.post("/api/v1/invoices", json=body), 404, "product.not_found")
    count = live.db.read(lambda session: session.scalar(select(func.count()).select_from(Invoice)))
    assert count == 0


def test_a_money_date_in_the_future_is_refused_and_a_back_dated_one_needs_a_reason(till: Till) -> None:
    s = till.adult()["id"]
    body = {"student_id": s, "lines": [till.lesson_line()]}
    future = till.c.post("/api/v1/invoices", json={**body, "invoice_date": days_back(-1)})
    assert refused(future, 422, "money.future_date")["field"] == "invoice_date"
    old = till.c.post("/api/v1/invoices", json={**body, "invoice_date": days_back(10)})
    assert refused(old, 422, "money.backdate_needs_reason")["grace_hours"] == 48
    ok(till.c.post("/api/v1/invoices", json={**body, "invoice_date": days_back(10), "reason": "Paper invoice"}), 201)
    ok(till.c.post("/api/v1/invoices", json={**body, "invoice_date": days_back(2)}), 201)


def test_enrolling_makes_the_course_invoice_as_a_draft_or_issued_by_the_setting(till: Till) -> None:
    course = till.course(price_cents=69_900)
    first = till.enrollment(till.adult()["id"], course["id"])
    [draft] = ok(till.c.get("/api/v1/invoices", params={"student_id": first["student_id"]}))["items"]
    assert (draft["status"], draft["enrollment_id"], draft["subtotal_cents"]) == ("draft", first["id"], 69_900)
    current = ok(till.c.get("/api/v1/billing/settings"))
    ok(
        till.c.patch(
            "/api/v1/billing/settings", json={"version": current["version"], "enrolment_invoice_status": "issued"}
        )
    )
    second = till.enrollment(till.adult()["id"], course["id"])
    [issued] = ok(till.c.get("/api/v1/invoices", params={"student_id": second["student_id"]}))["items"]
    assert (issued["status"], issued["total_cents"]) == ("issued", 78_987)


def test_every_money_record_joins_the_audit_chain(till: Till) -> None:
    inv = till.invoice(till.adult()["id"])
    till.pay(inv["student_id"], 10_000)
    verify = ok(till.c.get("/api/v1/audit/verify"))
    assert verify["ok"] and verify["drifted_records"] == [], verify
    history = ok(till.c.get("/api/v1/audit", params={"student_id": inv["student_id"]}))["items"]
    assert [(e["entity"], e["action"]) for e in history[:2]] == [("payments", "create"), ("invoices", "issue")]


def test_a_retired_product_is_not_sold_but_an_active_one_is(till: Till) -> None:
    p = till.product("lesson_120")
    s = till.adult()["id"]
    till.invoice(s, {"product_id": p["id"]})
    ok(till.c.patch(f"/api/v1/billing/products/{p['id']}", json={"version": p["version"], "active": False}))
    body = {"student_id": s, "lines": [{"product_id": p["id"]}]}
    assert refused(till.c.post("/api/v1/invoices", json=body), 422, "product.inactive")["product_id"] == p["id"]


def test_a_credit_note_corrects_an_invoice_never_another_credit_note(till: Till) -> None:
    inv = till.invoice(till.adult()["id"])
    note = ok(till.c.post(f"/api/v1/invoices/{inv['id']}/credit-notes", json={"reason": "Wrong student"}), 201)
    assert note["total_cents"] == inv["total_cents"]
    again = till.c.post(f"/api/v1/invoices/{note['id']}/credit-notes", json={"reason": "Undo"})
    refused(again, 422, "credit_note.of_credit_note")


def test_billing_settings_change_and_a_stale_change_is_a_conflict(till: Till) -> None:
    current = ok(till.c.get("/api/v1/billing/settings"))
    assert (current["enrolment_invoice_status"], current["payment_terms_days"]) == ("draft", 30)
    changed = ok(
        till.c.patch("/api/v1/billing/settings", json={"version": current["version"], "payment_terms_days": 14})
    )
    assert changed["payment_terms_days"] == 14
    stale = till.c.patch("/api/v1/billing/settings", json={"version": current["version"], "payment_terms_days": 7})
    refused(stale, 409, "billing_settings.version_conflict")
    inv = till.invoice(till.adult()["id"])
    assert (date.fromisoformat(inv["due_on"]) - date.fromisoformat(inv["invoice_date"])).days == 14


def test_an_invoice_over_a_million_dollars_is_refused_by_field(till: Till) -> None:
    line = {"description": "Fleet", "unit_price_cents": 100_000_000, "quantity": 2}
    body = {"student_id": till.adult()["id"], "lines": [line]}
    details = refused(till.c.post("/api/v1/invoices", json=body), 422, "validation_failed")
    assert details["fields"][0]["field"] == "lines" and details["fields"][0]["rule"] == "max_total"
    ok(till.c.post("/api/v1/invoices", json={**body, "lines": [{**line, "quantity": 1}]}), 201)
