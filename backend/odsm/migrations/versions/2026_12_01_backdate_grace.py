"""school setting: the grace period after which a late entry needs a reason

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("backdate_grace_hours", sa.Integer(), nullable=False, server_default="48"))


def downgrade() -> None:
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.drop_column("backdate_grace_hours")
