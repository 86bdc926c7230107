"""The accountant's CSV: every issued invoice and credit note and every payment, refund and reversal of a
period, one row each, in date order. The columns are named in the README ("Money: the accountant's CSV").
Amounts are dollars with two decimals, worked out from the integer cents without a float; money that leaves
the school or takes a sale back (a credit note, a refund, a reversal) is negative. Dates are ISO (YYYY-MM-DD)."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from odsm.models import DocumentKind, PaymentKind

from .money import document_number

COLUMNS = (
    "Date",
    "Type",
    "Number",
    "Refers to",
    "Student ID",
    "Student",
    "Bill to",
    "Description",
    "Method",
    "Reference",
    "Net",
    "HST",
    "Total",
    "Due date",
)

_TYPES = {
    DocumentKind.INVOICE: "Invoice",
    DocumentKind.CREDIT_NOTE: "Credit note",
    PaymentKind.PAYMENT: "Payment",
    PaymentKind.REFUND: "Refund",
    PaymentKind.REVERSAL: "Reversal",
}
_METHODS = {
    "cash": "Cash",
    "debit": "Debit",
    "credit_card": "Credit card",
    "e_transfer": "E-transfer",
    "cheque": "Cheque",
}
# A spreadsheet reads a cell starting with one of these as a formula: a name typed as "=HYPERLINK(...)" must
# stay text (OWASP's CSV injection advice: prefix a quote).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def dollars(cents: int) -> str:
    """12345 -> "123.45", -5 -> "-0.05": integers only."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


def text(value: str | None) -> str:
    if not value:
        return ""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def payment_number(payment_id: int) -> str:
    return f"PMT-{payment_id:06d}"


@dataclass
class Counts:
    invoices: int = 0
    credit_notes: int = 0
    payments: int = 0

    @property
    def rows(self) -> int:
        return self.invoices + self.credit_notes + self.payments


def _rows(
    documents: Sequence[Any], lines: Sequence[Any], payments: Sequence[Any], placed: Sequence[Any], counts: Counts
) -> Iterator[tuple[Any, int, list[str]]]:
    """(date, order within the day, cells) for every row, documents before payments on a day."""
    descriptions: dict[int, list[str]] = {}
    for line in lines:
        descriptions.setdefault(line.invoice_id, []).append(line.description)
    for d in documents:
        sign = 1 if d.kind == DocumentKind.INVOICE else -1
        if sign > 0:
            counts.invoices += 1
        else:
            counts.credit_notes += 1
        yield (
            d.invoice_date,
            0 if sign > 0 else 1,
            [
                d.invoice_date.isoformat(),
                _TYPES[d.kind],
                document_number(d.kind, d.number) or "",
                document_number(DocumentKind.INVOICE, d.credit_of_number) or "",
                str(d.student_id),
                text(f"{d.first_name} {d.last_name}"),
                text(d.bill_to_name),
                text("; ".join(descriptions.get(d.id, []))),
                "",
                "",
                dollars(sign * d.subtotal_cents),
                dollars(sign * d.tax_cents),
                dollars(sign * d.total_cents),
                d.due_on.isoformat() if sign > 0 else "",
            ],
        )
    invoices_of: dict[int, list[str]] = {}
    for p in placed:
        invoices_of.setdefault(p.payment_id, []).append(document_number(DocumentKind.INVOICE, p.number) or "")
    for p in payments:
        counts.payments += 1
        incoming = p.kind == PaymentKind.PAYMENT
        refers = " ".join(invoices_of.get(p.id, [])) if incoming else payment_number(p.refers_to_id or 0)
        yield (
            p.received_on,
            2 if incoming else 3,
            [
                p.received_on.isoformat(),
                _TYPES[p.kind],
                payment_number(p.id),
                refers,
                str(p.student_id),
                text(f"{p.first_name} {p.last_name}"),
                "",
                "",
                _METHODS.get(p.method, p.method),
                text(p.reference),
                "",
                "",
                dollars(p.amount_cents if incoming else -p.amount_cents),
                "",
            ],
        )


def write(
    out: TextIO, documents: Sequence[Any], lines: Sequence[Any], payments: Sequence[Any], placed: Sequence[Any]
) -> Counts:
    counts = Counts()
    rows = sorted(_rows(documents, lines, payments, placed, counts), key=lambda r: (r[0], r[1]))
    writer = csv.writer(out)  # RFC 4180: commas, quotes where needed, CRLF line ends
    writer.writerow(COLUMNS)
    writer.writerows(cells for _on, _order, cells in rows)
    return counts
