"""Start-up faults: one plain line naming the path and what to do, a distinct exit code, nothing half-written.

Read-only files and full disks are made for real: as root (where file modes do not bind) with a read-only
bind mount and a tiny tmpfs, otherwise with file modes; a case that neither can make here is skipped.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pydantic import SecretStr

from odsm.app import open_database
from odsm.core import startup_faults as faults
from odsm.core.config import Settings
from odsm.core.migrations import migrate

from .spawn import BACKEND_CMD, backend_env, private_dir

pytestmark = pytest.mark.sqlite_only(reason="a database file read-only, in the way, full or from a newer version")

IS_ROOT = os.geteuid() == 0


def _run_backend(
    data_dir: Path, env: dict[str, str] | None = None, sock_mode: int = 0o700
) -> subprocess.CompletedProcess[str]:
    sock = private_dir("odsm-sock-") / "b.sock"
    sock.parent.chmod(sock_mode)
    try:
        return subprocess.run(
            [*BACKEND_CMD, "--data-dir", str(data_dir), "--uds", str(sock)],
            capture_output=True,
            text=True,
            env=env or backend_env(),
            timeout=60,
        )
    finally:
        sock.unlink(missing_ok=True)
        sock.parent.rmdir()


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and directory under root, with its size and modification time."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def _migrated_data_dir(data_dir: Path) -> Path:
    settings = Settings(data_dir=data_dir, api_secret=SecretStr("x"), log_level="warning")
    db = open_database(settings)
    migrate(settings, db.engine)
    db.dispose()
    return data_dir / "odsm.sqlite3"


def _assert_refused(proc: subprocess.CompletedProcess[str], exit_code: int, path: Path) -> str:
    plain = [line for line in proc.stderr.splitlines() if line.startswith("odsm: ")]
    assert proc.returncode == exit_code, proc.stderr
    assert len(plain) == 1, proc.stderr
    assert str(path) in plain[0]
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    return plain[0]


@contextmanager
def _mounted(*args: str) -> Iterator[None]:
    target = args[-1]
    if subprocess.run(["mount", *args], capture_output=True).returncode != 0:
        pytest.skip("cannot mount here")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", target], capture_output=True)


@contextmanager
def _read_only_file(path: Path) -> Iterator[None]:
    if not IS_ROOT:
        path.chmod(0o444)
        yield
        path.chmod(0o644)
        return
    with _mounted("--bind", str(path), str(path)):
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield


def test_a_read_only_database_file(tmp_path: Path) -> None:
    db_file = _migrated_data_dir(tmp_path / "data")
    before = _tree(tmp_path / "data")
    with _read_only_file(db_file):
        line = _assert_refused(_run_backend(tmp_path / "data"), faults.DATABASE_READ_ONLY, db_file)
    assert "read-only" in line
    assert _tree(tmp_path / "data") == before


def test_a_data_dir_that_cannot_be_written(tmp_path: Path) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    if IS_ROOT:
        with _mounted("-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(parent)):
            proc = _run_backend(parent / "data")
    else:
        parent.chmod(0o555)
        proc = _run_backend(parent / "data")
        parent.chmod(0o755)
    _assert_refused(proc, faults.DATA_DIR_NOT_WRITABLE, parent / "data")
    assert not (parent / "data").exists()


@pytest.mark.skipif(not IS_ROOT, reason="a full disk is made with a tiny tmpfs, which needs root")
def test_a_full_disk(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    with _mounted("-t", "tmpfs", "-o", "size=48k", "tmpfs", str(small)):
        proc = _run_backend(small / "data")
        left = _tree(small)
    line = _assert_refused(proc, faults.DISK_FULL, small / "data")
    assert "full" in line
    assert left == {}, "the refused start left files behind"


@pytest.mark.parametrize(
    ("in_the_way", "exit_code", "content"),
    [
        ("logs", faults.LOG_DIR_UNAVAILABLE, "a file where the log directory should be"),
        ("odsm.sqlite3", faults.NOT_A_DATABASE, "name,phone\nAmara,416-555-0142\n"),
    ],
    ids=["log_dir_cannot_be_created", "file_is_not_a_database"],
)
def test_a_file_in_the_way(tmp_path: Path, in_the_way: str, exit_code: int, content: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / in_the_way).write_text(content)
    before = _tree(data)
    _assert_refused(_run_backend(data), exit_code, data / in_the_way)
    assert _tree(data) == before


def test_a_database_written_by_a_newer_version(tmp_path: Path) -> None:
    db_file = _migrated_data_dir(tmp_path / "data")
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = _tree(tmp_path / "data")
    line = _assert_refused(_run_backend(tmp_path / "data"), faults.DATABASE_TOO_NEW, db_file)
    assert "newer version" in line
    assert _tree(tmp_path / "data") == before, "no backup, no migration, no new file"


@pytest.mark.parametrize("case", ["empty_secret", "open_socket_dir"])
def test_refusals_come_before_the_heavy_imports(tmp_path: Path, case: str) -> None:
    empty_secret = case == "empty_secret"
    started = time.monotonic()
    proc = _run_backend(
        tmp_path / "data",
        env=backend_env(ODSM_API_SECRET=" ") if empty_secret else None,
        sock_mode=0o700 if empty_secret else 0o755,
    )
    took = time.monotonic() - started
    assert proc.returncode == faults.CONFIG_REFUSED
    assert proc.stderr.startswith("odsm: ") and len(proc.stderr.splitlines()) == 1, proc.stderr
    assert not (tmp_path / "data").exists()
    # The heavy imports (pydantic, SQLAlchemy, FastAPI) take 2 to 5 s here; a refusal must not wait for them.
    assert took < 1.5, f"the refusal took {took:.2f}s"
