"""The arithmetic alone: HST per rate on the taxable total, half-up to the cent, and the age buckets."""

from __future__ import annotations

from datetime import date

from odsm.features.billing.money import AgeBuckets, half_up, totals


def test_half_up_rounds_a_half_cent_up_and_less_down() -> None:
    assert [half_up(n, 10_000) for n in (5_000, 4_999, 15_000, 0)] == [1, 0, 2, 0]
    assert half_up(-5_000, 10_000) == -1


def test_tax_is_worked_out_per_rate_on_the_rates_total_not_line_by_line() -> None:
    # Three lines of 0.50 at 13 %: 0.065 each rounds to 0.07 (0.21 in all); on the total 1.50, 0.195 -> 0.20.
    t = totals([(50, 1300), (50, 1300), (50, 1300), (1000, 0)], registered=True)
    assert (t.subtotal_cents, t.tax_cents, t.total_cents) == (1150, 20, 1170)
    assert [(x.rate_basis_points, x.taxable_cents, x.tax_cents) for x in t.taxes] == [(1300, 150, 20)]


def test_a_school_not_registered_charges_no_tax() -> None:
    t = totals([(6500, 1300)], registered=False)
    assert (t.tax_cents, t.total_cents, t.taxes) == (0, 6500, [])


def test_age_buckets_split_at_30_60_and_90_days() -> None:
    b = AgeBuckets()
    as_of = date(2026, 12, 31)
    for days, cents in ((0, 1), (30, 2), (31, 4), (60, 8), (61, 16), (90, 32), (91, 64)):
        b.add(cents, date.fromordinal(as_of.toordinal() - days), as_of)
    assert (b.current_cents, b.days_31_60_cents, b.days_61_90_cents, b.over_90_cents) == (3, 12, 48, 64)
