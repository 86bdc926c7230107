"""Money: products, invoices and credit notes, payments, the student's account and the HST report.

Every write is one unit of work (an invoice and its lines together or not at all) and one audit entry. On
PostgreSQL a write that checks what a student owes first takes that student's advisory lock (as booking does),
so two desks can't both place the last dollar owing; issuing takes the counter row's lock (repository)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from odsm.core.audit import primary
from odsm.core.resource_lock_repository import Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.features.school.clock import local_today, zone
from odsm.features.school.service import load_settings
from odsm.features.students.service import load_student
from odsm.models import (
    DocumentKind,
    Invoice,
    InvoiceStatus,
    Lesson,
    LessonStatus,
    Payment,
    PaymentKind,
    Product,
    ProductKind,
)

from . import allocation, invoicing, prepaid
from . import owing as owing_hook
from . import repository as repo
from .cash_up import cash_up
from .defaults import ensure_defaults
from .errors import (
    BillingSettingsVersionConflict,
    FeeAlreadyWaived,
    InvoiceVersionConflict,
    NoCreditToApply,
    NotAFee,
    PaymentNotFound,
    ProductCodeTaken,
    ProductNotFound,
    ProductVersionConflict,
    ReasonRequired,
)
from .hst_report import hst_report
from .invoicing import Line
from .money_dates import check_money_date
from .rental_charges import charge_road_test_rental, credit_road_test_rental, road_test_rental_cents
from .schemas import (
    BillingSettingsRead,
    BillingSettingsUpdate,
    CashUp,
    CreditNoteCreate,
    FeeWaive,
    HstReport,
    InvoiceCreate,
    InvoiceIssue,
    InvoicePage,
    InvoiceQuery,
    InvoiceRead,
    InvoiceUpdate,
    PaymentCreate,
    PaymentPage,
    PaymentRead,
    PrepaidBalance,
    ProductCreate,
    ProductPage,
    ProductRead,
    ProductUpdate,
    RefundCreate,
    ReversalCreate,
    Statement,
)
from .statement import statement

# Imported for its flush hook, which keeps what each open invoice owes.
_ = owing_hook

__all__ = [
    "BillingService",
    "InvoiceService",
    "PaymentService",
    "charge_lesson_fee",
    "charge_road_test_rental",
    "credit_road_test_rental",
    "draw_down_for_lesson",
    "invoice_enrolment",
    "prepaid_warning",
    "road_test_rental_cents",
]


def _lock_student(s: Session, student_id: int) -> None:
    lock_resources(s, [(Resource.STUDENT, student_id)])


class _Service:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _ready(self) -> None:
        """The defaults exist before a read needs them (a read can't create them)."""
        if not self.db.read(repo.defaults_made):
            self.db.write(ensure_defaults)


class BillingService(_Service):
    def products(self, include_inactive: bool) -> ProductPage:
        self._ready()

        def fn(s: Session) -> ProductPage:
            rows = s.scalars(repo.products(include_inactive)).all()
            return ProductPage(items=[ProductRead.model_validate(r) for r in rows], total=len(rows))

        return self.db.read(fn)

    def create_product(self, data: ProductCreate) -> ProductRead:
        def fn(s: Session) -> ProductRead:
            ensure_defaults(s)
            if repo.product_by_code(s, data.code) is not None:
                raise ProductCodeTaken(details={"field": "code", "code": data.code})
            row = Product(**data.model_dump())
            s.add(row)
            s.flush()
            return ProductRead.model_validate(row)

        return self.db.write(fn)

    def update_product(self, product_id: int, data: ProductUpdate) -> ProductRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}

        def fn(s: Session) -> ProductRead:
            ensure_defaults(s)
            row = s.get(Product, product_id)
            if row is None:
                raise ProductNotFound(details={"product_id": product_id})
            check_version(row.version, data.version, ProductVersionConflict, product_id=product_id)
            apply_changes(row, changes)
            s.flush()
            return ProductRead.model_validate(row)

        return guard_stale(lambda: self.db.write(fn), ProductVersionConflict, product_id=product_id)

    @staticmethod
    def _settings_read(s: Session) -> BillingSettingsRead:
        row, school = ensure_defaults(s), load_settings(s)
        out = BillingSettingsRead.model_validate(row)
        out.hst_registered, out.hst_number = school.hst_registered, school.hst_number
        return out

    def settings(self) -> BillingSettingsRead:
        self._ready()
        return self.db.read(self._settings_read)

    def update_settings(self, data: BillingSettingsUpdate) -> BillingSettingsRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}

        def fn(s: Session) -> BillingSettingsRead:
            row = ensure_defaults(s)
            check_version(row.version, data.version, BillingSettingsVersionConflict)
            apply_changes(row, changes)
            s.flush()
            return self._settings_read(s)

        return guard_stale(lambda: self.db.write(fn), BillingSettingsVersionConflict, your_version=data.version)

    def statement(self, student_id: int, as_of: date | None) -> Statement:
        def fn(s: Session) -> Statement:
            load_student(s, student_id)
            return statement(s, student_id, as_of or local_today(load_settings(s)))

        return self.db.read(fn)

    def prepaid(self, student_id: int) -> PrepaidBalance:
        def fn(s: Session) -> PrepaidBalance:
            load_student(s, student_id)
            bought, used, left = prepaid.remaining(s, student_id)
            back = repo.prepaid_taken_back(s, student_id)
            return PrepaidBalance(
                student_id=student_id,
                bought_minutes=bought,
                used_minutes=used - back,
                taken_back_minutes=back,
                remaining_minutes=max(0, left),
            )

        return self.db.read(fn)

    def apply_credit(self, student_id: int) -> Statement:
        """Places the credit on account (payments not yet on an invoice) on the open invoices, oldest first."""

        def fn(s: Session) -> Statement:
            school = load_settings(s)
            _lock_student(s, student_id)
            student = load_student(s, student_id)
            today, moved, touched = local_today(school), 0, None
            for payment in repo.payments_of_student(s, student.id):
                if payment.kind != PaymentKind.PAYMENT:
                    continue
                free = allocation.unplaced(payment, repo.taken_back(s, payment.id))
                if free > 0:
                    placed = allocation.place_oldest_first(s, payment, free, today)
                    moved += placed
                    touched = touched or (payment if placed else None)
            if touched is None:
                raise NoCreditToApply(details={"student_id": student_id})
            primary(s, touched, "apply_credit")
            return statement(s, student_id, today)

        return self.db.write(fn)

    def hst_report(self, start: date, end: date) -> HstReport:
        return self.db.read(lambda s: hst_report(s, load_settings(s), start, end))

    def cash_up(self, day: date) -> CashUp:
        return self.db.read(lambda s: cash_up(s, load_settings(s), day))


