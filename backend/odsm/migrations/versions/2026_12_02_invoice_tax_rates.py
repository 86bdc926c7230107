"""each issued document's totals per rate, kept at issue so the HST report adds them up in one pass

Filled here from the lines of every document already issued, by the rule issuing uses (money.totals): the tax is
worked out half-up on each rate's total, none when the document was issued while the school was not registered."""

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"

FILL = """
INSERT INTO invoice_tax_rates (invoice_id, rate_basis_points, kind, invoice_date, first_rate, base_cents, tax_cents)
SELECT i.id, l.tax_rate_basis_points, i.kind, i.invoice_date,
       l.tax_rate_basis_points = (SELECT MIN(x.tax_rate_basis_points) FROM invoice_lines x WHERE x.invoice_id = i.id),
       SUM(l.amount_cents),
       CASE
           WHEN i.hst_registered AND l.tax_rate_basis_points > 0 AND SUM(l.amount_cents) >= 0
               THEN (2 * SUM(l.amount_cents) * l.tax_rate_basis_points + 10000) / 20000
           WHEN i.hst_registered AND l.tax_rate_basis_points > 0
               THEN -((-2 * SUM(l.amount_cents) * l.tax_rate_basis_points + 10000) / 20000)
           ELSE 0
       END
FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
WHERE i.status = 'issued'
GROUP BY i.id, i.kind, i.invoice_date, i.hst_registered, l.tax_rate_basis_points
"""


def upgrade() -> None:
    op.create_table(
        "invoice_tax_rates",
        sa.Column("invoice_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("rate_basis_points", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("first_rate", sa.Boolean(), nullable=False),
        sa.Column("base_cents", sa.Integer(), nullable=False),
        sa.Column("tax_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_tax_rates_invoice_id_invoices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("invoice_id", "rate_basis_points", name=op.f("pk_invoice_tax_rates")),
    )
    with op.batch_alter_table("invoice_tax_rates", schema=None) as batch_op:
        batch_op.create_index(
            "ix_invoice_tax_rates_report",
            ["kind", "rate_basis_points", "invoice_date", "first_rate", "base_cents", "tax_cents"],
            unique=False,
        )
    op.execute(FILL)


def downgrade() -> None:
    op.drop_table("invoice_tax_rates")
