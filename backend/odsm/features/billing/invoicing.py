"""Invoices and credit notes: lines, totals, issuing under the gapless counter, and the rules that keep an
issued invoice as it was issued (a correction is a credit note that refers to it, never an edit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from odsm.core.errors import ValidationFailed
from odsm.core.orm import utcnow
from odsm.features.school.clock import local_today
from odsm.features.school.service import load_settings
from odsm.features.students.service import load_student
from odsm.models import DocumentKind, Invoice, InvoiceLine, InvoiceStatus, Product, ProductKind, Student

from . import repository as repo
from .defaults import ensure_defaults
from .errors import (
    CreditNoteExceedsInvoice,
    CreditNoteOfCreditNote,
    InvoiceEmpty,
    InvoiceIssuedImmutable,
    InvoiceNotFound,
    InvoiceNotIssued,
    ProductInactive,
    ProductNotFound,
    ReasonRequired,
)
from .money import NOT_REGISTERED_NOTE, TAX_NOTE, Totals, document_number, rate_totals, totals
from .money_dates import check_money_date
from .prepaid import credit_pack_minutes, take_back_pack_minutes
from .schemas import CreditLineIn, InvoiceRead, LineIn, LineRead, TaxLine

ADULT_AGE = 18


@dataclass(frozen=True)
class Line:
    """A line as it is priced: from a product, or free."""

    description: str
    quantity: int
    unit_price_cents: int
    tax_rate_basis_points: int
    product_id: int | None = None
    prepaid_minutes: int = 0


def load_invoice(s: Session, invoice_id: int) -> Invoice:
    row = s.get(Invoice, invoice_id)
    if row is None:
        raise InvoiceNotFound(details={"invoice_id": invoice_id})
    return row


def _age_on(student: Student, on: date) -> int:
    born = student.date_of_birth
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def bill_to(student: Student, on: date) -> tuple[str, str]:
    """The student, or the guardian on file when the student is a minor on the invoice's date."""
    if _age_on(student, on) < ADULT_AGE and student.guardian_name:
        return student.guardian_name, "guardian"
    return f"{student.first_name} {student.last_name}", "student"


def priced(s: Session, given: LineIn) -> Line:
    if given.product_id is None:
        if given.description is None or given.unit_price_cents is None:
            raise ValidationFailed.for_field(
                "lines.description", "required", "A line without a product needs a description and a price."
            )
        rate = 1300 if given.tax_rate_basis_points is None else given.tax_rate_basis_points
        return Line(given.description, given.quantity, given.unit_price_cents, rate)
    product = s.get(Product, given.product_id)
    if product is None:
        raise ProductNotFound(details={"product_id": given.product_id, "field": "lines.product_id"})
    if not product.active:
        raise ProductInactive(details={"product_id": product.id, "name": product.name})
    pack = (product.minutes or 0) if product.kind == ProductKind.PACK else 0
    return Line(
        given.description or product.name,
        given.quantity,
        product.price_cents if given.unit_price_cents is None else given.unit_price_cents,
        product.tax_rate_basis_points if given.tax_rate_basis_points is None else given.tax_rate_basis_points,
        product.id,
        pack * given.quantity,
    )


# One million dollars: far above any driving school's invoice, and far inside the columns' 32-bit integers.
MAX_INVOICE_CENTS = 100_000_000


def set_lines(invoice: Invoice, lines: Sequence[Line]) -> None:
    if sum(line.quantity * line.unit_price_cents for line in lines) > MAX_INVOICE_CENTS:
        raise ValidationFailed.for_field(
            "lines",
            "max_total",
            "An invoice's lines can add up to $1,000,000.00 at most.",
            most_cents=MAX_INVOICE_CENTS,
        )
    invoice.lines = [
        InvoiceLine(
            position=n,
            product_id=line.product_id,
            description=line.description,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
            tax_rate_basis_points=line.tax_rate_basis_points,
            amount_cents=line.quantity * line.unit_price_cents,
            prepaid_minutes=line.prepaid_minutes,
        )
        for n, line in enumerate(lines, start=1)
    ]


def _totals(lines: Sequence[InvoiceLine], registered: bool) -> Totals:
    return totals(((line.amount_cents, line.tax_rate_basis_points) for line in lines), registered)


def refresh_totals(invoice: Invoice, registered: bool, hst_number: str) -> None:
    """A draft follows the school's registration as it stands; issuing freezes it."""
    invoice.hst_registered = registered
    invoice.hst_number = hst_number if registered else ""
    t = _totals(invoice.lines, registered)
    invoice.subtotal_cents, invoice.tax_cents, invoice.total_cents = t.subtotal_cents, t.tax_cents, t.total_cents


def new_document(
    s: Session,
    student_id: int,
    on: date | None,
    lines: Sequence[Line],
    *,
    notes: str | None = None,
    reason: str | None = None,
    kind: DocumentKind = DocumentKind.INVOICE,
    credit_of: Invoice | None = None,
    enrollment_id: int | None = None,
    lesson_id: int | None = None,
) -> Invoice:
    school = load_settings(s)
    settings = ensure_defaults(s)
    student = load_student(s, student_id)
    day = check_money_date(school, on, reason, "invoice_date")
    name, bill_kind = bill_to(student, day)
    invoice = Invoice(
        kind=kind,
        status=InvoiceStatus.DRAFT,
        student_id=student.id,
        credit_of_id=credit_of.id if credit_of else None,
        enrollment_id=enrollment_id,
        lesson_id=lesson_id,
        invoice_date=day,
        due_on=day + timedelta(days=settings.payment_terms_days),
        bill_to_name=name,
        bill_to_kind=bill_kind,
        notes=notes,
        reason=reason,
    )
    set_lines(invoice, lines)
    refresh_totals(invoice, school.hst_registered, school.hst_number)
    s.add(invoice)
    return invoice