class InvoiceService(_Service):
    def list(self, q: InvoiceQuery) -> InvoicePage:
        def fn(s: Session) -> InvoicePage:
            due_before = local_today(load_settings(s)) if q.overdue else None
            where = repo.invoice_filters(q.student_id, q.status, q.unpaid, q.start, q.end, due_before)
            rows = list(s.scalars(repo.invoices(where, q.offset, q.limit)).all())
            names = repo.student_names(s, {r.student_id for r in rows})
            items = invoicing.read_many(s, rows)
            for item in items:
                item.student_name = names.get(item.student_id, "")
            if where.open_only:
                total, owing = repo.count_and_owing(s, where)
            else:
                total, owing = repo.count_invoices(s, where), None
            return InvoicePage(items=items, total=total, offset=q.offset, limit=q.limit, owing_total_cents=owing)

        return self.db.read(fn)

    def get(self, invoice_id: int) -> InvoiceRead:
        return self.db.read(lambda s: invoicing.read(s, invoicing.load_invoice(s, invoice_id)))

    def create(self, data: InvoiceCreate) -> InvoiceRead:
        def fn(s: Session) -> InvoiceRead:
            lines = [invoicing.priced(s, given) for given in data.lines]
            invoice = invoicing.new_document(
                s, data.student_id, data.invoice_date, lines, notes=data.notes, reason=data.reason
            )
            s.flush()
            if data.issue:
                school = load_settings(s)
                invoicing.issue(s, invoice, school.hst_registered, school.hst_number)
            primary(s, invoice, "issue" if data.issue else "create", data.reason)
            s.flush()
            return invoicing.read(s, invoice)

        return self.db.write(fn)

    def update(self, invoice_id: int, data: InvoiceUpdate) -> InvoiceRead:
        def fn(s: Session) -> InvoiceRead:
            invoice = invoicing.load_invoice(s, invoice_id)
            invoicing.ensure_draft(invoice)
            check_version(invoice.version, data.version, InvoiceVersionConflict, invoice_id=invoice_id)
            school = load_settings(s)
            if "invoice_date" in data.model_fields_set and data.invoice_date is not None:
                invoice.invoice_date = check_money_date(school, data.invoice_date, data.reason, "invoice_date")
                student = load_student(s, invoice.student_id)
                invoice.bill_to_name, invoice.bill_to_kind = invoicing.bill_to(student, invoice.invoice_date)
            if "lines" in data.model_fields_set and data.lines is not None:
                invoicing.set_lines(invoice, [invoicing.priced(s, given) for given in data.lines])
            if "notes" in data.model_fields_set:
                invoice.notes = data.notes
            invoicing.refresh_totals(invoice, school.hst_registered, school.hst_number)
            primary(s, invoice, "update", data.reason)
            s.flush()
            return invoicing.read(s, invoice)

        return guard_stale(lambda: self.db.write(fn), InvoiceVersionConflict, invoice_id=invoice_id)

    def issue(self, invoice_id: int, data: InvoiceIssue) -> InvoiceRead:
        def fn(s: Session) -> InvoiceRead:
            invoice = invoicing.load_invoice(s, invoice_id)
            invoicing.ensure_draft(invoice)
            check_version(invoice.version, data.version, InvoiceVersionConflict, invoice_id=invoice_id)
            school = load_settings(s)
            invoicing.issue(s, invoice, school.hst_registered, school.hst_number)
            primary(s, invoice, "issue", data.reason)
            s.flush()
            return invoicing.read(s, invoice)

        return guard_stale(lambda: self.db.write(fn), InvoiceVersionConflict, invoice_id=invoice_id)

    def credit(self, invoice_id: int, data: CreditNoteCreate) -> InvoiceRead:
        def fn(s: Session) -> InvoiceRead:
            invoice = invoicing.load_invoice(s, invoice_id)
            _lock_student(s, invoice.student_id)
            note = invoicing.credit_note(s, invoice, data.reason, data.credit_date, data.lines)
            primary(s, note, "credit", data.reason)
            s.flush()
            return invoicing.read(s, note)

        return self.db.write(fn)

    def waive_fee(self, invoice_id: int, data: FeeWaive) -> InvoiceRead:
        """A late-cancel or no-show fee waived: a credit note for all of it, with the reason."""

        def fn(s: Session) -> InvoiceRead:
            invoice = invoicing.load_invoice(s, invoice_id)
            if invoice.lesson_id is None or invoice.kind != DocumentKind.INVOICE:
                raise NotAFee(details={"invoice_id": invoice_id})
            _lock_student(s, invoice.student_id)
            if not data.reason:
                raise ReasonRequired(details={"field": "reason", "rule": "required"})
            if repo.credit_notes_of(s, invoice.id):
                raise FeeAlreadyWaived(details={"invoice_id": invoice_id})
            note = invoicing.credit_note(s, invoice, f"Fee waived: {data.reason}", None, None)
            primary(s, note, "waive_fee", data.reason)
            s.flush()
            return invoicing.read(s, note)

        return self.db.write(fn)


