"""The figures of a GST/HST return for a period, from the invoices and credit notes dated in it: line 101
(sales and other revenue, before tax, net of credit notes), line 103 (HST collected or collectible, net of
credit notes), line 104 (adjustments: none recorded by the app) and line 105 (103 plus 104)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from odsm.models import DocumentKind, SchoolSettings

from . import repository as repo
from .money import totals
from .schemas import HstRateLine, HstReport


def hst_report(s: Session, school: SchoolSettings, start: date, end: date) -> HstReport:
    sales: dict[int, int] = {}
    tax: dict[int, int] = {}
    revenue = collected = invoices = notes = 0
    for doc in repo.issued_in_period(s, start, end):
        sign = 1 if doc.kind == DocumentKind.INVOICE else -1
        invoices += doc.kind == DocumentKind.INVOICE
        notes += doc.kind == DocumentKind.CREDIT_NOTE
        revenue += sign * doc.subtotal_cents
        collected += sign * doc.tax_cents
        # Per rate as the document worked it out (its frozen registration), for the breakdown.
        t = totals(((line.amount_cents, line.tax_rate_basis_points) for line in doc.lines), doc.hst_registered)
        for line in doc.lines:
            sales[line.tax_rate_basis_points] = sales.get(line.tax_rate_basis_points, 0) + sign * line.amount_cents
        for taxed in t.taxes:
            tax[taxed.rate_basis_points] = tax.get(taxed.rate_basis_points, 0) + sign * taxed.tax_cents
    by_rate = [HstRateLine(rate_basis_points=r, sales_cents=sales[r], tax_cents=tax.get(r, 0)) for r in sorted(sales)]
    return HstReport(
        start=start,
        end=end,
        hst_registered=school.hst_registered,
        hst_number=school.hst_number if school.hst_registered else "",
        invoices=invoices,
        credit_notes=notes,
        revenue_cents=revenue,
        hst_collected_cents=collected,
        by_rate=by_rate,
        line_101_sales_cents=revenue,
        line_103_tax_collected_cents=collected,
        line_104_adjustments_cents=0,
        line_105_total_cents=collected,
    )
