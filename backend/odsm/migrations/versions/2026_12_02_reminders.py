"""reminders: their settings, each student's consent, the templates and the outbox"""

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"


def upgrade() -> None:

    op.create_table(
        "reminder_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dedupe_key", sa.String(length=120), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("drop_note", sa.String(length=300), nullable=True),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("ref_kind", sa.String(length=20), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("ref_at", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_outbox")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_reminder_outbox_dedupe_key")),
    )
    with op.batch_alter_table("reminder_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_reminder_outbox_status_due", ["status", "due_at"], unique=False)

    op.create_table(
        "reminder_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesson_tomorrow_on", sa.Boolean(), nullable=False),
        sa.Column("lesson_tomorrow_send_minute", sa.Integer(), nullable=False),
        sa.Column("bde_deadline_on", sa.Boolean(), nullable=False),
        sa.Column("bde_deadline_days", sa.Integer(), nullable=False),
        sa.Column("owner_di_licence_on", sa.Boolean(), nullable=False),
        sa.Column("owner_di_licence_days", sa.Integer(), nullable=False),
        sa.Column("owner_vehicle_on", sa.Boolean(), nullable=False),
        sa.Column("owner_vehicle_days", sa.Integer(), nullable=False),
        sa.Column("owner_email", sa.String(length=254), nullable=False),
        sa.Column("quiet_start_minute", sa.Integer(), nullable=False),
        sa.Column("quiet_end_minute", sa.Integer(), nullable=False),
        sa.Column("smtp_host", sa.String(length=255), nullable=False),
        sa.Column("smtp_port", sa.Integer(), nullable=False),
        sa.Column("smtp_user", sa.String(length=254), nullable=False),
        sa.Column("smtp_from", sa.String(length=254), nullable=False),
        sa.Column("smtp_tls", sa.String(length=10), nullable=False),
        sa.Column("sms_on", sa.Boolean(), nullable=False),
        sa.Column("sms_mode", sa.String(length=10), nullable=False),
        sa.Column("sms_gateway_pattern", sa.String(length=254), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_settings")),
    )
    op.create_table(
        "reminder_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_templates")),
        sa.UniqueConstraint("rule", "channel", name="uq_reminder_templates_rule_channel"),
    )
    op.create_table(
        "reminder_consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("agreed", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_reminder_consents_student_id_students")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_consents")),
        sa.UniqueConstraint("student_id", name=op.f("uq_reminder_consents_student_id")),
    )


def downgrade() -> None:

    op.drop_table("reminder_consents")
    op.drop_table("reminder_templates")
    op.drop_table("reminder_settings")
    with op.batch_alter_table("reminder_outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_reminder_outbox_status_due")

    op.drop_table("reminder_outbox")
