from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import func, select

from odsm.core.config import Settings
from odsm.core.errors import DatabaseBusy, DatabaseUnavailable
from odsm.core.logging import configure_logging, flush_logs
from odsm.core.migrations import migrate
from odsm.core.unit_of_work import Database
from odsm.models import Student

from ..conftest import SECRET, LiveServer, student_payload
from ..held_threads import held_inside, started


def _hold_write_lock(db_path: Path, seconds: float, started: threading.Event) -> None:
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


@contextmanager
def _write_lock_held(tmp_path: Path, seconds: float) -> Iterator[None]:
    """Another connection holds the write lock for `seconds` while the block runs; joined at the end."""
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(tmp_path / "data" / "odsm.sqlite3", seconds, started))
    holder.start()
    started.wait()
    try:
        yield
    finally:
        holder.join()


def _locked_db(tmp_path: Path, busy_ms: int, attempts: int) -> Database:
    settings = Settings(
        data_dir=tmp_path / "data",
        api_secret=SecretStr(SECRET),
        sqlite_busy_timeout_ms=busy_ms,
        db_retry_attempts=attempts,
    )
    configure_logging(settings.log_dir, "info")
    db = Database(settings)
    migrate(settings, db.engine)
    return db


def _count(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(Student)) or 0)


def _add(db: Database) -> None:
    db.write(
        lambda s: s.add(
            Student(
                first_name="A",
                last_name="B",
                date_of_birth=_dob(),
                search_first_last="a b",
                search_last_first="b a",
                search_first_last_joined="ab",
                search_last_first_joined="ba",
            )
        )
    )


def _dob():  # type: ignore[no-untyped-def]
    from datetime import date

    return date(2008, 1, 1)


@pytest.mark.sqlite_only(reason="holds SQLite's file write lock from another connection")
def test_a_write_is_retried_until_another_writer_releases_the_lock(tmp_path: Path) -> None:
    db = _locked_db(tmp_path, busy_ms=50, attempts=20)
    with _write_lock_held(tmp_path, seconds=0.6):
        _add(db)
    assert _count(db) == 1
    flush_logs()
    log = (db.settings.log_dir / "backend.log").read_text()
    assert '"event": "db.retry"' in log


@pytest.mark.sqlite_only(reason="holds SQLite's file write lock from another connection")
def test_a_lock_that_outlasts_the_retries_answers_busy_and_writes_nothing(tmp_path: Path) -> None:
    db = _locked_db(tmp_path, busy_ms=20, attempts=3)
    with _write_lock_held(tmp_path, seconds=2.0), pytest.raises(DatabaseBusy):
        _add(db)
    assert _count(db) == 0
    # A busy database is not a dead one: the breaker stays closed.
    assert db.breaker.current_state == "closed"


@pytest.mark.sqlite_only(reason="a SQLite file that cannot be opened")
def test_a_dead_database_opens_the_breaker_and_then_fails_fast(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'no-such-dir' / 'x.sqlite3'}",
        api_secret=SecretStr(SECRET),
        db_breaker_fail_max=2,
        db_breaker_reset_seconds=60,
    )
    db = Database(settings)
    for _ in range(2):
        with pytest.raises(DatabaseUnavailable):
            _count(db)
    assert db.breaker.current_state == "open"
    with pytest.raises(DatabaseUnavailable) as opened:
        _count(db)
    assert opened.value.details == {"breaker": "open"}


@pytest.mark.sqlite_only(reason="holds SQLite's file write lock from another connection")
def test_busy_database_is_a_503_with_a_stable_code_over_http(serve_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    live: LiveServer = serve_app()
    live.db.settings.sqlite_busy_timeout_ms = 10
    live.db.settings.db_retry_attempts = 2
    live.db.engine.dispose()  # new connections pick up the shorter busy timeout
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(live.settings.data_dir / "odsm.sqlite3", 1.5, started))
    holder.start()
    started.wait()
    r = live.client.post("/api/v1/students", json=student_payload(), headers={"Idempotency-Key": "busy-1"})
    holder.join()
    assert r.status_code == 503
    assert r.json()["code"] == "database_busy"
    # Nothing was decided, so the same key may try again, and now it lands once.
    again = live.client.post("/api/v1/students", json=student_payload(), headers={"Idempotency-Key": "busy-1"})
    assert again.status_code == 201
    assert _count(live.db) == 1


def test_a_broken_statement_is_internal_and_leaves_the_breaker_closed(db: Database) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError, ProgrammingError

    for _ in range(db.settings.db_breaker_fail_max + 1):
        # SQLite calls a missing table operational; PostgreSQL (42P01) calls it a programming error.
        with pytest.raises((OperationalError, ProgrammingError)):
            db.read(lambda s: s.execute(text("SELECT * FROM no_such_table")).all())
    assert db.breaker.current_state == "closed"


def test_one_unit_of_work_does_not_hold_back_another(db: Database) -> None:
    """A unit of work that waits (on a lock, a disk, another desk) leaves the others of this backend running."""
    with held_inside(lambda hold: db.read(lambda s: hold())):
        other = started(lambda: _count(db), 5)
        assert not other.is_alive(), "a read waited for another unit of work to end"
