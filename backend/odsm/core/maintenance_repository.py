"""The few statements about the database itself: its schema revision, the migration lock, the WAL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, inspect, text

# Any fixed 64-bit number: every workstation sharing one PostgreSQL server takes the same lock.
PG_MIGRATION_LOCK = 7_312_047_730


def schema_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


@contextmanager
def migration_lock(conn: Connection) -> Iterator[None]:
    """PostgreSQL: several workstations may start together; one migrates while the rest wait."""
    conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_MIGRATION_LOCK})
    try:
        yield
    finally:
        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_MIGRATION_LOCK})
        conn.commit()


def checkpoint_wal(engine: Engine) -> tuple[bool, int, int]:
    """SQLite: folds the WAL back into the database file, so a stopped backend leaves one file behind.

    Returns (busy, frames in the WAL, frames checkpointed). Busy means another connection (a backup
    tool, a database browser) holds a read transaction, and the WAL could not be emptied."""
    with engine.connect() as conn:
        row = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        return bool(row[0]), int(row[1]), int(row[2])
