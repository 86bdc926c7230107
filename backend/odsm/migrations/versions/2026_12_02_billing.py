"""billing: products, billing settings, gapless document counters, invoices and credit notes with their lines,
payments with their allocations, prepaid lesson minutes

The default products and the billing settings row are created on first use by the billing feature, inside an
audited write (as the school settings are), so that "Verify audit chain" finds an entry for each of them; a row
seeded here would stand in the log as written behind the app's back. The counters are bookkeeping, not records,
so they are seeded here; the `defaults` counter says whether those defaults exist yet."""

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"


def upgrade() -> None:
    op.create_table(
        "billing_products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("tax_rate_basis_points", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_products")),
        sa.UniqueConstraint("code", name=op.f("uq_billing_products_code")),
    )
    op.create_table(
        "billing_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrolment_invoice_status", sa.String(length=10), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_settings")),
    )
    # No row is seeded: the counters are made on first use (billing repository), so a new school's tables
    # are all empty and a move or a backup copies into them.
    op.create_table(
        "billing_counters",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("next_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_billing_counters")),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("credit_of_id", sa.Integer(), nullable=True),
        sa.Column("enrollment_id", sa.Integer(), nullable=True),
        sa.Column("lesson_id", sa.Integer(), nullable=True),
        sa.Column("invoice_date", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("bill_to_name", sa.String(length=200), nullable=False),
        sa.Column("bill_to_kind", sa.String(length=10), nullable=False),
        sa.Column("hst_registered", sa.Boolean(), nullable=False),
        sa.Column("hst_number", sa.String(length=40), nullable=False),
        sa.Column("subtotal_cents", sa.Integer(), nullable=False),
        sa.Column("tax_cents", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_invoices_student_id_students")),
        sa.ForeignKeyConstraint(["credit_of_id"], ["invoices.id"], name=op.f("fk_invoices_credit_of_id_invoices")),
        sa.ForeignKeyConstraint(
            ["enrollment_id"], ["enrollments.id"], name=op.f("fk_invoices_enrollment_id_enrollments")
        ),
        sa.ForeignKeyConstraint(["lesson_id"], ["lessons.id"], name=op.f("fk_invoices_lesson_id_lessons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index("uq_invoices_kind_number", ["kind", "number"], unique=True)
        batch_op.create_index("ix_invoices_student_date", ["student_id", "invoice_date"], unique=False)
        batch_op.create_index("ix_invoices_status_date", ["status", "invoice_date"], unique=False)
        batch_op.create_index("ix_invoices_credit_of", ["credit_of_id"], unique=False)
    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_cents", sa.Integer(), nullable=False),
        sa.Column("tax_rate_basis_points", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("prepaid_minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_invoice_lines_invoice_id_invoices"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["billing_products.id"], name=op.f("fk_invoice_lines_product_id_billing_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_lines_invoice_id"), ["invoice_id"], unique=False)
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("refers_to_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=12), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_payments_student_id_students")),
        sa.ForeignKeyConstraint(["refers_to_id"], ["payments.id"], name=op.f("fk_payments_refers_to_id_payments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index("ix_payments_student_date", ["student_id", "received_on"], unique=False)
        batch_op.create_index("ix_payments_refers_to", ["refers_to_id"], unique=False)
    op.create_table(
        "payment_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("allocated_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_allocations_payment_id_payments"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_payment_allocations_invoice_id_invoices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_allocations")),
    )
    with op.batch_alter_table("payment_allocations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_payment_allocations_payment_id"), ["payment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payment_allocations_invoice_id"), ["invoice_id"], unique=False)
    op.create_table(
        "prepaid_minutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_prepaid_minutes_student_id_students")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prepaid_minutes")),
    )
    with op.batch_alter_table("prepaid_minutes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prepaid_minutes_student_id"), ["student_id"], unique=False)


def downgrade() -> None:
    for table in (
        "prepaid_minutes",
        "payment_allocations",
        "payments",
        "invoice_lines",
        "invoices",
        "billing_counters",
        "billing_settings",
        "billing_products",
    ):
        op.drop_table(table)
