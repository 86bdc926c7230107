"""The shutdown checkpoint says what it did: folded the WAL in, or could not while another program reads."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import text

from odsm.core.logging import flush_logs
from odsm.core.unit_of_work import Database
from odsm.serve import checkpoint

pytestmark = pytest.mark.sqlite_only(reason="the WAL checkpoint at shutdown")


def _events(db: Database) -> list[dict[str, object]]:
    flush_logs()
    lines = (db.settings.log_dir / "backend.log").read_text().splitlines()
    return [json.loads(line) for line in lines if '"db.checkpoint' in line]


def _write_something(db: Database) -> None:
    db.write(lambda s: s.execute(text("CREATE TABLE IF NOT EXISTS scratch (x)")))
    db.write(lambda s: s.execute(text("INSERT INTO scratch VALUES (1)")))


def test_a_reader_holding_a_transaction_makes_it_incomplete_and_the_log_says_so(db: Database) -> None:
    _write_something(db)
    path = db.settings.sqlite_path
    assert path is not None
    reader = sqlite3.connect(path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM scratch").fetchone()  # a backup tool reading, mid-transaction
        _write_something(db)  # frames the reader's snapshot does not include
        checkpoint(db)
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0, "the WAL was emptied under a reader?"
    finally:
        reader.close()
    events = _events(db)
    assert [e["event"] for e in events] == ["db.checkpoint_incomplete"]
    assert isinstance(events[0]["frames_left"], int) and events[0]["frames_left"] > 0


def test_without_a_reader_it_checkpoints_and_empties_the_wal(db: Database) -> None:
    _write_something(db)
    checkpoint(db)
    path = db.settings.sqlite_path
    assert path is not None
    assert path.with_name(path.name + "-wal").stat().st_size == 0
    assert [e["event"] for e in _events(db)] == ["db.checkpointed"]
