"""The queries of money: products, invoices, payments, allocations, prepaid minutes and the counters."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    ScalarSelect,
    Select,
    case,
    cast,
    delete,
    false,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, aliased

from odsm.models import (
    BillingSettings,
    DocumentCounter,
    DocumentKind,
    Invoice,
    InvoiceLine,
    InvoiceOwing,
    InvoiceStatus,
    InvoiceTaxRate,
    Payment,
    PaymentAllocation,
    PaymentKind,
    PrepaidEntry,
    Product,
    Student,
)

from .money import RateTotal

SETTINGS_ID = 1


def products(include_inactive: bool) -> Select[Product]:
    stmt = select(Product).order_by(Product.kind, Product.minutes, Product.id)
    return stmt if include_inactive else stmt.where(Product.active.is_(True))


def product_by_kind(s: Session, kind: str) -> Product | None:
    return s.scalars(
        select(Product).where(Product.kind == kind, Product.active.is_(True)).order_by(Product.id).limit(1)
    ).first()


def product_by_code(s: Session, code: str) -> Product | None:
    return s.scalars(select(Product).where(Product.code == code)).first()


def billing_settings(s: Session) -> BillingSettings | None:
    return s.get(BillingSettings, SETTINGS_ID)


def defaults_made(s: Session) -> bool:
    return bool(s.scalar(select(DocumentCounter.next_number).where(DocumentCounter.name == "defaults")))


def _ensure_counter(s: Session, name: str, start: int) -> None:
    """The counter row, made on first use (a migration seeds no row: a new school's tables stay empty, so a
    move or a backup copies into them as into any other). A second desk's insert waits on the first's
    uncommitted row, then does nothing."""
    s.execute(
        text("INSERT INTO billing_counters (name, next_number) VALUES (:name, :start) ON CONFLICT (name) DO NOTHING"),
        {"name": name, "start": start},
    )


def claim_defaults(s: Session) -> bool:
    """True for the one writer that is to create the defaults. The UPDATE takes the counter row's lock, so a
    second desk waits here, then finds the flag set and creates nothing."""
    _ensure_counter(s, "defaults", 0)
    result = s.execute(
        update(DocumentCounter)
        .where(DocumentCounter.name == "defaults", DocumentCounter.next_number == 0)
        .values(next_number=1)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def take_number(s: Session, series: str) -> int:
    """The next number of a series, taken under the counter row's lock (PostgreSQL's row lock from the UPDATE;
    on SQLite the write transaction already holds the database's one write lock: BEGIN IMMEDIATE). The lock is
    held until the issuing transaction ends, so a number is used if and only if its document commits."""
    _ensure_counter(s, series, 1)
    taken = s.execute(
        text("UPDATE billing_counters SET next_number = next_number + 1 WHERE name = :series RETURNING next_number"),
        {"series": series},
    ).scalar_one()
    return int(taken) - 1


def _paid_on_invoice() -> ScalarSelect[int]:
    return (
        select(func.coalesce(func.sum(PaymentAllocation.amount_cents), 0))
        .where(PaymentAllocation.invoice_id == Invoice.id)
        .correlate(Invoice)
        .scalar_subquery()
    )


def _credited_on_invoice() -> ScalarSelect[int]:
    note = aliased(Invoice)
    return (
        select(func.coalesce(func.sum(note.total_cents), 0))
        .where(note.credit_of_id == Invoice.id, note.status == InvoiceStatus.ISSUED)
        .correlate(Invoice)
        .scalar_subquery()
    )


def _owing_rows(*where: ColumnElement[bool]) -> Select[tuple[int, int, date, date, int]]:
    """Each issued invoice that still owes something, with what it owes (total less payments and credit notes)."""
    left = (Invoice.total_cents - _paid_on_invoice() - _credited_on_invoice()).label("owing_cents")
    rows = (
        select(Invoice.id, Invoice.student_id, Invoice.invoice_date, Invoice.due_on, left)
        .where(Invoice.kind == DocumentKind.INVOICE, Invoice.status == InvoiceStatus.ISSUED, *where)
        .subquery()
    )
    return select(rows).where(rows.c.owing_cents > 0)


_OWING_COLUMNS = ("invoice_id", "student_id", "invoice_date", "due_on", "owing_cents")


def refresh_owing(conn: Connection, invoice_ids: Collection[int]) -> None:
    """Rewrites what the given invoices still owe, from their payments and credit notes as this transaction sees
    them (an invoice that owes nothing more has no row)."""
    ids = sorted(invoice_ids)
    conn.execute(delete(InvoiceOwing).where(InvoiceOwing.invoice_id.in_(ids)))
    conn.execute(insert(InvoiceOwing).from_select(_OWING_COLUMNS, _owing_rows(Invoice.id.in_(ids))))


def rebuild_owing(conn: Connection) -> None:
    """Works out every invoice's row again (after a bulk load that bypassed the flush hook)."""
    conn.execute(delete(InvoiceOwing))
    conn.execute(insert(InvoiceOwing).from_select(_OWING_COLUMNS, _owing_rows()))


