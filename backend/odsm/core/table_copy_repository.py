"""Every row of the app's tables copied from one database to another, on either engine.

Both databases were built by the migrations at the same revision, so the copier only moves rows: verbatim,
ids, timestamps and audit hashes included, parents before children (the metadata's foreign-key order), a
batch at a time so a large school never sits in memory. The caller owns both transactions: a failure part
way leaves the target as its transaction rolls it back. Moving a school to a server, a backup of a server
school and a restore onto a server all copy through here.

The caller names the tables (`Base.metadata.sorted_tables`, with `odsm.models` imported): core knows no model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection, Integer, Table, func, inspect, select, text

# (table, rows copied so far over all tables, rows to copy over all tables)
Progress = Callable[[str, int, int], None]
BATCH_ROWS = 2000


def row_counts(conn: Connection, tables: Sequence[Table]) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables}


def first_table_with_rows(conn: Connection) -> str | None:
    """The first table of the database's own (whatever made it) that holds a row; None when all are empty."""
    names = sorted(n for n in inspect(conn).get_table_names() if n != "alembic_version")
    for name in names:
        quoted = conn.dialect.identifier_preparer.quote(name)
        if conn.execute(text(f"SELECT 1 FROM {quoted} LIMIT 1")).first() is not None:
            return name
    return None


def copy_tables(
    source: Connection,
    target: Connection,
    tables: Sequence[Table],
    *,
    progress: Progress | None = None,
    batch: int = BATCH_ROWS,
) -> dict[str, int]:
    """Copies every row of `tables` (foreign-key order) from `source` into the empty tables of `target`;
    returns the rows copied per table. PostgreSQL's sequences are moved past the copied ids afterwards."""
    report = progress or (lambda *_: None)
    totals = row_counts(source, tables)
    total, done = sum(totals.values()), 0
    copied: dict[str, int] = {}
    for table in tables:
        report(table.name, done, total)
        keys = [c.key for c in table.columns]
        rows = source.execute(select(table).order_by(*table.primary_key.columns).execution_options(yield_per=batch))
        copied[table.name] = 0
        for part in rows.partitions(batch):
            target.execute(table.insert(), [dict(zip(keys, row, strict=True)) for row in part])
            copied[table.name] += len(part)
            done += len(part)
            report(table.name, done, total)
    if target.dialect.name == "postgresql":
        reset_sequences(target, tables)
    return copied


def reset_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """PostgreSQL: each serial id's sequence continues after the highest id copied in (rows inserted with
    their ids leave it where it was). A column without a sequence gets NULL from pg_get_serial_sequence,
    and setval(NULL, …) does nothing."""
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            conn.execute(
                select(
                    func.setval(
                        func.pg_get_serial_sequence(table.name, column.name),
                        select(func.coalesce(func.max(column), 0) + 1).scalar_subquery(),
                        False,
                    )
                )
            )


def empty_tables(conn: Connection, tables: Sequence[Table]) -> None:
    """PostgreSQL: every row of `tables` gone in one statement, inside the caller's transaction. TRUNCATE
    fires no row trigger, so the append-only tables empty too (a restore replaces their history whole);
    it also waits for, then holds back, every other session writing to them until the transaction ends."""
    names = ", ".join(conn.dialect.identifier_preparer.quote(t.name) for t in tables)
    conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))


def hold_writers(conn: Connection, tables: Sequence[Table]) -> None:
    """PostgreSQL: other sessions (other workstations) may still read, but none writes to `tables` until the
    caller's transaction ends, so what it reads next is the school as it stands and stays."""
    names = ", ".join(conn.dialect.identifier_preparer.quote(t.name) for t in tables)
    conn.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