def ensure_draft(invoice: Invoice) -> None:
    if invoice.status != InvoiceStatus.DRAFT:
        raise InvoiceIssuedImmutable(
            details={
                "invoice_id": invoice.id,
                "number": document_number(invoice.kind, invoice.number),
                "status": invoice.status,
            }
        )


def issue(s: Session, invoice: Invoice, registered: bool, hst_number: str) -> None:
    """Freezes the totals and takes the series' next number, all inside the caller's transaction."""
    ensure_draft(invoice)
    refresh_totals(invoice, registered, hst_number)
    if invoice.kind == DocumentKind.INVOICE and not any(line.amount_cents for line in invoice.lines):
        raise InvoiceEmpty(details={"invoice_id": invoice.id})
    invoice.number = repo.take_number(s, invoice.kind)
    invoice.status = InvoiceStatus.ISSUED
    invoice.issued_at = utcnow()
    s.flush()
    # The totals per rate as frozen, for the HST report.
    amounts = ((line.amount_cents, line.tax_rate_basis_points) for line in invoice.lines)
    repo.add_tax_rates(s, invoice, rate_totals(amounts, invoice.hst_registered))
    if invoice.kind == DocumentKind.INVOICE:
        credit_pack_minutes(s, invoice)


def credit_note(
    s: Session, invoice: Invoice, reason: str | None, on: date | None, lines: Sequence[CreditLineIn] | None
) -> Invoice:
    """An issued credit note against an issued invoice: all of it when no lines are given. The credit notes
    on one invoice never add up to more than the invoice."""
    if invoice.kind != DocumentKind.INVOICE:
        raise CreditNoteOfCreditNote(details={"invoice_id": invoice.id})
    if invoice.status != InvoiceStatus.ISSUED:
        raise InvoiceNotIssued(details={"invoice_id": invoice.id, "status": invoice.status})
    if not reason:
        raise ReasonRequired(details={"field": "reason", "rule": "required"})
    if lines is None:
        priced_lines = [
            Line(f"Credit: {line.description}", line.quantity, line.unit_price_cents, line.tax_rate_basis_points)
            for line in invoice.lines
        ]
    else:
        priced_lines = [Line(c.description, 1, c.amount_cents, c.tax_rate_basis_points) for c in lines]
    # The credit follows the tax the invoice charged, whatever the school's registration is now.
    amounts = ((line.quantity * line.unit_price_cents, line.tax_rate_basis_points) for line in priced_lines)
    t = totals(amounts, invoice.hst_registered)
    already = sum(n.total_cents for n in repo.credit_notes_of(s, invoice.id))
    if already + t.total_cents > invoice.total_cents:
        raise CreditNoteExceedsInvoice(
            details={
                "invoice_id": invoice.id,
                "invoice_total_cents": invoice.total_cents,
                "already_credited_cents": already,
                "this_credit_cents": t.total_cents,
                "most_cents": invoice.total_cents - already,
            }
        )
    school = load_settings(s)
    note = new_document(
        s,
        invoice.student_id,
        on or local_today(school),
        priced_lines,
        reason=reason,
        kind=DocumentKind.CREDIT_NOTE,
        credit_of=invoice,
    )
    issue(s, note, invoice.hst_registered, invoice.hst_number)
    take_back_pack_minutes(s, invoice, note)
    return note


def read_many(s: Session, invoices: Sequence[Invoice]) -> list[InvoiceRead]:
    """A page of invoices as `read` gives each, with what is paid and credited on them in two queries, not two
    per invoice."""
    ids = [i.id for i in invoices if i.kind == DocumentKind.INVOICE and i.status == InvoiceStatus.ISSUED]
    paid, credited = repo.paid_on(s, ids), repo.credited_on(s, ids)
    return [read(s, i, (paid.get(i.id, 0), credited.get(i.id, 0))) for i in invoices]


def read(s: Session, invoice: Invoice, paid_and_credited: tuple[int, int] | None = None) -> InvoiceRead:
    out = InvoiceRead.model_validate(invoice)
    out.lines = [LineRead.model_validate(line) for line in invoice.lines]
    out.document_number = document_number(invoice.kind, invoice.number)
    t = _totals(invoice.lines, invoice.hst_registered)
    out.taxes = [
        TaxLine(rate_basis_points=x.rate_basis_points, taxable_cents=x.taxable_cents, tax_cents=x.tax_cents)
        for x in t.taxes
    ]
    out.tax_note = TAX_NOTE if invoice.hst_registered else NOT_REGISTERED_NOTE
    if invoice.kind == DocumentKind.INVOICE and invoice.status == InvoiceStatus.ISSUED:
        if paid_and_credited is None:
            paid_and_credited = (
                repo.paid_on(s, [invoice.id]).get(invoice.id, 0),
                repo.credited_on(s, [invoice.id]).get(invoice.id, 0),
            )
        out.paid_cents, out.credited_cents = paid_and_credited
        out.owing_cents = max(0, invoice.total_cents - out.paid_cents - out.credited_cents)
    return out
