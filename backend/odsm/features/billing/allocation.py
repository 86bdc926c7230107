"""Payments placed on invoices: oldest open invoice first unless the desk chooses, the rest kept as credit on
the student's account; refunds and reversals take money back from what the payment has left unplaced first,
then from its invoices, newest first (those invoices owe again)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from odsm.models import DocumentKind, Invoice, InvoiceStatus, Payment, PaymentAllocation, PaymentKind

from . import repository as repo
from .errors import (
    InvoiceNotIssued,
    PaymentAllocationsExceedPayment,
    PaymentExceedsInvoice,
    PaymentOtherStudentsInvoice,
    RefundExceedsPaid,
    RefundOfRefund,
)
from .invoicing import load_invoice
from .schemas import AllocationIn


def owing(s: Session, invoices: Sequence[Invoice]) -> dict[int, int]:
    """What each issued invoice still owes: its total less what is placed on it and what credit notes took off."""
    ids = [i.id for i in invoices]
    paid, credited = repo.paid_on(s, ids), repo.credited_on(s, ids)
    return {i.id: max(0, i.total_cents - paid.get(i.id, 0) - credited.get(i.id, 0)) for i in invoices}


def open_invoices(s: Session, student_id: int) -> list[tuple[Invoice, int]]:
    """The student's invoices that still owe, oldest first."""
    issued = [i for i in repo.issued_of_student(s, student_id) if i.kind == DocumentKind.INVOICE]
    left = owing(s, issued)
    return [(i, left[i.id]) for i in issued if left[i.id] > 0]


def unplaced(payment: Payment, taken_back: int) -> int:
    """What of a payment is on no invoice: credit on the student's account."""
    return payment.amount_cents - taken_back - sum(a.amount_cents for a in payment.allocations)


def place_chosen(s: Session, payment: Payment, chosen: Sequence[AllocationIn], on: date) -> None:
    if sum(a.amount_cents for a in chosen) > payment.amount_cents:
        raise PaymentAllocationsExceedPayment(
            details={
                "field": "allocations",
                "payment_cents": payment.amount_cents,
                "allocated_cents": sum(a.amount_cents for a in chosen),
            }
        )
    for n, wanted in enumerate(chosen):
        invoice = load_invoice(s, wanted.invoice_id)
        if invoice.student_id != payment.student_id:
            raise PaymentOtherStudentsInvoice(
                details={
                    "field": f"allocations.{n}.invoice_id",
                    "invoice_id": invoice.id,
                    "student_id": payment.student_id,
                }
            )
        if invoice.kind != DocumentKind.INVOICE or invoice.status != InvoiceStatus.ISSUED:
            raise InvoiceNotIssued(details={"field": f"allocations.{n}.invoice_id", "invoice_id": invoice.id})
        left = owing(s, [invoice])[invoice.id]
        if wanted.amount_cents > left:
            raise PaymentExceedsInvoice(
                details={
                    "field": f"allocations.{n}.amount_cents",
                    "invoice_id": invoice.id,
                    "owing_cents": left,
                    "amount_cents": wanted.amount_cents,
                }
            )
        payment.allocations.append(
            PaymentAllocation(invoice_id=invoice.id, amount_cents=wanted.amount_cents, allocated_on=on)
        )
        s.flush()


def place_oldest_first(s: Session, payment: Payment, available: int, on: date) -> int:
    """Places up to `available` cents of the payment on the student's open invoices, oldest first; returns
    how much it placed."""
    placed = 0
    for invoice, left in open_invoices(s, payment.student_id):
        if placed >= available:
            break
        part = min(left, available - placed)
        payment.allocations.append(PaymentAllocation(invoice_id=invoice.id, amount_cents=part, allocated_on=on))
        placed += part
    s.flush()
    return placed


def take_back(s: Session, payment: Payment, amount: int, on: date) -> None:
    """Checks that a refund or reversal of `amount` fits what is left of the payment, then takes from the
    invoices what the payment's unplaced part cannot cover (negative allocations, newest first)."""
    if payment.kind != PaymentKind.PAYMENT:
        raise RefundOfRefund(details={"payment_id": payment.id, "kind": payment.kind})
    already = repo.taken_back(s, payment.id)
    left = payment.amount_cents - already
    if amount > left:
        raise RefundExceedsPaid(
            details={
                "field": "amount_cents",
                "payment_id": payment.id,
                "paid_cents": payment.amount_cents,
                "already_refunded_cents": already,
                "most_cents": left,
                "amount_cents": amount,
            }
        )
    short = amount - max(0, unplaced(payment, already))
    by_invoice: dict[int, int] = {}
    for allocation in payment.allocations:
        by_invoice[allocation.invoice_id] = by_invoice.get(allocation.invoice_id, 0) + allocation.amount_cents
    for invoice_id in sorted(by_invoice, reverse=True):
        if short <= 0:
            break
        part = min(short, by_invoice[invoice_id])
        if part > 0:
            payment.allocations.append(PaymentAllocation(invoice_id=invoice_id, amount_cents=-part, allocated_on=on))
            short -= part
