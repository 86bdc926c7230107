"""deadline in months, expired index: completion_deadline_days becomes _months; enrollments get a covering index

The Ministry's deadline is one calendar year from the first class, not 365 days (a first class on
2024-02-29 ends on 2025-02-28; on 2025-03-01, on 2026-03-01). A school's stricter choice in days
becomes the most months whose longest span still fits in it; 365 days or more (the old default, or a
looser value the app no longer allows) becomes the Ministry's 12 months.

The certification worklist counts the enrollments past (and near) their deadline that are still short of
hours; (status, deadline) plus the course and the running totals lets it count them from the index alone
(33,000 expired rows: about 20 ms instead of 200 ms). It replaces the (status, deadline) index.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"

MINISTRY_MONTHS = 12
# The longest run of days that 1..11 calendar months can cover (e.g. 2 months: July and August, 62 days).
LONGEST_SPAN_DAYS = (31, 62, 92, 123, 153, 184, 215, 245, 276, 306, 337)

settings = sa.table(
    "school_settings",
    sa.column("id", sa.Integer),
    sa.column("completion_deadline_days", sa.Integer),
    sa.column("completion_deadline_months", sa.Integer),
)


def months_not_longer_than(days: int) -> int:
    if days >= 365:
        return MINISTRY_MONTHS
    fitting = [months for months, span in enumerate(LONGEST_SPAN_DAYS, start=1) if span <= days]
    # Under 31 days no whole month fits; one month is the shortest deadline the setting can say.
    return fitting[-1] if fitting else 1


OLD_INDEX = ("ix_enrollments_status_deadline", ["status", "deadline"])
NEW_INDEX = (
    "ix_enrollments_status_deadline_totals",
    ["status", "deadline", "course_id", "classroom_minutes", "in_car_minutes", "flex_minutes"],
)


def upgrade() -> None:
    with op.batch_alter_table("enrollments", schema=None) as batch_op:
        batch_op.drop_index(OLD_INDEX[0])
        batch_op.create_index(*NEW_INDEX, unique=False)
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("completion_deadline_months", sa.Integer(), nullable=True))
    conn = op.get_bind()
    for row_id, days in conn.execute(sa.select(settings.c.id, settings.c.completion_deadline_days)).all():
        months = months_not_longer_than(int(days))
        conn.execute(settings.update().where(settings.c.id == row_id).values(completion_deadline_months=months))
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.alter_column("completion_deadline_months", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("completion_deadline_days")


def downgrade() -> None:
    with op.batch_alter_table("enrollments", schema=None) as batch_op:
        batch_op.drop_index(NEW_INDEX[0])
        batch_op.create_index(*OLD_INDEX, unique=False)
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("completion_deadline_days", sa.Integer(), nullable=True))
    conn = op.get_bind()
    for row_id, months in conn.execute(sa.select(settings.c.id, settings.c.completion_deadline_months)).all():
        days = int(months) * 365 // MINISTRY_MONTHS  # 12 months back to the old 365 days
        conn.execute(settings.update().where(settings.c.id == row_id).values(completion_deadline_days=days))
    with op.batch_alter_table("school_settings", schema=None) as batch_op:
        batch_op.alter_column("completion_deadline_days", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("completion_deadline_months")