def _payment_read(s: Session, payment: Payment) -> PaymentRead:
    out = PaymentRead.model_validate(payment)
    if payment.kind == PaymentKind.PAYMENT:
        out.refunded_cents = repo.taken_back(s, payment.id)
        out.unallocated_cents = allocation.unplaced(payment, out.refunded_cents)
    return out


def _load_payment(s: Session, payment_id: int) -> Payment:
    row = s.get(Payment, payment_id)
    if row is None:
        raise PaymentNotFound(details={"payment_id": payment_id})
    return row


class PaymentService(_Service):
    def list(self, student_id: int | None, start: date | None, end: date | None, limit: int) -> PaymentPage:
        def fn(s: Session) -> PaymentPage:
            rows = s.scalars(repo.payments(student_id, start, end, limit)).all()
            return PaymentPage(items=[_payment_read(s, r) for r in rows], total=len(rows))

        return self.db.read(fn)

    def get(self, payment_id: int) -> PaymentRead:
        return self.db.read(lambda s: _payment_read(s, _load_payment(s, payment_id)))

    def take(self, data: PaymentCreate) -> PaymentRead:
        def fn(s: Session) -> PaymentRead:
            school = load_settings(s)
            _lock_student(s, data.student_id)
            student = load_student(s, data.student_id)
            on = check_money_date(school, data.received_on, data.reason, "received_on")
            payment = Payment(
                kind=PaymentKind.PAYMENT,
                student_id=student.id,
                method=data.method,
                reference=data.reference,
                amount_cents=data.amount_cents,
                received_on=on,
                reason=data.reason,
            )
            s.add(payment)
            s.flush()
            if data.allocations is None:
                allocation.place_oldest_first(s, payment, payment.amount_cents, on)
            else:
                allocation.place_chosen(s, payment, data.allocations, on)
            primary(s, payment, "create", data.reason)
            s.flush()
            return _payment_read(s, payment)

        return self.db.write(fn)

    def _take_back(
        self,
        payment_id: int,
        kind: PaymentKind,
        amount: int | None,
        method: str | None,
        reference: str | None,
        on: date | None,
        reason: str | None,
    ) -> PaymentRead:
        def fn(s: Session) -> PaymentRead:
            school = load_settings(s)
            original = _load_payment(s, payment_id)
            _lock_student(s, original.student_id)
            if not reason:
                raise ReasonRequired(details={"field": "reason", "rule": "required"})
            day = check_money_date(school, on, reason, "refunded_on" if kind == PaymentKind.REFUND else "reversed_on")
            wanted = amount if amount is not None else original.amount_cents - repo.taken_back(s, original.id)
            allocation.take_back(s, original, wanted, day)
            back = Payment(
                kind=kind,
                student_id=original.student_id,
                refers_to_id=original.id,
                method=method or original.method,
                reference=reference,
                amount_cents=wanted,
                received_on=day,
                reason=reason,
            )
            s.add(back)
            s.flush()
            primary(s, back, kind.value, reason)
            return _payment_read(s, back)

        return self.db.write(fn)

    def refund(self, payment_id: int, data: RefundCreate) -> PaymentRead:
        return self._take_back(
            payment_id,
            PaymentKind.REFUND,
            data.amount_cents,
            data.method,
            data.reference,
            data.refunded_on,
            data.reason,
        )

    def reverse(self, payment_id: int, data: ReversalCreate) -> PaymentRead:
        """A bounced cheque, a charge-back: all that is left of the payment comes back off the account."""
        return self._take_back(payment_id, PaymentKind.REVERSAL, None, None, None, data.reversed_on, data.reason)


