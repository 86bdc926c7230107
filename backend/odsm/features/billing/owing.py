"""Keeps `invoice_owing` true: after each flush that wrote an allocation (a payment, refund or reversal placed on
an invoice) or an invoice (issued, or a credit note issued against one), the invoices it touched get their rows
worked out again, in the same transaction. Whatever path wrote the money (the desk, a late-cancel fee, a
road-test rental, a credit), the open invoices' figures cannot drift from the records they come from."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from odsm.models import DocumentKind, Invoice, PaymentAllocation

from . import repository as repo


def touched_invoices(objects: list[Any]) -> set[int]:
    """The invoices whose amount owing the flushed objects may change."""
    ids: set[int | None] = set()
    for obj in objects:
        if isinstance(obj, PaymentAllocation):
            ids.add(obj.invoice_id)
        elif isinstance(obj, Invoice):
            ids.add(obj.credit_of_id if obj.kind == DocumentKind.CREDIT_NOTE else obj.id)
    return {i for i in ids if i is not None}


@event.listens_for(Session, "after_flush")
def _refresh_owing(session: Session, _flush_context: Any) -> None:
    ids = touched_invoices([*session.new, *session.dirty, *session.deleted])
    if ids:
        repo.refresh_owing(session.connection(), ids)
