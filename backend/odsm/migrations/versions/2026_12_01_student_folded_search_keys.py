"""student search keys folded (no case, no accents) and joined (no spaces); prefix-searched columns collated "C" """

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

# The app's own key function, not a frozen copy: the stored keys must be exactly what today's search folds a
# term into. A later change to the fold brings its own migration that recomputes them again.
from odsm.features.students.search_keys import search_keys

revision: str = "0007"
down_revision: str | None = "0006"

BATCH = 1000
NAME_KEYS = ("search_first_last", "search_last_first")
JOINED_KEYS = ("search_first_last_joined", "search_last_first_joined")

students = sa.table(
    "students",
    sa.column("id", sa.Integer),
    sa.column("first_name", sa.String),
    sa.column("last_name", sa.String),
    sa.column("phone", sa.String),
    *(sa.column(name, sa.String) for name in (*NAME_KEYS, *JOINED_KEYS, "phone_digits", "phone_local")),
)


def _batches(conn: sa.Connection) -> Iterator[Sequence[Any]]:
    """Every student, a thousand at a time in id order, so that memory stays flat at 100,000 students."""
    last_id = 0
    while True:
        rows = conn.execute(
            sa.select(students.c.id, students.c.first_name, students.c.last_name, students.c.phone)
            .where(students.c.id > last_id)
            .order_by(students.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        yield rows
        last_id = rows[-1].id


def _rewrite_keys(keys_of: Callable[[Any], dict[str, Any]]) -> None:
    conn = op.get_bind()
    for rows in _batches(conn):
        values = [{"row_id": row.id, **keys_of(row)} for row in rows]
        columns: dict[str, Any] = {name: sa.bindparam(name) for name in values[0] if name != "row_id"}
        conn.execute(students.update().where(students.c.id == sa.bindparam("row_id")).values(columns), values)


# The columns searched by prefix, with their lengths (see models.students.search_key).
PREFIX_SEARCHED = {name: 210 for name in (*NAME_KEYS, *JOINED_KEYS)} | {
    "phone_digits": 40,
    "phone_local": 7,
    "licence_number": 15,
}


def _collate(names: Iterable[str], collation: str) -> None:
    # Only PostgreSQL orders text by a locale; SQLite compares bytes.
    if op.get_bind().dialect.name == "postgresql":
        for name in names:
            length = PREFIX_SEARCHED[name]
            op.execute(f'ALTER TABLE students ALTER COLUMN {name} TYPE varchar({length}) COLLATE "{collation}"')


def upgrade() -> None:
    with op.batch_alter_table("students", schema=None) as batch_op:
        for name in JOINED_KEYS:
            batch_op.add_column(sa.Column(name, sa.String(length=210), nullable=False, server_default=""))
    _collate(PREFIX_SEARCHED, "C")
    _rewrite_keys(lambda row: search_keys(row.first_name, row.last_name, row.phone)._asdict())
    with op.batch_alter_table("students", schema=None) as batch_op:
        for name in JOINED_KEYS:
            batch_op.alter_column(name, server_default=None)
            # The page's sort key rides along (see models.students).
            batch_op.create_index(f"ix_students_{name}", [name, "archived_at", "search_last_first"], unique=False)


def _lowered(text: str) -> str:
    # Frozen copy of revision 0005's key: what the code of that revision searches with.
    return " ".join(text.lower().split())


def _keys_of_0005(row: Any) -> dict[str, Any]:
    return {
        "search_first_last": _lowered(f"{row.first_name} {row.last_name}"),
        "search_last_first": _lowered(f"{row.last_name} {row.first_name}"),
    }


def downgrade() -> None:
    with op.batch_alter_table("students", schema=None) as batch_op:
        for name in JOINED_KEYS:
            batch_op.drop_index(f"ix_students_{name}")
            batch_op.drop_column(name)
    _collate(PREFIX_SEARCHED.keys() - JOINED_KEYS, "default")
    _rewrite_keys(_keys_of_0005)
