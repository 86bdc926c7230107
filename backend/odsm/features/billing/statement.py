"""A student's account: every charge, credit note, payment, refund and reversal in date order with the running
balance, what is owed by age (current, 31-60, 61-90, over 90 days), credit on account and prepaid hours."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from odsm.models import DocumentKind, PaymentKind

from . import repository as repo
from .allocation import open_invoices
from .money import AgeBuckets, document_number
from .prepaid import remaining
from .schemas import Aging, Statement, StatementLine

_METHOD_WORDS = {
    "cash": "cash",
    "debit": "debit",
    "credit_card": "credit card",
    "e_transfer": "e-transfer",
    "cheque": "cheque",
}


def statement(s: Session, student_id: int, as_of: date) -> Statement:
    # (date, order within the day, kind, id, description, charge, credit)
    events: list[tuple[date, int, str, int, str, int, int]] = []
    for doc in repo.issued_of_student(s, student_id):
        name = document_number(doc.kind, doc.number) or ""
        if doc.kind == DocumentKind.INVOICE:
            events.append((doc.invoice_date, 0, "invoice", doc.id, f"Invoice {name}", doc.total_cents, 0))
        else:
            events.append((doc.invoice_date, 1, "credit_note", doc.id, f"Credit note {name}", 0, doc.total_cents))
    for p in repo.payments_of_student(s, student_id):
        method = _METHOD_WORDS.get(p.method, p.method)
        if p.kind == PaymentKind.PAYMENT:
            events.append((p.received_on, 2, "payment", p.id, f"Payment, {method}", 0, p.amount_cents))
        else:
            words = "Refund" if p.kind == PaymentKind.REFUND else "Reversal"
            events.append((p.received_on, 3, p.kind, p.id, f"{words}, {method}", p.amount_cents, 0))
    events.sort(key=lambda e: (e[0], e[1], e[3]))
    balance, lines = 0, []
    for on, _order, kind, record_id, words, charge, credit in events:
        balance += charge - credit
        lines.append(
            StatementLine(
                on=on,
                kind=kind,
                record_id=record_id,
                description=words,
                charge_cents=charge,
                credit_cents=credit,
                balance_cents=balance,
            )
        )
    buckets = AgeBuckets()
    owed = 0
    for invoice, left in open_invoices(s, student_id):
        buckets.add(left, invoice.invoice_date, as_of)
        owed += left
    _bought, _used, prepaid_left = remaining(s, student_id)
    return Statement(
        student_id=student_id,
        as_of=as_of,
        lines=lines,
        charges_cents=sum(e[5] for e in events if e[2] == "invoice"),
        credits_cents=sum(e[6] for e in events if e[2] == "credit_note"),
        payments_cents=sum(e[6] for e in events if e[2] == "payment"),
        refunds_cents=sum(e[5] for e in events if e[2] in ("refund", "reversal")),
        balance_cents=balance,
        owing_cents=owed,
        account_credit_cents=max(0, owed - balance),
        aging=Aging(**vars(buckets)),
        prepaid_minutes=max(0, prepaid_left),
    )
