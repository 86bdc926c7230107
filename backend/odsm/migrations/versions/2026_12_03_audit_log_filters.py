"""audit log filters: the moment of each entry, its actor, and each record's entries

A date-only filter on the audit screen reads `ix_audit_log_at` instead of every entry; the person picker and
filter groups by `ix_audit_log_actor` alone; a record deleted since its entries were written finds its last
entry (for its name) through `ix_audit_log_entity_record`.

Plain CREATE INDEX, never a batch copy: the table's append-only triggers must stay in place."""

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"


def upgrade() -> None:
    op.create_index("ix_audit_log_at", "audit_log", ["at"], unique=False)
    op.create_index("ix_audit_log_actor", "audit_log", ["actor"], unique=False)
    op.create_index("ix_audit_log_entity_record", "audit_log", ["entity", "entity_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_log_entity_record", table_name="audit_log")
    op.drop_index("ix_audit_log_actor", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
