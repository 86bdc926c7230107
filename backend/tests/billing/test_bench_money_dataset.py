"""The bench's large school (bench/big_dataset.py), built tiny: its money rows hold together as the services keep
them, so the speed figures are measured on data the app could have written.

Nothing placed on an invoice passes its total less its credit notes; every invoice's totals are its lines' at
13 % (or 0 %); each series is numbered 1..n with no gap and its counter stands at n + 1, so the next invoice the
app issues follows on; and a student's statement through the real service adds up to the rows' own sums.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import func, select

from odsm.app import open_database
from odsm.core.config import Settings
from odsm.features.billing.money import totals
from odsm.features.billing.schemas import InvoiceCreate, LineIn
from odsm.features.billing.service import BillingService, InvoiceService
from odsm.models import DocumentCounter, Invoice, InvoiceLine, InvoiceOwing, InvoiceTaxRate, Payment, PaymentAllocation

BENCH = Path(__file__).resolve().parents[3] / "bench" / "big_dataset.py"
STUDENTS, INVOICES, PAYMENTS = 40, 300, 500
AS_OF = date(2026, 11, 20)


def _bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("big_dataset", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("big_dataset", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def school(settings: Settings, database_url: str) -> Settings:
    _bench_module().build(
        settings.data_dir,
        STUDENTS,
        STUDENTS * 2,
        INVOICES,
        PAYMENTS,
        instructors=3,
        vehicles=2,
        database_url=database_url,
    )
    return settings


def test_the_bench_money_rows_are_consistent(school: Settings) -> None:
    db = open_database(school)
    try:
        docs = db.read(lambda s: list(s.scalars(select(Invoice))))
        lines = db.read(lambda s: list(s.scalars(select(InvoiceLine))))
        allocations = db.read(lambda s: list(s.scalars(select(PaymentAllocation))))
        payments = db.read(lambda s: list(s.scalars(select(Payment))))
        counters = db.read(lambda s: dict(s.execute(select(DocumentCounter.name, DocumentCounter.next_number)).all()))
        owing_rows = db.read(lambda s: {r.invoice_id: r.owing_cents for r in s.scalars(select(InvoiceOwing))})
        rate_rows = db.read(
            lambda s: {
                (r.invoice_id, r.rate_basis_points, r.base_cents, r.tax_cents)
                for r in s.scalars(select(InvoiceTaxRate))
            }
        )
    finally:
        db.dispose()
    invoices = [d for d in docs if d.kind == "invoice"]
    notes = [d for d in docs if d.kind == "credit_note"]
    assert len(invoices) == INVOICES and len(payments) == PAYMENTS
    assert notes, "some invoices are credited"
    assert all(d.status == "issued" and d.issued_at is not None for d in docs)

    # Gapless numbers in each series, in date order, and the counters just past them.
    for kind, series in (("invoice", invoices), ("credit_note", notes)):
        by_number = sorted(series, key=lambda d: d.number or 0)
        assert [d.number for d in by_number] == list(range(1, len(series) + 1))
        assert [d.invoice_date for d in by_number] == sorted(d.invoice_date for d in series)
        assert counters[kind] == len(series) + 1

    # Totals are their lines', tax per rate on the rate's total.
    lines_of: dict[int, list[InvoiceLine]] = {}
    for line in lines:
        lines_of.setdefault(line.invoice_id, []).append(line)
    expected_rates: set[tuple[int, int, int, int]] = set()
    for d in docs:
        t = totals(((x.amount_cents, x.tax_rate_basis_points) for x in lines_of[d.id]), registered=True)
        assert (d.subtotal_cents, d.tax_cents, d.total_cents) == (t.subtotal_cents, t.tax_cents, t.total_cents)
        assert {x.tax_rate_basis_points for x in lines_of[d.id]} <= {0, 1300}
        for rate in {x.tax_rate_basis_points for x in lines_of[d.id]}:
            base = sum(x.amount_cents for x in lines_of[d.id] if x.tax_rate_basis_points == rate)
            tax = next((x.tax_cents for x in t.taxes if x.rate_basis_points == rate), 0)
            expected_rates.add((d.id, rate, base, tax))
    # The totals per rate the HST report adds up are the documents' own.
    assert rate_rows == expected_rates

    # What is placed on an invoice, with its credit notes, never passes its total; no allocation is on a note.
    paid: dict[int, int] = {}
    for a in allocations:
        assert a.amount_cents > 0
        paid[a.invoice_id] = paid.get(a.invoice_id, 0) + a.amount_cents
    credited: dict[int, int] = {}
    for n in notes:
        assert n.credit_of_id is not None
        credited[n.credit_of_id] = credited.get(n.credit_of_id, 0) + n.total_cents
    by_id = {d.id: d for d in docs}
    assert all(by_id[i].kind == "invoice" for i in paid)
    for d in invoices:
        assert paid.get(d.id, 0) + credited.get(d.id, 0) <= d.total_cents
    assert any(paid.get(d.id, 0) + credited.get(d.id, 0) < d.total_cents for d in invoices), "some are unpaid"
    placed = {p.id: 0 for p in payments}
    for a in allocations:
        placed[a.payment_id] += a.amount_cents
    assert all(placed[p.id] <= p.amount_cents for p in payments)
    assert any(placed[p.id] < p.amount_cents for p in payments), "some money is left on account"

    # The open invoices' stored figures are what the rows leave owing, and only those that owe have one.
    left = {d.id: d.total_cents - paid.get(d.id, 0) - credited.get(d.id, 0) for d in invoices}
    assert owing_rows == {i: cents for i, cents in left.items() if cents > 0}


def test_the_statement_through_the_service_matches_the_rows(school: Settings) -> None:
    db = open_database(school)
    try:
        busiest = db.read(
            lambda s: (
                s.execute(
                    select(Invoice.student_id).group_by(Invoice.student_id).order_by(func.count().desc()).limit(3)
                )
                .scalars()
                .all()
            )
        )
        for student_id in busiest:
            docs = db.read(lambda s, sid=student_id: list(s.scalars(select(Invoice).where(Invoice.student_id == sid))))
            pays = db.read(lambda s, sid=student_id: list(s.scalars(select(Payment).where(Payment.student_id == sid))))
            ids = [d.id for d in docs]
            placed = db.read(
                lambda s, ids=ids: int(
                    s.scalar(
                        select(func.sum(PaymentAllocation.amount_cents)).where(PaymentAllocation.invoice_id.in_(ids))
                    )
                    or 0
                )
            )
            charges = sum(d.total_cents for d in docs if d.kind == "invoice")
            credits = sum(d.total_cents for d in docs if d.kind == "credit_note")
            paid_in = sum(p.amount_cents for p in pays)

            statement = BillingService(db).statement(student_id, AS_OF)

            assert statement.charges_cents == charges
            assert statement.credits_cents == credits
            assert statement.payments_cents == paid_in
            assert statement.balance_cents == charges - credits - paid_in
            assert statement.owing_cents == charges - credits - placed
            assert len(statement.lines) == len(docs) + len(pays)
    finally:
        db.dispose()


def test_the_next_invoice_the_app_issues_follows_the_bench_numbers(school: Settings) -> None:
    db = open_database(school)
    try:
        line = LineIn(description="Lesson", unit_price_cents=6_500, tax_rate_basis_points=1300)
        made = InvoiceService(db).create(InvoiceCreate(student_id=1, lines=[line], issue=True))
    finally:
        db.dispose()
    assert made.number == INVOICES + 1
    assert made.document_number == f"INV-{INVOICES + 1:06d}"
