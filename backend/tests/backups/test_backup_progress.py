"""Back up now reports where it stands while it works: copying (pages on SQLite, rows on a server), then
checking the copy, then done; main reads it over its own route for Home's progress bar."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from odsm.core import maintenance_repository
from odsm.features.backups.progress import BackupProgress
from odsm.features.backups.schemas import BackupProgressRead, BackupRequest
from odsm.features.backups.service import BackupService
from tests.conftest import LiveServer, student_payload


class RecordedProgress(BackupProgress):
    """The real holder, keeping every state it was put in."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[BackupProgressRead] = []

    def _set(self, *args: object) -> None:
        super()._set(*args)  # type: ignore[arg-type]
        self.seen.append(self.read())


def test_progress_moves_from_copying_to_checking_to_done(
    live: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(40):
        r = live.client.post("/api/v1/students", json=student_payload(first_name=f"Learner{n}", licence_number=None))
        assert r.status_code == 201, r.text
    # A few pages a step, so this small school copies in several steps as a large one does.
    monkeypatch.setattr(maintenance_repository, "COPY_STEP_PAGES", 2)
    progress = RecordedProgress()
    BackupService(live.db, progress).back_up(BackupRequest(folder=str(tmp_path)))

    states = [p.state for p in progress.seen]
    assert states[0] == "copying" and states[-1] == "done"
    phases = [s for i, s in enumerate(states) if i == 0 or states[i - 1] != s]
    assert phases == ["copying", "checking", "done"]
    assert all(0 <= p.done <= p.total for p in progress.seen if p.total)
    copying = [p for p in progress.seen if p.state == "copying" and p.total]
    assert len({p.done for p in copying}) > 2  # it moved in steps, not all at once
    assert [p.done for p in copying] == sorted(p.done for p in copying)
    assert copying[-1].done == copying[-1].total
    checking = [p for p in progress.seen if p.state == "checking"]
    assert checking[0].done == 0 and checking[-1].done == checking[-1].total > 0
    assert progress.seen[-1].done == progress.seen[-1].total


def test_main_reads_the_progress_over_its_route(live: LiveServer, tmp_path: Path) -> None:
    assert live.client.get("/api/v1/system/backups/progress").json() == {"state": "idle", "done": 0, "total": 0}
    assert live.client.post("/api/v1/system/backups", json={"folder": str(tmp_path)}).status_code == 201
    after = live.client.get("/api/v1/system/backups/progress").json()
    assert after["state"] == "done" and after["done"] == after["total"] > 0

    failed = live.client.post("/api/v1/system/backups", json={"folder": str(tmp_path / "gone")})
    assert failed.status_code == 422
    assert live.client.get("/api/v1/system/backups/progress").json()["state"] == "failed"


def test_a_write_during_a_stepped_copy_neither_shows_in_it_nor_restarts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy in steps holds one read transaction: the school as it stood when the copy began."""
    source, target = tmp_path / "school.sqlite3", tmp_path / "copy.sqlite3"
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.executemany("INSERT INTO t VALUES (randomblob(1000))", [()] * 200)
    monkeypatch.setattr(maintenance_repository, "COPY_STEP_PAGES", 5)
    steps: list[tuple[int, int]] = []

    def write_meanwhile(done: int, total: int) -> None:
        steps.append((done, total))
        conn.execute("INSERT INTO t VALUES (randomblob(1000))")  # the desk goes on working

    maintenance_repository.sqlite_copy(source, target, standalone=True, progress=write_meanwhile)
    conn.close()
    total = steps[0][1]
    assert [d for d, _ in steps] == sorted({d for d, _ in steps})  # never went back to the start
    assert steps[-1] == (total, total) and len(steps) == -(-total // 5)
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("SELECT count(*) FROM t").fetchone()[0] == 200
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        copy.close()
