"""The end-of-day cash-up: one day's payments by method with counts and totals, refunds and reversals apart."""

from __future__ import annotations

from datetime import date
from typing import get_args

from sqlalchemy.orm import Session

from odsm.models import Payment, PaymentKind, SchoolSettings

from . import repository as repo
from .schemas import CashUp, CashUpMethod, CashUpTakenBack, PaymentMethod

# The order the desk counts the till in; every method is listed, a zero included, so the sheet's shape is fixed.
METHODS: tuple[str, ...] = get_args(PaymentMethod)


def _by_method(totals: dict[tuple[str, str], tuple[int, int]], kind: str) -> list[CashUpMethod]:
    rows = []
    for method in METHODS:
        count, total = totals.get((kind, method), (0, 0))
        rows.append(CashUpMethod.model_validate({"method": method, "count": count, "total_cents": total}))
    return rows


def _taken_back(p: Payment, names: dict[int, str]) -> CashUpTakenBack:
    fields = {"student_name": names.get(p.student_id, "")}
    keys = ("id", "kind", "student_id", "refers_to_id", "method", "amount_cents", "reason")
    return CashUpTakenBack.model_validate({**{k: getattr(p, k) for k in keys}, **fields})


def cash_up(s: Session, school: SchoolSettings, day: date) -> CashUp:
    totals = {(kind, method): (count, total) for kind, method, count, total in repo.day_totals(s, day)}
    payments = _by_method(totals, PaymentKind.PAYMENT)
    refunds = _by_method(totals, PaymentKind.REFUND)
    reversals = _by_method(totals, PaymentKind.REVERSAL)
    back = repo.taken_back_on(s, day)
    names = repo.student_names(s, {p.student_id for p in back})
    paid_in = sum(m.total_cents for m in payments)
    refunded = sum(m.total_cents for m in refunds)
    reversed_ = sum(m.total_cents for m in reversals)
    return CashUp(
        day=day,
        school_name=school.name,
        payments=payments,
        payments_count=sum(m.count for m in payments),
        payments_total_cents=paid_in,
        refunds=refunds,
        refunds_count=sum(m.count for m in refunds),
        refunds_total_cents=refunded,
        reversals=reversals,
        reversals_count=sum(m.count for m in reversals),
        reversals_total_cents=reversed_,
        taken_back=[_taken_back(p, names) for p in back],
        net_cents=paid_in - refunded - reversed_,
    )
