"""Kills at the worst moments of a keyed write: the key never sticks, the write lands once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from odsm.core.crash_points import AFTER_ANSWER_BEFORE_SEND, AFTER_WRITE_BEFORE_ANSWER, CRASH_EXIT_CODE

from .harness import burst, crash_cycles, payload
from .spawn import Backend

pytestmark = pytest.mark.sqlite_only(reason="kill -9 mid-write against the SQLite file, then its recovery")


def _rows_with_notes(data_dir: Path, notes: str) -> int:
    conn = sqlite3.connect(data_dir / "odsm.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM students WHERE notes = ?", (notes,)).fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("point", [AFTER_WRITE_BEFORE_ANSWER, AFTER_ANSWER_BEFORE_SEND])
def test_a_retry_after_a_crash_point_gets_the_answer_and_one_row(tmp_path: Path, point: str) -> None:
    data = tmp_path / "data"
    headers = {"Idempotency-Key": f"crash-{point}"}
    doomed = Backend(data, ODSM_CRASH_POINT=point).wait_ready()
    with doomed.client() as client, pytest.raises(httpx.TransportError):
        client.post("/api/v1/students", json=payload("crashed-once"), headers=headers)
    assert doomed.proc.wait(timeout=10) == CRASH_EXIT_CODE
    doomed.close()

    backend = Backend(data).wait_ready()
    with backend.client() as client:
        retry = client.post("/api/v1/students", json=payload("crashed-once"), headers=headers)
        again = client.post("/api/v1/students", json=payload("crashed-once"), headers=headers)
        listed = client.get("/api/v1/students").json()
    backend.stop()
    assert retry.status_code == 201, retry.text  # not 409 idempotency_in_progress
    assert again.status_code == 201 and again.json() == retry.json()
    assert again.headers.get("idempotent-replayed") == "true"
    assert [s["id"] for s in listed["items"]] == [retry.json()["id"]]
    assert _rows_with_notes(data, "crashed-once") == 1


def test_a_burst_of_keyed_writes_with_kills_loses_duplicates_and_sticks_nothing(tmp_path: Path) -> None:
    figures = burst(tmp_path / "data", writes=30, kills=2)
    assert figures.kills == 2 and figures.restarts >= 1
    assert (figures.lost, figures.duplicated, figures.stuck, figures.answers_500) == (0, 0, 0, 0), figures
    assert figures.integrity_check == "ok"


def test_crash_cycles_lose_duplicate_and_stick_nothing(tmp_path: Path) -> None:
    figures = crash_cycles(tmp_path / "data", cycles=2)
    assert (figures.lost, figures.duplicated, figures.stuck, figures.answers_500) == (0, 0, 0, 0), figures
    assert figures.integrity_check == "ok"
