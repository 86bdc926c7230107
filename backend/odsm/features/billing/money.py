"""The arithmetic of money, pure: HST per rate on the taxable total, rounded half-up to the cent, and the
age buckets of what is owed. Integers only: cents and basis points (1300 = 13 %)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

BASIS = 10_000

# What the invoice says of its tax (the issue asks that it say so).
TAX_NOTE = "HST is worked out on the taxable total at each rate and rounded half-up to the cent."
NOT_REGISTERED_NOTE = "The school is not registered for HST: no tax is charged."


def half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in integers (no float ever sees money)."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    n, d = abs(numerator), abs(denominator)
    return sign * ((2 * n + d) // (2 * d))


@dataclass(frozen=True)
class Taxed:
    rate_basis_points: int
    taxable_cents: int
    tax_cents: int


@dataclass(frozen=True)
class Totals:
    subtotal_cents: int
    tax_cents: int
    total_cents: int
    taxes: list[Taxed]


def totals(lines: Iterable[tuple[int, int]], registered: bool) -> Totals:
    """`lines` are (amount in cents, rate in basis points). Tax is charged per rate on that rate's total,
    not per line, so a long invoice never gains or loses a cent to rounding line by line."""
    by_rate = rate_totals(lines, registered)
    subtotal = sum(r.base_cents for r in by_rate)
    if not registered:
        return Totals(subtotal, 0, subtotal, [])
    taxes = [Taxed(r.rate_basis_points, r.base_cents, r.tax_cents) for r in by_rate if r.rate_basis_points > 0]
    tax = sum(t.tax_cents for t in taxes)
    return Totals(subtotal, tax, subtotal + tax, taxes)


@dataclass(frozen=True)
class RateTotal:
    rate_basis_points: int
    base_cents: int
    tax_cents: int


def rate_totals(lines: Iterable[tuple[int, int]], registered: bool) -> list[RateTotal]:
    """Each rate's taxable total and its tax, every rate listed (0 % and an unregistered school's too), in rate
    order: what `totals` adds up, kept for the HST report."""
    by_rate: dict[int, int] = {}
    for amount, rate in lines:
        by_rate[rate] = by_rate.get(rate, 0) + amount
    return [
        RateTotal(rate, base, half_up(base * rate, BASIS) if registered and rate > 0 else 0)
        for rate, base in sorted(by_rate.items())
    ]


@dataclass
class AgeBuckets:
    current_cents: int = 0
    days_31_60_cents: int = 0
    days_61_90_cents: int = 0
    over_90_cents: int = 0

    def add(self, owing_cents: int, invoice_date: date, as_of: date) -> None:
        """Aged from the invoice's date: 0 to 30 days is current."""
        days = (as_of - invoice_date).days
        if days <= 30:
            self.current_cents += owing_cents
        elif days <= 60:
            self.days_31_60_cents += owing_cents
        elif days <= 90:
            self.days_61_90_cents += owing_cents
        else:
            self.over_90_cents += owing_cents


def document_number(kind: str, number: int | None) -> str | None:
    if number is None:
        return None
    return f"{'CN' if kind == 'credit_note' else 'INV'}-{number:06d}"
