"""Start-up faults: each one plain line naming the path and what to do, with its own exit code.

The exit codes are the supervisor's contract (electron/main/backend/backend-supervisor.ts): for every
code below a restart cannot help, so it shows the line and does not restart. Listed in the README too.

    2   refused configuration (no ODSM_API_SECRET, a socket directory others can enter, bad flags)
    10  the data directory cannot be created or written
    11  the log directory cannot be created or written
    12  the database file is read-only
    13  the database file is not a database
    14  the database was written by a newer version of the app
    15  the disk is full
    16  the database server does not answer or refuses this workstation (a restart may help: keep trying)
    99  a crash point was reached (fault tests only; see crash_points)

Checks that need no import beyond the standard library run first, before the database is opened, so
a refused start leaves no new file behind.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Settings

CONFIG_REFUSED = 2
DATA_DIR_NOT_WRITABLE = 10
LOG_DIR_UNAVAILABLE = 11
DATABASE_READ_ONLY = 12
NOT_A_DATABASE = 13
DATABASE_TOO_NEW = 14
DISK_FULL = 15
DATABASE_SERVER_UNREACHABLE = 16
UNFIXABLE_BY_RESTART = frozenset(
    {CONFIG_REFUSED, DATA_DIR_NOT_WRITABLE, LOG_DIR_UNAVAILABLE}
    | {DATABASE_READ_ONLY, NOT_A_DATABASE, DATABASE_TOO_NEW, DISK_FULL}
)

_SQLITE_HEADER = b"SQLite format 3\x00"


class StartupFault(Exception):
    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message


def refused(message: str) -> StartupFault:
    return StartupFault(CONFIG_REFUSED, message)


def disk_full(path: Path) -> StartupFault:
    return StartupFault(DISK_FULL, f"the disk holding {path} is full: free some space on it, then start the app again")


def check_data_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_fault(exc, data_dir, DATA_DIR_NOT_WRITABLE, _data_dir_advice(data_dir)) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StartupFault(DATA_DIR_NOT_WRITABLE, _data_dir_advice(data_dir))


def check_database_file(db_path: Path) -> None:
    """An existing file must be a SQLite database the app may write; read without changing anything."""
    if not db_path.exists():
        return
    try:
        with db_path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise _os_fault(exc, db_path, DATABASE_READ_ONLY, _read_only_advice(db_path)) from exc
    if header and header != _SQLITE_HEADER:
        raise StartupFault(
            NOT_A_DATABASE,
            f"{db_path} is not a database: move it away (or restore a backup in its place), then start the app again",
        )
    if not os.access(db_path, os.W_OK):
        raise StartupFault(DATABASE_READ_ONLY, _read_only_advice(db_path))


def damaged(db_path: Path, exc: sqlite3.DatabaseError) -> StartupFault:
    return StartupFault(NOT_A_DATABASE, f"{db_path} is damaged or not a database ({exc}): restore a backup")


def check_revision_known(database: Path | str, revision: str | None, known: set[str]) -> None:
    """`database`: the SQLite file, or a PostgreSQL URL shown without its password."""
    if revision is not None and revision not in known:
        what = "the file" if isinstance(database, Path) else "the database"
        raise StartupFault(
            DATABASE_TOO_NEW,
            f"{database} was written by a newer version of the app (schema {revision}): "
            f"install that version or newer; this one must not change {what}",
        )


def log_dir_fault(exc: OSError, log_dir: Path) -> StartupFault:
    advice = f"the log directory {log_dir} cannot be created or written: make it writable or free its name"
    return _os_fault(exc, log_dir, LOG_DIR_UNAVAILABLE, advice)


def server_fault(exc: BaseException, host: str | None, port: int | None) -> StartupFault | None:
    """PostgreSQL: the server could not be reached or refused the connection (the driver's OperationalError,
    found by name so that this module imports no driver). Not in UNFIXABLE_BY_RESTART: the supervisor
    keeps trying, and says which server it waits for."""
    seen: BaseException | None = exc
    while seen is not None:
        kind = type(seen)
        if kind.__name__ == "OperationalError" and kind.__module__.startswith("psycopg"):
            reason = " ".join(str(seen).split())
            message = f"the database server at {host}:{port or 5432} did not answer ({reason})"
            return StartupFault(DATABASE_SERVER_UNREACHABLE, message)
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
    return None


def classify(exc: BaseException, db_path: Path) -> StartupFault | None:
    """A fault met while opening or migrating the database, from anywhere in the exception's chain."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, StartupFault):
            return seen
        if isinstance(seen, OSError) and seen.errno == errno.ENOSPC:
            return disk_full(db_path)
        if isinstance(seen, sqlite3.DatabaseError):
            text = str(seen).lower()
            if "disk is full" in text:
                return disk_full(db_path)
            if "readonly" in text:
                return StartupFault(DATABASE_READ_ONLY, _read_only_advice(db_path))
            if "not a database" in text:
                return StartupFault(NOT_A_DATABASE, f"{db_path} is not a database: move it away or restore a backup")
            if "unable to open" in text:
                return StartupFault(DATA_DIR_NOT_WRITABLE, _data_dir_advice(db_path.parent))
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
    return None


@contextmanager
def undone_on_fault(settings: Settings) -> Iterator[None]:
    """A refused start leaves no new file behind: what it created (the data dir, the log dir, a new
    database file and its -wal, -shm and -journal) is removed again, and what was there stays."""
    db_path = settings.sqlite_path
    suffixes = ("", "-wal", "-shm", "-journal")
    db_files = [] if db_path is None else [db_path.with_name(db_path.name + s) for s in suffixes]
    before = {p for p in (settings.data_dir, settings.log_dir, *db_files) if p.exists()}
    try:
        yield
    except StartupFault:
        for handler in list(logging.getLogger().handlers):  # let go of backend.log before removing it
            logging.getLogger().removeHandler(handler)
            handler.close()
        for path in (*db_files, settings.log_dir, settings.data_dir):
            if path in before or not path.exists():
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        raise


def _os_fault(exc: OSError, path: Path, code: int, advice: str) -> StartupFault:
    return disk_full(path) if exc.errno == errno.ENOSPC else StartupFault(code, advice)


def _data_dir_advice(data_dir: Path) -> str:
    return f"the data directory {data_dir} cannot be created or written: give this user write access to it"


def _read_only_advice(db_path: Path) -> str:
    return f"the database file {db_path} is read-only: give this user write access to it (and to its folder)"
