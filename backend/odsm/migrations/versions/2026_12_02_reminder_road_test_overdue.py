"""reminder settings: a road test in N days, and an overdue balance (days past due, and how often)"""

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"


def upgrade() -> None:
    with op.batch_alter_table("reminder_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("road_test_on", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column("road_test_days", sa.Integer(), nullable=False, server_default="3"))
        batch_op.add_column(sa.Column("overdue_balance_on", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column("overdue_balance_days", sa.Integer(), nullable=False, server_default="14"))
        batch_op.add_column(sa.Column("overdue_balance_repeat_days", sa.Integer(), nullable=False, server_default="14"))


def downgrade() -> None:
    with op.batch_alter_table("reminder_settings", schema=None) as batch_op:
        for name in (
            "overdue_balance_repeat_days",
            "overdue_balance_days",
            "overdue_balance_on",
            "road_test_days",
            "road_test_on",
        ):
            batch_op.drop_column(name)
