"""The school car rented for a road test, on the student's account: an issued invoice with one line for the
road-test car product, and a credit note when the test is cancelled in time. Called by road tests inside
their own unit of work, so the booking and its invoice commit together or not at all.

The price and the tax rate are the road-test car product's, from the school's price list (the one place a
price is kept); the product also gives the line its place in the revenue reports. The invoice is issued at
once, as a lesson's late-cancel fee is: the rental is decided by the booking, not a quote to edit, and a draft
would stay off the statement."""

from __future__ import annotations

from sqlalchemy.orm import Session

from odsm.features.school.service import load_settings
from odsm.models import ProductKind

from . import invoicing
from . import repository as repo
from .defaults import HST_BASIS_POINTS, ensure_defaults
from .invoicing import Line
from .schemas import CreditLineIn


def road_test_rental_cents(s: Session) -> int:
    """What the school car costs for a road test before tax: the road-test car product's price (nothing when
    the school has no such product)."""
    ensure_defaults(s)
    product = repo.product_by_kind(s, ProductKind.ROAD_TEST_CAR)
    return product.price_cents if product else 0


def charge_road_test_rental(s: Session, student_id: int, amount_cents: int, description: str) -> int:
    """Issues the rental's invoice and returns its id."""
    ensure_defaults(s)
    school = load_settings(s)
    product = repo.product_by_kind(s, ProductKind.ROAD_TEST_CAR)
    rate = product.tax_rate_basis_points if product else HST_BASIS_POINTS
    line = Line(description[:200], 1, amount_cents, rate, product.id if product else None)
    invoice = invoicing.new_document(s, student_id, None, [line])
    s.flush()
    invoicing.issue(s, invoice, school.hst_registered, school.hst_number)
    return invoice.id


def credit_road_test_rental(s: Session, invoice_id: int, reason: str) -> int | None:
    """Credits what is left of the rental's invoice (all of it unless the desk already credited part) and
    returns the credit note's id; None when nothing is left to credit."""
    invoice = invoicing.load_invoice(s, invoice_id)
    notes = repo.credit_notes_of(s, invoice.id)
    lines: list[CreditLineIn] | None = None
    if notes:
        left = invoice.subtotal_cents - sum(n.subtotal_cents for n in notes)
        if left <= 0:
            return None
        rate = invoice.lines[0].tax_rate_basis_points
        lines = [
            CreditLineIn(
                description=f"Credit: {invoice.lines[0].description}"[:200],
                amount_cents=left,
                tax_rate_basis_points=rate,
            )
        ]
    note = invoicing.credit_note(s, invoice, reason, None, lines)
    return note.id
