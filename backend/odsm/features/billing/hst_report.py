"""The figures of a GST/HST return for a period, from the invoices and credit notes dated in it: line 101
(sales and other revenue, before tax, net of credit notes), line 103 (HST collected or collectible, net of
credit notes), line 104 (adjustments: none recorded by the app) and line 105 (103 plus 104)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from odsm.models import DocumentKind, SchoolSettings

from . import repository as repo
from .schemas import HstRateLine, HstReport


def hst_report(s: Session, school: SchoolSettings, start: date, end: date) -> HstReport:
    # Added up in the database: a year of a large school is hundreds of thousands of documents.
    by_kind, rates = repo.hst_in_period(s, start, end)
    invoices, inv_sub, inv_tax = by_kind.get(DocumentKind.INVOICE, (0, 0, 0))
    notes, note_sub, note_tax = by_kind.get(DocumentKind.CREDIT_NOTE, (0, 0, 0))
    revenue, collected = inv_sub - note_sub, inv_tax - note_tax
    by_rate = [HstRateLine(rate_basis_points=r, sales_cents=sales, tax_cents=tax) for r, sales, tax in rates]
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