@dataclass
class InvoiceFilter:
    """The conditions of the invoices list. With `open_only` (unpaid or overdue) they are on the open invoices'
    own rows (invoice_owing), which hold only the invoices with something left to pay: the list and its totals
    read those alone, in the database and before the page's limit."""

    where: list[ColumnElement[bool]] = field(default_factory=list)
    open_only: bool = False


def invoice_filters(
    student_id: int | None,
    status: str | None,
    unpaid_only: bool,
    start: date | None,
    end: date | None,
    due_before: date | None = None,
) -> InvoiceFilter:
    """ "Unpaid" is an issued invoice with something still owing; `due_before` keeps those whose due date (the
    school's terms from the invoice date) has passed."""
    if unpaid_only or due_before is not None:
        where: list[ColumnElement[bool]] = []
        if student_id is not None:
            where.append(InvoiceOwing.student_id == student_id)
        if status is not None and status != InvoiceStatus.ISSUED:
            where.append(false())  # only an issued invoice can owe
        if start is not None:
            where.append(InvoiceOwing.invoice_date >= start)
        if end is not None:
            where.append(InvoiceOwing.invoice_date <= end)
        if due_before is not None:
            where.append(InvoiceOwing.due_on < due_before)
        return InvoiceFilter(where, open_only=True)
    where = []
    if student_id is not None:
        where.append(Invoice.student_id == student_id)
    if status is not None:
        where.append(Invoice.status == status)
    if start is not None:
        where.append(Invoice.invoice_date >= start)
    if end is not None:
        where.append(Invoice.invoice_date <= end)
    return InvoiceFilter(where)


def invoices(f: InvoiceFilter, offset: int, limit: int) -> Select[Invoice]:
    if f.open_only:
        stmt = (
            select(Invoice)
            .join(InvoiceOwing, InvoiceOwing.invoice_id == Invoice.id)
            .order_by(InvoiceOwing.invoice_date.desc(), InvoiceOwing.invoice_id.desc())
        )
    else:
        stmt = select(Invoice).order_by(Invoice.invoice_date.desc(), Invoice.id.desc())
    return stmt.where(*f.where).offset(offset).limit(limit)


def count_invoices(s: Session, f: InvoiceFilter) -> int:
    table = InvoiceOwing if f.open_only else Invoice
    return int(s.scalar(select(func.count()).select_from(table).where(*f.where)) or 0)


def count_and_owing(s: Session, f: InvoiceFilter) -> tuple[int, int]:
    """How many open invoices the filter keeps and what is left to pay on them all, in one pass."""
    stmt = select(func.count(), func.coalesce(func.sum(InvoiceOwing.owing_cents), 0)).where(*f.where)
    row = s.execute(stmt).one()
    return int(row[0] or 0), int(row[1] or 0)


def student_names(s: Session, student_ids: set[int]) -> dict[int, str]:
    if not student_ids:
        return {}
    rows = s.execute(select(Student.id, Student.first_name, Student.last_name).where(Student.id.in_(student_ids)))
    return {sid: f"{first} {last}" for sid, first, last in rows}


def issued_of_student(s: Session, student_id: int) -> list[Invoice]:
    """The student's issued invoices and credit notes, oldest first."""
    return list(
        s.scalars(
            select(Invoice)
            .where(Invoice.student_id == student_id, Invoice.status == InvoiceStatus.ISSUED)
            .order_by(Invoice.invoice_date, Invoice.number, Invoice.id)
        )
    )


