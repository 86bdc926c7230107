"""A dropped append-only trigger is put back at start-up, logged in the audit log, and reported to Home."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from ..conftest import SECRET, student_payload

GUARDS = {"audit_log_no_update", "audit_log_no_delete", "enrollment_hours_no_update", "enrollment_hours_no_delete"}


@contextmanager
def real_backend(data_dir: Path) -> Iterator[httpx.Client]:
    """`python -m odsm`, as the supervisor starts it, on `data_dir`; stopped at the end."""
    with tempfile.TemporaryDirectory(prefix="odsm-sock-") as sock_dir:
        os.chmod(sock_dir, 0o700)
        uds = Path(sock_dir) / "backend.sock"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ODSM_")} | {"ODSM_API_SECRET": SECRET}
        proc = subprocess.Popen(
            [sys.executable, "-m", "odsm", "--data-dir", str(data_dir), "--uds", str(uds)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        try:
            assert proc.stdout is not None
            assert json.loads(proc.stdout.readline())["event"] == "backend.ready"
            transport = httpx.HTTPTransport(uds=str(uds))
            headers = {"Authorization": f"Bearer {SECRET}"}
            with httpx.Client(transport=transport, base_url="http://odsm/api/v1", headers=headers) as client:
                yield client
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def triggers(data_dir: Path) -> set[str]:
    conn = sqlite3.connect(data_dir / "odsm.sqlite3")
    names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    conn.close()
    return names


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_a_start_with_every_trigger_in_place_restores_and_logs_nothing(data_dir: Path) -> None:
    with real_backend(data_dir) as client:
        client.post("/students", json=student_payload())
        assert client.get("/audit/integrity").json() == {"guards_restored": []}
        assert [e["entity"] for e in client.get("/audit").json()["items"]] == ["students"]
    assert triggers(data_dir) >= GUARDS


def test_a_dropped_trigger_is_restored_logged_and_reported_at_the_next_start(data_dir: Path) -> None:
    with real_backend(data_dir) as client:
        client.post("/students", json=student_payload())
    conn = sqlite3.connect(data_dir / "odsm.sqlite3")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.commit()
    conn.close()
    assert "audit_log_no_delete" not in triggers(data_dir)

    with real_backend(data_dir) as client:
        assert triggers(data_dir) >= GUARDS
        restored = client.get("/audit/integrity").json()["guards_restored"]
        assert [(r["trigger"], r["table"]) for r in restored] == [("audit_log_no_delete", "audit_log")]
        entry = client.get("/audit", params={"entity": "append_only_guards"}).json()["items"]
        assert [(e["entity_id"], e["action"], e["actor"]) for e in entry] == [
            ("audit_log_no_delete", "restore", "odsm-startup")
        ]
        # The restoring entry is chained like any other.
        assert client.get("/audit/verify").json()["ok"] is True
    conn = sqlite3.connect(data_dir / "odsm.sqlite3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log")
    conn.close()
