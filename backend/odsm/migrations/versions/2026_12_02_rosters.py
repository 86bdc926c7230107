"""classroom rosters: the students registered ahead of time for each class"""

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"


def upgrade() -> None:
    op.create_table(
        "classroom_roster",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("enrollment_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment_id"], ["enrollments.id"], name=op.f("fk_classroom_roster_enrollment_id_enrollments")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["classroom_sessions.id"], name=op.f("fk_classroom_roster_session_id_classroom_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classroom_roster")),
        sa.UniqueConstraint("session_id", "enrollment_id", name=op.f("uq_classroom_roster_session_id")),
    )
    with op.batch_alter_table("classroom_roster", schema=None) as batch_op:
        batch_op.create_index("ix_classroom_roster_student", ["student_id", "session_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("classroom_roster", schema=None) as batch_op:
        batch_op.drop_index("ix_classroom_roster_student")
    op.drop_table("classroom_roster")
