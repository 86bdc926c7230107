"""The money reports, worked out from the rows the reports repository reads: revenue and HST collected per
month, quarter or year (net of credit notes, as the HST return's lines 101 and 103 count them), and what the
school is owed by age (current, 31-60, 61-90, over 90 days, from each invoice's date)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from odsm.models import DocumentKind

from .money import AgeBuckets
from .report_schemas import YEARS_SHOWN, Grouping, Receivables, RevenuePeriod, RevenueReport, StudentOwing
from .schemas import Aging

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def periods_of(year: int, grouping: Grouping) -> list[tuple[str, date, date]]:
    """(label, first day, last day) of each period shown for the year, in order."""
    if grouping == "month":
        return [(_MONTHS[m - 1], date(year, m, 1), _month_end(year, m)) for m in range(1, 13)]
    if grouping == "quarter":
        return [(f"Q{q}", date(year, 3 * q - 2, 1), _month_end(year, 3 * q)) for q in range(1, 5)]
    return [(str(y), date(y, 1, 1), date(y, 12, 31)) for y in range(year - YEARS_SHOWN + 1, year + 1)]


def revenue_report(
    year: int, grouping: Grouping, registered: bool, periods: list[tuple[str, date, date]], rows: Iterable[Any]
) -> RevenueReport:
    """`rows` are `issued_by_day` rows covering the periods; a credit note counts against its own date."""
    out = [
        RevenuePeriod(label=p[0], start=p[1], end=p[2], revenue_cents=0, hst_cents=0, invoices=0, credit_notes=0)
        for p in periods
    ]
    for row in rows:
        period = next((p for p in out if p.start <= row.day <= p.end), None)
        if period is None:
            continue
        sign = 1 if row.kind == DocumentKind.INVOICE else -1
        period.revenue_cents += sign * int(row.subtotal_cents)
        period.hst_cents += sign * int(row.tax_cents)
        if sign > 0:
            period.invoices += int(row.documents)
        else:
            period.credit_notes += int(row.documents)
    return RevenueReport(
        year=year,
        grouping=grouping,
        hst_registered=registered,
        periods=out,
        revenue_cents=sum(p.revenue_cents for p in out),
        hst_cents=sum(p.hst_cents for p in out),
    )


def receivables(rows: Iterable[Any], as_of: date, limit: int) -> Receivables:
    """`rows` are `open_invoices` rows: each invoice that still owes, with its student."""
    school = AgeBuckets()
    by_student: dict[int, tuple[str, AgeBuckets, list[date]]] = {}
    invoices = 0
    for row in rows:
        owing = int(row.owing_cents)
        school.add(owing, row.invoice_date, as_of)
        _name, buckets, dates = by_student.setdefault(
            row.student_id, (f"{row.first_name} {row.last_name}", AgeBuckets(), [])
        )
        buckets.add(owing, row.invoice_date, as_of)
        dates.append(row.invoice_date)
        invoices += 1
    owing_students = [
        StudentOwing(
            student_id=student_id,
            student_name=name,
            invoices=len(dates),
            owing_cents=_total(buckets),
            oldest_invoice_date=min(dates),
            aging=Aging(**vars(buckets)),
        )
        for student_id, (name, buckets, dates) in by_student.items()
    ]
    owing_students.sort(key=lambda s: (-s.owing_cents, s.oldest_invoice_date, s.student_id))
    return Receivables(
        as_of=as_of,
        owing_cents=_total(school),
        students_owing=len(owing_students),
        invoices_owing=invoices,
        aging=Aging(**vars(school)),
        top=owing_students[:limit],
    )


def _total(b: AgeBuckets) -> int:
    return b.current_cents + b.days_31_60_cents + b.days_61_90_cents + b.over_90_cents
