"""The products and billing settings a school starts with, created once, on first use, inside an audited write
(as the school settings are), so "Verify audit chain" finds an entry for each. The claim on the `defaults`
counter row makes it once even when two desks start billing at the same moment."""

from __future__ import annotations

from sqlalchemy.orm import Session

from odsm.models import BillingSettings, InvoiceStatus, Product, ProductKind

from . import repository as repo

HST_BASIS_POINTS = 1300  # Ontario HST, 13 % (DOMAIN.md: Money)

# code, kind, name, price in cents before tax, minutes (a lesson's length, a pack's hours)
DEFAULT_PRODUCTS: tuple[tuple[str, ProductKind, str, int, int | None], ...] = (
    ("bde_course", ProductKind.COURSE, "BDE course (classroom, in-car and home study)", 69_900, None),
    ("lesson_60", ProductKind.LESSON, "In-car lesson, 1 hour", 6_500, 60),
    ("lesson_90", ProductKind.LESSON, "In-car lesson, 1.5 hours", 9_500, 90),
    ("lesson_120", ProductKind.LESSON, "In-car lesson, 2 hours", 12_500, 120),
    ("pack_5h", ProductKind.PACK, "Prepaid lessons, 5 hours", 30_000, 5 * 60),
    ("pack_10h", ProductKind.PACK, "Prepaid lessons, 10 hours", 57_500, 10 * 60),
    ("road_test_car", ProductKind.ROAD_TEST_CAR, "Car for the road test", 15_000, None),
    ("late_cancel_fee", ProductKind.LATE_CANCEL_FEE, "Late cancellation fee", 4_500, None),
    ("no_show_fee", ProductKind.NO_SHOW_FEE, "Missed lesson (no-show) fee", 4_500, None),
)


def ensure_defaults(s: Session) -> BillingSettings:
    """The billing settings row, after creating it and the default products if this school has none yet."""
    if repo.claim_defaults(s):
        s.add(BillingSettings(id=repo.SETTINGS_ID, enrolment_invoice_status=InvoiceStatus.DRAFT, payment_terms_days=30))
        for code, kind, name, price, minutes in DEFAULT_PRODUCTS:
            s.add(
                Product(
                    code=code,
                    kind=kind,
                    name=name,
                    price_cents=price,
                    tax_rate_basis_points=HST_BASIS_POINTS,
                    minutes=minutes,
                )
            )
        s.flush()
    settings = repo.billing_settings(s)
    assert settings is not None  # made with the claim, in this write or an earlier one
    return settings
