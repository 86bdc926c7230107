"""the school car's rental for a road test has one price: the `road_test_car` product's

Bookings charged the road-test settings' rental while the price list showed the product at another price. The
settings' column goes; where the school already has its price list, the product takes the price bookings were
charging, so nobody's next booking costs something else. The product's name loses "with a warm-up lesson": a
warm-up lesson is booked, and billed, as a lesson."""

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"

OLD_NAME = "Car for the road test, with a warm-up lesson"
NEW_NAME = "Car for the road test"
DEFAULT_RENTAL_CENTS = 15000


def upgrade() -> None:
    bind = op.get_bind()
    # A school that never opened its road-test settings would have been charged the column's default.
    rental = bind.execute(sa.text("SELECT rental_price_cents FROM road_test_settings ORDER BY id LIMIT 1")).scalar()
    bind.execute(
        sa.text("UPDATE billing_products SET price_cents = :price WHERE code = 'road_test_car'"),
        {"price": DEFAULT_RENTAL_CENTS if rental is None else rental},
    )
    bind.execute(
        sa.text("UPDATE billing_products SET name = :new WHERE code = 'road_test_car' AND name = :old"),
        {"new": NEW_NAME, "old": OLD_NAME},
    )
    with op.batch_alter_table("road_test_settings", schema=None) as batch_op:
        batch_op.drop_column("rental_price_cents")


def downgrade() -> None:
    with op.batch_alter_table("road_test_settings", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rental_price_cents", sa.Integer(), nullable=False, server_default=str(DEFAULT_RENTAL_CENTS))
        )
    bind = op.get_bind()
    price = bind.execute(sa.text("SELECT price_cents FROM billing_products WHERE code = 'road_test_car'")).scalar()
    if price is not None:
        bind.execute(sa.text("UPDATE road_test_settings SET rental_price_cents = :price"), {"price": price})
