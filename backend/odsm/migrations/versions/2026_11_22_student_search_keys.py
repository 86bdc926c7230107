"""student search keys: "first last" and "last first" prefixes and the local phone number"""

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"

students = sa.table(
    "students",
    sa.column("id", sa.Integer),
    sa.column("first_name", sa.String),
    sa.column("last_name", sa.String),
    sa.column("phone_digits", sa.String),
    sa.column("phone_local", sa.String),
    sa.column("search_first_last", sa.String),
    sa.column("search_last_first", sa.String),
)


def _key(text: str) -> str:
    # Frozen copy of repository.search_key: a migration must not change when the app's code does.
    return " ".join(text.lower().split())


def upgrade() -> None:
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone_local", sa.String(length=7), nullable=True))
        batch_op.add_column(sa.Column("search_first_last", sa.String(length=210), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("search_last_first", sa.String(length=210), nullable=False, server_default=""))
        batch_op.drop_index(batch_op.f("ix_students_search_name"))
        batch_op.drop_column("search_name")
    conn = op.get_bind()
    rows = conn.execute(sa.select(students.c.id, students.c.first_name, students.c.last_name, students.c.phone_digits))
    for row in rows.all():
        conn.execute(
            students.update()
            .where(students.c.id == row.id)
            .values(
                search_first_last=_key(f"{row.first_name} {row.last_name}"),
                search_last_first=_key(f"{row.last_name} {row.first_name}"),
                phone_local=row.phone_digits[-7:] if row.phone_digits else None,
            )
        )
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.alter_column("search_first_last", server_default=None)
        batch_op.alter_column("search_last_first", server_default=None)
        batch_op.create_index("ix_students_phone_local", ["phone_local"], unique=False)
        batch_op.create_index("ix_students_search_first_last", ["search_first_last", "archived_at"], unique=False)
        batch_op.create_index("ix_students_search_last_first", ["search_last_first", "archived_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_name", sa.VARCHAR(length=420), nullable=False, server_default=""))
        batch_op.drop_index("ix_students_search_last_first")
        batch_op.drop_index("ix_students_search_first_last")
        batch_op.drop_index("ix_students_phone_local")
        batch_op.create_index(batch_op.f("ix_students_search_name"), ["search_name"], unique=False)
        batch_op.drop_column("search_last_first")
        batch_op.drop_column("search_first_last")
        batch_op.drop_column("phone_local")
