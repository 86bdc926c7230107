"""what each open invoice still owes, kept beside it so the unpaid and overdue lists read the open invoices alone

Filled here from the invoices, payments and credit notes already written; from then on billing's flush hook
keeps it in the same transaction as each payment, refund, reversal and credit note."""

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"

# An issued invoice's total less what is placed on it and its issued credit notes; only those that owe.
FILL = """
INSERT INTO invoice_owing (invoice_id, student_id, invoice_date, due_on, owing_cents)
SELECT id, student_id, invoice_date, due_on, owing_cents FROM (
    SELECT i.id, i.student_id, i.invoice_date, i.due_on,
           i.total_cents
           - COALESCE((SELECT SUM(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)
           - COALESCE((SELECT SUM(n.total_cents) FROM invoices n
                       WHERE n.credit_of_id = i.id AND n.status = 'issued'), 0) AS owing_cents
    FROM invoices i
    WHERE i.kind = 'invoice' AND i.status = 'issued'
) open_invoices
WHERE owing_cents > 0
"""


def upgrade() -> None:
    op.create_table(
        "invoice_owing",
        sa.Column("invoice_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("owing_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_owing_invoice_id_invoices"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("invoice_id", name=op.f("pk_invoice_owing")),
    )
    with op.batch_alter_table("invoice_owing", schema=None) as batch_op:
        batch_op.create_index("ix_invoice_owing_date", ["invoice_date", "invoice_id"], unique=False)
        batch_op.create_index("ix_invoice_owing_due", ["due_on", "owing_cents"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoice_owing_student_id"), ["student_id"], unique=False)
    op.execute(FILL)


def downgrade() -> None:
    op.drop_table("invoice_owing")