def credit_notes_of(s: Session, invoice_id: int) -> list[Invoice]:
    return list(
        s.scalars(select(Invoice).where(Invoice.credit_of_id == invoice_id, Invoice.status == InvoiceStatus.ISSUED))
    )


def paid_on(s: Session, invoice_ids: list[int]) -> dict[int, int]:
    if not invoice_ids:
        return {}
    rows = s.execute(
        select(PaymentAllocation.invoice_id, func.sum(PaymentAllocation.amount_cents))
        .where(PaymentAllocation.invoice_id.in_(invoice_ids))
        .group_by(PaymentAllocation.invoice_id)
    )
    return {invoice_id: int(total or 0) for invoice_id, total in rows}


def credited_on(s: Session, invoice_ids: list[int]) -> dict[int, int]:
    if not invoice_ids:
        return {}
    rows = s.execute(
        select(Invoice.credit_of_id, func.sum(Invoice.total_cents))
        .where(Invoice.credit_of_id.in_(invoice_ids), Invoice.status == InvoiceStatus.ISSUED)
        .group_by(Invoice.credit_of_id)
    )
    return {int(invoice_id or 0): int(total or 0) for invoice_id, total in rows}


def payments_of_student(s: Session, student_id: int) -> list[Payment]:
    return list(
        s.scalars(select(Payment).where(Payment.student_id == student_id).order_by(Payment.received_on, Payment.id))
    )


def payments(student_id: int | None, start: date | None, end: date | None, limit: int) -> Select[Payment]:
    stmt = select(Payment).order_by(Payment.received_on.desc(), Payment.id.desc()).limit(limit)
    if student_id is not None:
        stmt = stmt.where(Payment.student_id == student_id)
    if start is not None:
        stmt = stmt.where(Payment.received_on >= start)
    if end is not None:
        stmt = stmt.where(Payment.received_on <= end)
    return stmt


def taken_back(s: Session, payment_id: int) -> int:
    """What refunds and reversals have already taken back of a payment."""
    total = s.scalar(
        select(func.sum(Payment.amount_cents)).where(
            Payment.refers_to_id == payment_id, Payment.kind.in_((PaymentKind.REFUND, PaymentKind.REVERSAL))
        )
    )
    return int(total or 0)


def prepaid_minutes(s: Session, student_id: int) -> tuple[int, int]:
    """(bought, used) minutes: bought are the positive entries, used the negative ones (as a positive)."""
    bought = func.coalesce(func.sum(case((PrepaidEntry.minutes > 0, PrepaidEntry.minutes), else_=0)), 0)
    used = func.coalesce(func.sum(case((PrepaidEntry.minutes < 0, -PrepaidEntry.minutes), else_=0)), 0)
    row = s.execute(select(bought, used).where(PrepaidEntry.student_id == student_id)).one()
    return int(row[0]), int(row[1])


def prepaid_taken_back(s: Session, student_id: int) -> int:
    """Minutes a credit note on a pack took back (counted among the used ones by prepaid_minutes)."""
    q = select(func.coalesce(func.sum(-PrepaidEntry.minutes), 0)).where(
        PrepaidEntry.student_id == student_id, PrepaidEntry.source == "credit_note"
    )
    return int(s.scalar(q) or 0)


def prepaid_drawn_for(s: Session, lesson_id: int) -> bool:
    return (
        s.scalar(select(PrepaidEntry.id).where(PrepaidEntry.source == "lesson", PrepaidEntry.source_id == lesson_id))
        is not None
    )


def fee_invoice_of(s: Session, lesson_id: int) -> Invoice | None:
    return s.scalars(
        select(Invoice).where(Invoice.lesson_id == lesson_id, Invoice.kind == DocumentKind.INVOICE).limit(1)
    ).first()


def issued_in_period(s: Session, start: date, end: date) -> list[Invoice]:
    return list(
        s.scalars(
            select(Invoice).where(
                Invoice.status == InvoiceStatus.ISSUED, Invoice.invoice_date >= start, Invoice.invoice_date <= end
            )
        )
    )


