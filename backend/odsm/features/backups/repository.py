"""The backup files themselves: SQLite's online copy, the copy's own checks, and the folder's old backups.

A backup is a single self-contained SQLite file (journal mode DELETE, no -wal beside it), written under a
temporary name and renamed into place only after it passed its checks, so the folder never holds a
half-written backup under a real name.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.orm import Session

import odsm.models  # noqa: F401  (registers every table on Base.metadata)
from odsm.core.config import Settings
from odsm.core.engine import create_db_engine
from odsm.core.maintenance_repository import CopyProgress, sqlite_copy
from odsm.core.migrations import migrate
from odsm.core.orm import Base
from odsm.core.table_copy_repository import Progress, copy_tables, empty_tables, hold_writers

BACKUP_PREFIX = "odsm-backup-"
BACKUP_SUFFIX = ".sqlite3"
SAFETY_PREFIX = "before-restore-"


def copy_database(source: Path, target: Path, progress: CopyProgress | None = None) -> None:
    """A backup: the school copied while the desk keeps working, as one self-contained file."""
    sqlite_copy(source, target, standalone=True, progress=progress)


def integrity_of(path: Path) -> str:
    """'ok', or SQLite's first complaint about the file."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "ok" if [r[0] for r in rows] == ["ok"] else str(rows[0][0])


def read_only_engine(path: Path) -> Engine:
    """An engine on the copy that cannot change it, for the audit service's verify."""
    return create_engine(f"sqlite:///{path.resolve().as_uri()}?mode=ro&uri=true")


def backups_in(folder: Path) -> list[Path]:
    """This app's backups in the folder, oldest first (the names sort by time)."""
    return sorted(p for p in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}") if p.is_file())


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def tables_and_revision(path: Path) -> tuple[set[str], str | None]:
    """The tables in a file and its schema revision; raises sqlite3.DatabaseError for a file that is not SQLite."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        has_revision = "alembic_version" in tables
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_revision else None
    finally:
        conn.close()
    return tables, None if row is None else str(row[0])


def copy_into_live(source: Path, live: Path) -> None:
    """A restore: the backup's pages copied into the live file in one write transaction; other connections
    wait (busy timeout), and a failure part way changes nothing."""
    sqlite_copy(source, live)


def looks_like_sqlite(path: Path) -> bool:
    """Whether the file starts as every SQLite database does: a damaged one still does, another file not."""
    with open(path, "rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def make_standalone(path: Path) -> None:
    """Folds a copy's WAL back in and turns WAL off, leaving one self-contained file."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def wait_for_writers(live: Path) -> None:
    """Takes the live file's write lock and lets it go: a write already under way has committed by then."""
    conn = sqlite3.connect(live, timeout=30, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def safety_copies_in(folder: Path) -> list[Path]:
    """The safety copies restores left in the data folder's backups, oldest first (the names sort by time)."""
    return sorted(p for p in folder.glob(f"{SAFETY_PREFIX}*{BACKUP_SUFFIX}") if p.is_file())


# A school on a PostgreSQL server is backed up as the same SQLite file: one format restores on either engine.


def snapshot(s: Session) -> Connection:
    """The session's connection reading every table from one moment: PostgreSQL's REPEATABLE READ (its
    default, READ COMMITTED, gives each statement its own moment)."""
    return s.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def export_to_file(source: Connection, path: Path, settings: Settings, progress: Progress | None = None) -> None:
    """A new SQLite file at `path`, built by the migrations at this app's revision, holding every row that
    `source` reads; one self-contained file (no -wal beside it)."""
    file_settings = settings.model_copy(update={"data_dir": path.parent, "database_url": f"sqlite:///{path}"})
    engine = create_db_engine(file_settings)
    try:
        migrate(file_settings, engine)
        with engine.begin() as target:
            copy_tables(source, target, Base.metadata.sorted_tables, progress=progress)
    finally:
        engine.dispose()
    make_standalone(path)


def hold_server_writers(conn: Connection) -> None:
    """Every other workstation may still read, but none writes, until this transaction ends."""
    hold_writers(conn, Base.metadata.sorted_tables)


def replace_rows_from_file(conn: Connection, staged: Path) -> None:
    """PostgreSQL: every row of the school replaced by the staged file's, inside `conn`'s transaction."""
    engine = read_only_engine(staged)
    try:
        with engine.connect() as source:
            empty_tables(conn, Base.metadata.sorted_tables)
            copy_tables(source, conn, Base.metadata.sorted_tables)
    finally:
        engine.dispose()
