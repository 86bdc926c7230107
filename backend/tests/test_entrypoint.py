"""`python -m odsm`, spawned for real: the ready line, health, SIGTERM, and exit on parent death."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic.script import ScriptDirectory

from odsm.core.migrations import alembic_config

from .conftest import SECRET
from .faults.spawn import pid_alive

BACKEND_CMD = [sys.executable, "-m", "odsm"]


@pytest.fixture
def sock_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="odsm-sock-") as d:
        os.chmod(d, 0o700)
        yield Path(d)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ODSM_")}
    env.update({"ODSM_API_SECRET": SECRET, **extra})
    return env


def _wait_exit(proc: subprocess.Popen[str], seconds: float) -> int | None:
    try:
        return proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return None


@contextmanager
def _backend(
    tmp_path: Path, *listen: str, stderr: int = subprocess.PIPE
) -> Iterator[tuple[subprocess.Popen[str], dict[str, Any]]]:
    """`python -m odsm` on a fresh data dir, with its ready line read; killed if still alive at the end."""
    proc = subprocess.Popen(
        [*BACKEND_CMD, "--data-dir", str(tmp_path / "data"), *listen],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=_env(),
    )
    try:
        assert proc.stdout is not None
        yield proc, json.loads(proc.stdout.readline())
    finally:
        proc.kill()
        proc.wait()


def test_it_prints_one_ready_line_serves_health_and_stops_on_sigterm(tmp_path: Path, sock_dir: Path) -> None:
    uds = sock_dir / "backend.sock"
    with _backend(tmp_path, "--uds", str(uds)) as (proc, ready):
        assert ready["event"] == "backend.ready"
        assert ready["uds"] == str(uds)
        assert ready["schema"] == ScriptDirectory.from_config(alembic_config(None)).get_current_head()  # type: ignore[arg-type]
        client = httpx.Client(transport=httpx.HTTPTransport(uds=str(uds)), base_url="http://odsm")
        health = client.get("/api/v1/health", headers={"Authorization": f"Bearer {SECRET}"})
        assert health.json()["status"] == "ok"
        created = client.post(
            "/api/v1/students",
            headers={"Authorization": f"Bearer {SECRET}"},
            json={"first_name": "Wal", "last_name": "Check", "date_of_birth": "2008-01-01"},
        )
        assert created.status_code == 201
        proc.send_signal(signal.SIGTERM)
        assert _wait_exit(proc, 15) == 0
        # Nothing else was printed on stdout: the ready line is the only one.
        assert proc.stdout is not None and proc.stdout.read() == ""
        wal = tmp_path / "data" / "odsm.sqlite3-wal"
        assert not wal.exists() or wal.stat().st_size == 0, "WAL was not checkpointed on SIGTERM"


def test_tcp_mode_reports_the_real_port(tmp_path: Path) -> None:
    with _backend(tmp_path, "--host", "127.0.0.1", "--port", "0", stderr=subprocess.DEVNULL) as (_proc, ready):
        assert ready["host"] == "127.0.0.1"
        assert ready["port"] > 0
        r = httpx.get(f"http://127.0.0.1:{ready['port']}/api/v1/health", headers={"Authorization": f"Bearer {SECRET}"})
        assert r.status_code == 200


def test_it_exits_when_its_parent_dies(tmp_path: Path, sock_dir: Path) -> None:
    # An intermediate parent starts the backend, reports its pid, then is killed without warning.
    launcher = textwrap.dedent(
        f"""
        import subprocess, sys, time
        child = subprocess.Popen({BACKEND_CMD!r} + ["--data-dir", {str(tmp_path / "data")!r},
                                 "--uds", {str(sock_dir / "backend.sock")!r}],
                                 stdout=subprocess.PIPE, text=True)
        sys.stdout.write(child.stdout.readline())
        sys.stdout.write(str(child.pid) + "\\n")
        sys.stdout.flush()
        time.sleep(600)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", launcher], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env()
    )
    assert parent.stdout is not None
    assert json.loads(parent.stdout.readline())["event"] == "backend.ready"
    child_pid = int(parent.stdout.readline())
    assert pid_alive(child_pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 15
    while pid_alive(child_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = pid_alive(child_pid)
    if alive:
        os.kill(child_pid, signal.SIGKILL)
    assert not alive, "the orphaned backend kept running"


def test_it_refuses_a_socket_directory_others_can_enter(tmp_path: Path) -> None:
    open_dir = tmp_path / "open"
    open_dir.mkdir(mode=0o755)
    os.chmod(open_dir, 0o755)
    proc = subprocess.run(
        [*BACKEND_CMD, "--data-dir", str(tmp_path / "data"), "--uds", str(open_dir / "b.sock")],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
    )
    assert proc.returncode == 2
    assert "must be private (mode 0700)" in proc.stderr
    assert proc.stdout == ""


def test_it_refuses_to_start_without_the_secret_in_the_environment(tmp_path: Path, sock_dir: Path) -> None:
    env = _env()
    del env["ODSM_API_SECRET"]
    proc = subprocess.run(
        [*BACKEND_CMD, "--data-dir", str(tmp_path / "data"), "--uds", str(sock_dir / "b.sock")],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert proc.returncode == 2
    assert "ODSM_API_SECRET" in proc.stderr


# Packages a request may need but the start never does: each is imported where it is first used (SQLAlchemy's
# PostgreSQL dialect by a PostgreSQL engine, so a school on SQLite never loads it).
LATE_IMPORTS = ("jinja2", "icalendar", "sqlalchemy.dialects.postgresql")


def test_the_start_leaves_out_what_only_a_later_request_needs() -> None:
    probe = textwrap.dedent(
        f"""
        import json, sys
        import odsm.__main__, odsm.app, odsm.serve
        print(json.dumps(sorted(name for name in {LATE_IMPORTS!r} if name in sys.modules)))
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
