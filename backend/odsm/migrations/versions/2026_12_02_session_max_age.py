"""sign-in setting: the hours after which a session ends even while the desk is in use"""

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"


def upgrade() -> None:
    with op.batch_alter_table("sign_in_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_max_hours", sa.Integer(), nullable=False, server_default="12"))


def downgrade() -> None:
    with op.batch_alter_table("sign_in_settings", schema=None) as batch_op:
        batch_op.drop_column("session_max_hours")
