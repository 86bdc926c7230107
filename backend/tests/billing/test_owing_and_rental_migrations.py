"""The two money migrations of this stop, on a school with money already written.

0018: the school car's rental has one price. Bookings charged the road-test settings' rental; the upgrade puts
that price on the price list's road-test car (so the next booking costs what the last one did) and the downgrade
puts the product's price back on the settings.
0019: what each open invoice still owes is filled from the invoices, payments and credit notes already there,
equal to what the flush hook keeps from then on.
0020: each issued document's totals per rate are filled from its lines, equal to what issuing writes."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from odsm.core.migrations import alembic_config
from odsm.core.unit_of_work import Database
from odsm.features.billing.schemas import CreditNoteCreate, InvoiceCreate, LineIn, PaymentCreate
from odsm.features.billing.service import BillingService, InvoiceService, PaymentService
from odsm.features.road_tests.service import RoadTestSettingsService
from odsm.features.students.schemas import StudentCreate
from odsm.features.students.service import StudentService
from odsm.models import InvoiceOwing, InvoiceTaxRate
from tests.conftest import student_payload

LINE = LineIn(description="In-car lesson", unit_price_cents=6500, tax_rate_basis_points=1300)  # 73.45 with HST


def _owing(db: Database) -> dict[int, int]:
    return db.read(lambda s: {r.invoice_id: r.owing_cents for r in s.scalars(select(InvoiceOwing))})


def _tax_rates(db: Database) -> set[tuple[int, int, str, bool, int, int]]:
    rows = db.read(lambda s: list(s.scalars(select(InvoiceTaxRate))))
    return {(r.invoice_id, r.rate_basis_points, r.kind, r.first_rate, r.base_cents, r.tax_cents) for r in rows}


def _car_price(db: Database) -> int:
    with db.engine.connect() as conn:
        price = conn.execute(text("SELECT price_cents FROM billing_products WHERE code = 'road_test_car'"))
        return int(price.scalar_one())


def test_the_open_invoices_and_the_rate_totals_are_filled_from_the_money_already_written(db: Database) -> None:
    student = StudentService(db).create(StudentCreate(**student_payload(licence_number=None))).id
    invoices = InvoiceService(db)
    unpaid, part_paid, paid, credited = (
        invoices.create(InvoiceCreate(student_id=student, lines=[LINE], issue=True)).id for _ in range(4)
    )
    invoices.create(InvoiceCreate(student_id=student, lines=[LINE]))  # a draft owes nothing
    zero_rated = LineIn(description="Book", unit_price_cents=2000, tax_rate_basis_points=0)
    mixed = invoices.create(InvoiceCreate(student_id=student, lines=[LINE, LINE, zero_rated], issue=True)).id
    PaymentService(db).take(
        PaymentCreate.model_validate(
            {
                "student_id": student,
                "method": "cash",
                "amount_cents": 7345 + 2000,
                "allocations": [
                    {"invoice_id": paid, "amount_cents": 7345},
                    {"invoice_id": part_paid, "amount_cents": 2000},
                ],
            }
        )
    )
    invoices.credit(credited, CreditNoteCreate(reason="Lesson not taken"))
    kept = _owing(db)
    # Worked out from the inputs: 73.45 each; 20.00 paid on one; one paid whole; one credited whole.
    assert kept == {unpaid: 7345, part_paid: 5345, mixed: 2 * 7345 + 2000}
    rates = _tax_rates(db)
    # By hand: 130.00 at 13 % is 16.90 of tax, the book 20.00 at 0 %; the credit note takes one lesson back.
    assert {r for r in rates if r[0] == mixed} == {
        (mixed, 0, "invoice", True, 2000, 0),
        (mixed, 1300, "invoice", False, 13000, 1690),
    }
    assert len([r for r in rates if r[2] == "credit_note"]) == 1

    cfg = alembic_config(db.engine)
    command.downgrade(cfg, "0018")
    command.upgrade(cfg, "head")
    assert _owing(db) == kept
    assert _tax_rates(db) == rates


def test_the_car_rental_takes_the_price_bookings_charged_and_back(db: Database) -> None:
    BillingService(db).settings()  # the price list, with the road-test car at its default
    RoadTestSettingsService(db).get()  # the road-test settings row
    assert _car_price(db) == 15_000
    cfg = alembic_config(db.engine)
    command.downgrade(cfg, "0017")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT rental_price_cents FROM road_test_settings")).scalar_one() == 15_000
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE road_test_settings SET rental_price_cents = 18000"))
        conn.execute(
            text("UPDATE billing_products SET name = :old WHERE code = 'road_test_car'"),
            {"old": "Car for the road test, with a warm-up lesson"},
        )
    command.upgrade(cfg, "head")
    assert _car_price(db) == 18_000
    with db.engine.connect() as conn:
        name = conn.execute(text("SELECT name FROM billing_products WHERE code = 'road_test_car'")).scalar_one()
        columns = list(conn.execute(text("SELECT * FROM road_test_settings")).keys())
    assert name == "Car for the road test"
    assert "rental_price_cents" not in columns
