"""The school car's rental on the student's account, through billing's functions for other features, inside
the road test's own unit of work: a booking and its invoice, or a cancellation and its credit note, commit
together or not at all. Each `RoadTestCharge` keeps the document that billed it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from odsm.features.billing.service import charge_road_test_rental, credit_road_test_rental, road_test_rental_cents
from odsm.models import RoadTest, RoadTestCharge

from .repository import RENTAL, RENTAL_REVERSAL, RoadTestRepository

REVERSAL_WORDS = "Road test cancelled in time: the school car's rental is reversed"


def _bill(s: Session, charge: RoadTestCharge, reason: str) -> None:
    if charge.kind == RENTAL and charge.amount_cents > 0:
        charge.invoice_id = charge_road_test_rental(s, charge.student_id, charge.amount_cents, charge.description)
    elif charge.kind == RENTAL_REVERSAL:
        rental = RoadTestRepository(s).rental_charge(charge.road_test_id)
        if rental is not None and rental.invoice_id is not None:
            charge.invoice_id = credit_road_test_rental(s, rental.invoice_id, reason)
    # A rental at no price, or the reversal of one, has nothing to put on the account.
    charge.billed = True


def take_over_unbilled(s: Session) -> int:
    """Bills the charges written before billing existed (rentals, then their reversals), dated today: the
    first road-test write after the upgrade does it, once. Returns how many it took over."""
    rows = RoadTestRepository(s).unbilled_charges()
    for charge in rows:
        _bill(s, charge, charge.description or REVERSAL_WORDS)
        s.flush()
    return len(rows)


def charge_rental(s: Session, test: RoadTest, description: str) -> None:
    """The school car on the student's account at the price list's rental."""
    charge = RoadTestCharge(
        student_id=test.student_id,
        road_test_id=test.id,
        kind=RENTAL,
        amount_cents=road_test_rental_cents(s),
        description=description,
        billed=False,
    )
    s.add(charge)
    s.flush()
    _bill(s, charge, description)
    s.flush()


def reverse_rental(s: Session, test: RoadTest, reason: str | None) -> None:
    """A test cancelled in time: the rental comes back off the account as a credit note on its invoice."""
    rental = RoadTestRepository(s).rental_cents(test.id)
    if not rental:
        return
    charge = RoadTestCharge(
        student_id=test.student_id,
        road_test_id=test.id,
        kind=RENTAL_REVERSAL,
        amount_cents=-rental,
        description=REVERSAL_WORDS,
        billed=False,
    )
    s.add(charge)
    s.flush()
    _bill(s, charge, f"{REVERSAL_WORDS}: {reason}" if reason else REVERSAL_WORDS)
    s.flush()