def _half_up(numerator: ColumnElement[int], denominator: int) -> ColumnElement[int]:
    """money.half_up in SQL: integer division of non-negative numbers truncates alike on both engines."""
    n = cast(numerator, BigInteger)
    return case(
        (n >= 0, (2 * n + denominator) // (2 * denominator)), else_=-((-2 * n + denominator) // (2 * denominator))
    )


def add_tax_rates(s: Session, invoice: Invoice, rates: list[RateTotal]) -> None:
    """Keeps an issued document's totals per rate (the first row counts the document)."""
    s.execute(
        insert(InvoiceTaxRate),
        [
            {
                "invoice_id": invoice.id,
                "rate_basis_points": r.rate_basis_points,
                "kind": invoice.kind,
                "invoice_date": invoice.invoice_date,
                "first_rate": i == 0,
                "base_cents": r.base_cents,
                "tax_cents": r.tax_cents,
            }
            for i, r in enumerate(rates)
        ],
    )


def rebuild_tax_rates(conn: Connection) -> None:
    """Works out every issued document's rows again from its lines (after a bulk load that bypassed issuing):
    money.totals' rule in SQL, the tax half-up on each rate's total, none when issued unregistered."""
    rate = InvoiceLine.tax_rate_basis_points
    base = func.sum(InvoiceLine.amount_cents)
    first_line = aliased(InvoiceLine)
    lowest = (
        select(func.min(first_line.tax_rate_basis_points))
        .where(first_line.invoice_id == Invoice.id)
        .correlate(Invoice)
        .scalar_subquery()
    )
    rows = (
        select(
            Invoice.id,
            rate,
            Invoice.kind,
            Invoice.invoice_date,
            rate == lowest,
            base,
            case((Invoice.hst_registered.is_(True) & (rate > 0), _half_up(base * rate, 10_000)), else_=0),
        )
        .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
        .where(Invoice.status == InvoiceStatus.ISSUED)
        .group_by(Invoice.id, Invoice.kind, Invoice.invoice_date, Invoice.hst_registered, rate)
    )
    names = ("invoice_id", "rate_basis_points", "kind", "invoice_date", "first_rate", "base_cents", "tax_cents")
    conn.execute(delete(InvoiceTaxRate))
    conn.execute(insert(InvoiceTaxRate).from_select(names, rows))


def hst_in_period(
    s: Session, start: date, end: date
) -> tuple[dict[str, tuple[int, int, int]], list[tuple[int, int, int]]]:
    """The period's issued documents added up in the database from their totals per rate (as issuing froze
    them), in one pass: per kind (count, subtotal, tax), and per rate (sales, tax) with credit notes taking
    away."""
    t = InvoiceTaxRate
    rows = s.execute(
        select(
            t.kind,
            t.rate_basis_points,
            func.sum(case((t.first_rate.is_(True), 1), else_=0)),
            func.sum(t.base_cents),
            func.sum(t.tax_cents),
        )
        .where(t.invoice_date >= start, t.invoice_date <= end)
        .group_by(t.kind, t.rate_basis_points)
    ).all()
    by_kind: dict[str, tuple[int, int, int]] = {}
    by_rate: dict[int, tuple[int, int]] = {}
    for kind, rate, documents, base, tax in rows:
        n, sub, taxed = by_kind.get(str(kind), (0, 0, 0))
        by_kind[str(kind)] = (n + int(documents or 0), sub + int(base or 0), taxed + int(tax or 0))
        sign = 1 if kind == DocumentKind.INVOICE else -1
        sales, collected = by_rate.get(int(rate), (0, 0))
        by_rate[int(rate)] = (sales + sign * int(base or 0), collected + sign * int(tax or 0))
    return by_kind, [(r, sales, tax) for r, (sales, tax) in sorted(by_rate.items())]


def day_totals(s: Session, day: date) -> list[tuple[str, str, int, int]]:
    """(kind, method, count, total cents) of the payments, refunds and reversals recorded on one day."""
    rows = s.execute(
        select(Payment.kind, Payment.method, func.count(), func.coalesce(func.sum(Payment.amount_cents), 0))
        .where(Payment.received_on == day)
        .group_by(Payment.kind, Payment.method)
    )
    return [(str(kind), str(method), int(count), int(total)) for kind, method, count, total in rows]


def taken_back_on(s: Session, day: date) -> list[Payment]:
    """The refunds and reversals of one day, one by one (the cash-up lists each with its reason)."""
    stmt = (
        select(Payment)
        .where(Payment.received_on == day, Payment.kind.in_((PaymentKind.REFUND, PaymentKind.REVERSAL)))
        .order_by(Payment.id)
    )
    return list(s.scalars(stmt))
