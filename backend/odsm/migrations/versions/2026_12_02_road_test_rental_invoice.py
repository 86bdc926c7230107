"""road-test charges: the invoice or credit note that put each on the student's account"""

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"


def upgrade() -> None:
    with op.batch_alter_table("road_test_charges", schema=None) as batch_op:
        batch_op.add_column(sa.Column("invoice_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_road_test_charges_invoice_id_invoices"), "invoices", ["invoice_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("road_test_charges", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_road_test_charges_invoice_id_invoices"), type_="foreignkey")
        batch_op.drop_column("invoice_id")
