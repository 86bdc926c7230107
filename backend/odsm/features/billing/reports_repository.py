"""The money reports' queries: Core statements on a connection (rows, never entities, read by column name), for
reads that change nothing. They join the students' table for names inside one query on purpose: a report over
the whole school must stay one pass, not a query per row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from odsm.models import DocumentKind, Invoice, InvoiceLine, InvoiceStatus, Payment, PaymentAllocation, Student

_credit_note = aliased(Invoice)
_original = aliased(Invoice)


def issued_by_day(conn: Connection, start: date, end: date) -> Sequence[Any]:
    """Per day and kind (invoice or credit note) of issued documents dated in [start, end]: their count,
    subtotal and tax. At most two rows a day, so a year is a few hundred rows however many invoices."""
    stmt = (
        select(
            Invoice.invoice_date.label("day"),
            Invoice.kind,
            func.count().label("documents"),
            func.coalesce(func.sum(Invoice.subtotal_cents), 0).label("subtotal_cents"),
            func.coalesce(func.sum(Invoice.tax_cents), 0).label("tax_cents"),
        )
        .where(Invoice.status == InvoiceStatus.ISSUED, Invoice.invoice_date >= start, Invoice.invoice_date <= end)
        .group_by(Invoice.invoice_date, Invoice.kind)
    )
    return conn.execute(stmt).all()


def open_invoices(conn: Connection) -> Sequence[Any]:
    """Every issued invoice that still owes (its total less what payments placed on it and what issued credit
    notes took off, as allocation.owing works it out), with its student's name; oldest first."""
    paid = (
        select(PaymentAllocation.invoice_id, func.sum(PaymentAllocation.amount_cents).label("paid_cents"))
        .group_by(PaymentAllocation.invoice_id)
        .subquery()
    )
    credited = (
        select(_credit_note.credit_of_id, func.sum(_credit_note.total_cents).label("credited_cents"))
        .where(_credit_note.status == InvoiceStatus.ISSUED, _credit_note.credit_of_id.is_not(None))
        .group_by(_credit_note.credit_of_id)
        .subquery()
    )
    left = Invoice.total_cents - func.coalesce(paid.c.paid_cents, 0) - func.coalesce(credited.c.credited_cents, 0)
    stmt = (
        select(
            Invoice.id,
            Invoice.student_id,
            Invoice.invoice_date,
            left.label("owing_cents"),
            Student.first_name,
            Student.last_name,
        )
        .join(Student, Student.id == Invoice.student_id)
        .outerjoin(paid, paid.c.invoice_id == Invoice.id)
        .outerjoin(credited, credited.c.credit_of_id == Invoice.id)
        .where(Invoice.kind == DocumentKind.INVOICE, Invoice.status == InvoiceStatus.ISSUED, left > 0)
        .order_by(Invoice.invoice_date, Invoice.id)
    )
    return conn.execute(stmt).all()


def documents_in_period(conn: Connection, start: date, end: date) -> Sequence[Any]:
    """Issued invoices and credit notes dated in [start, end], with the student's name and, for a credit
    note, the number of the invoice it corrects."""
    stmt = (
        select(
            Invoice.id,
            Invoice.kind,
            Invoice.number,
            Invoice.invoice_date,
            Invoice.due_on,
            Invoice.student_id,
            Invoice.bill_to_name,
            Invoice.subtotal_cents,
            Invoice.tax_cents,
            Invoice.total_cents,
            Student.first_name,
            Student.last_name,
            _original.number.label("credit_of_number"),
        )
        .join(Student, Student.id == Invoice.student_id)
        .outerjoin(_original, _original.id == Invoice.credit_of_id)
        .where(Invoice.status == InvoiceStatus.ISSUED, Invoice.invoice_date >= start, Invoice.invoice_date <= end)
        .order_by(Invoice.invoice_date, Invoice.kind.desc(), Invoice.number, Invoice.id)
    )
    return conn.execute(stmt).all()


def line_descriptions(conn: Connection, start: date, end: date) -> Sequence[Any]:
    """(invoice id, description) of every line of the documents `documents_in_period` reads, in order."""
    stmt = (
        select(InvoiceLine.invoice_id, InvoiceLine.description)
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(Invoice.status == InvoiceStatus.ISSUED, Invoice.invoice_date >= start, Invoice.invoice_date <= end)
        .order_by(InvoiceLine.invoice_id, InvoiceLine.position)
    )
    return conn.execute(stmt).all()


def payments_in_period(conn: Connection, start: date, end: date) -> Sequence[Any]:
    """Payments, refunds and reversals received or paid out in [start, end], with the student's name."""
    stmt = (
        select(
            Payment.id,
            Payment.kind,
            Payment.received_on,
            Payment.student_id,
            Payment.method,
            Payment.reference,
            Payment.amount_cents,
            Payment.refers_to_id,
            Student.first_name,
            Student.last_name,
        )
        .join(Student, Student.id == Payment.student_id)
        .where(Payment.received_on >= start, Payment.received_on <= end)
        .order_by(Payment.received_on, Payment.id)
    )
    return conn.execute(stmt).all()


def placed_on(conn: Connection, start: date, end: date) -> Sequence[Any]:
    """(payment id, invoice number) for each invoice a payment in [start, end] was placed on."""
    stmt = (
        select(PaymentAllocation.payment_id, Invoice.number)
        .join(Payment, Payment.id == PaymentAllocation.payment_id)
        .join(Invoice, Invoice.id == PaymentAllocation.invoice_id)
        .where(Payment.received_on >= start, Payment.received_on <= end, PaymentAllocation.amount_cents > 0)
        .group_by(PaymentAllocation.payment_id, Invoice.number)
        .order_by(PaymentAllocation.payment_id, Invoice.number)
    )
    return conn.execute(stmt).all()
