"""The few statements about the database itself: its schema revision, the migration lock, the WAL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

# Any fixed 64-bit number: every workstation sharing one PostgreSQL server takes the same lock.
PG_MIGRATION_LOCK = 7_312_047_730


def revision_in_file(db_path: Path) -> str | None:
    """SQLite: the schema revision in the file, read through an immutable open (no lock taken, no -wal or
    -shm made), so a start that is then refused has changed nothing. Raises sqlite3.DatabaseError."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_table else None
    finally:
        conn.close()
    return None if row is None else str(row[0])


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


def sqlite_copy(
    source: Path,
    target: Path,
    *,
    standalone: bool = False,
    read_only: bool = True,
    progress: CopyProgress | None = None,
) -> None:
    """SQLite's online backup API, `source` into `target`: one read transaction on the source, so its
    writers go on meanwhile (WAL), and one write transaction on the target, so a failure leaves it whole.
    `standalone` turns the copy's WAL off, leaving one self-contained file. With `progress`, the copy goes
    COPY_STEP_PAGES pages at a time and reports (pages copied, pages in all) after each step; the source's
    read transaction is held across the steps, so a write meanwhile neither shows in the copy nor restarts it."""
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True) if read_only else sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target, timeout=30)
        try:
            if progress is None:
                src.backup(dst)
            else:
                _stepped_backup(src, dst, progress)
            if standalone:
                dst.execute("PRAGMA journal_mode=DELETE")
                dst.commit()
        finally:
            dst.close()
    finally:
        src.close()


# (pages copied, pages in all)
CopyProgress = Callable[[int, int], None]
# 4 KiB pages: 16 MiB a step, a handful of steps for a large school, so stepping costs next to nothing.
COPY_STEP_PAGES = 4096


def _stepped_backup(src: sqlite3.Connection, dst: sqlite3.Connection, progress: CopyProgress) -> None:
    src.isolation_level = None
    src.execute("BEGIN")
    src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read transaction starts here
    try:
        src.backup(dst, pages=COPY_STEP_PAGES, progress=lambda _s, left, total: progress(total - left, total))
    finally:
        src.execute("COMMIT")