# --- for other features, inside their own unit of work -------------------------------------------------------


def invoice_enrolment(
    s: Session, student_id: int, enrollment_id: int, course_name: str, price_cents: int, tax_rate_basis_points: int
) -> Invoice | None:
    """The course invoice an enrolment makes at the course's own price and tax rate, a draft or issued as the
    billing settings say. A course without a price (0) makes none."""
    if price_cents <= 0:
        return None
    settings = ensure_defaults(s)
    line = Line(course_name, 1, price_cents, tax_rate_basis_points)
    invoice = invoicing.new_document(s, student_id, None, [line], enrollment_id=enrollment_id)
    s.flush()
    if settings.enrolment_invoice_status == InvoiceStatus.ISSUED:
        school = load_settings(s)
        invoicing.issue(s, invoice, school.hst_registered, school.hst_number)
    return invoice


def charge_lesson_fee(s: Session, lesson: Lesson) -> Invoice | None:
    """The fee a late cancel or a no-show recorded on the lesson, charged to the account as an issued invoice."""
    if lesson.fee_cents <= 0 or repo.fee_invoice_of(s, lesson.id) is not None:
        return None
    ensure_defaults(s)
    school = load_settings(s)
    no_show = lesson.status == LessonStatus.NO_SHOW
    product = repo.product_by_kind(s, ProductKind.NO_SHOW_FEE if no_show else ProductKind.LATE_CANCEL_FEE)
    when = lesson.starts_at.astimezone(zone(school)).strftime("%Y-%m-%d %H:%M")
    words = (product.name if product else ("No-show fee" if no_show else "Late cancellation fee")) + f", lesson {when}"
    rate = product.tax_rate_basis_points if product else 1300
    line = Line(words, 1, lesson.fee_cents, rate, product.id if product else None)
    invoice = invoicing.new_document(s, lesson.student_id, None, [line], lesson_id=lesson.id)
    s.flush()
    invoicing.issue(s, invoice, school.hst_registered, school.hst_number)
    return invoice


def draw_down_for_lesson(s: Session, lesson: Lesson, minutes: int) -> int:
    """A completed lesson outside a BDE enrollment draws its length from the student's prepaid hours."""
    if lesson.enrollment_id is not None:
        return 0
    return prepaid.draw_down(s, lesson.student_id, lesson.id, minutes)


def prepaid_warning(s: Session, student_id: int, enrollment_id: int | None, minutes: int) -> dict[str, Any] | None:
    if enrollment_id is not None:
        return None
    return prepaid.low_hours_warning(s, student_id, minutes)
