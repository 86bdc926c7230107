"""students"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"


def upgrade() -> None:
    op.create_table(
        "students",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("phone_digits", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("licence_number", sa.String(length=15), nullable=True),
        sa.Column("licence_class", sa.String(length=2), nullable=True),
        sa.Column("g1_issue_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("search_name", sa.String(length=420), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_students")),
    )
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.create_index("ix_students_last_first", ["last_name", "first_name"], unique=False)
        batch_op.create_index("ix_students_licence_number", ["licence_number"], unique=True)
        batch_op.create_index("ix_students_phone_digits", ["phone_digits"], unique=False)
        batch_op.create_index("ix_students_search_name", ["search_name"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.drop_index("ix_students_search_name")
        batch_op.drop_index("ix_students_phone_digits")
        batch_op.drop_index("ix_students_licence_number")
        batch_op.drop_index("ix_students_last_first")

    op.drop_table("students")
