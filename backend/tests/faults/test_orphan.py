"""The backend goes when the process that started it is killed, at any moment of its start-up."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from .spawn import BACKEND_CMD, backend_env, pid_alive, private_dir

GONE_WITHIN_SECONDS = 2.0
# Once serving, the backend stops gracefully (uvicorn's shutdown, then the WAL checkpoint): bounded, not instant.
GONE_WHEN_SERVING_WITHIN_SECONDS = 5.0


def _start_parent(data_dir: Path, sock: Path) -> tuple[subprocess.Popen[str], int]:
    """A stand-in for the app: it starts the backend with stdin a pipe it holds, says the pid, and waits."""
    launcher = textwrap.dedent(
        f"""
        import subprocess, sys, time
        child = subprocess.Popen({BACKEND_CMD!r} + ["--data-dir", {str(data_dir)!r}, "--uds", {str(sock)!r},
                                 "--exit-with-stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        print(child.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", launcher],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=backend_env(),
    )
    assert parent.stdout is not None
    return parent, int(parent.stdout.readline())


def _wait_for(condition_met: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition_met() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.01)


@pytest.mark.parametrize("moment", ["right_away", "during_imports", "during_migrations", "serving"])
def test_the_backend_is_gone_within_2s_of_its_parent_at_every_moment(tmp_path: Path, moment: str) -> None:
    data = tmp_path / "data"
    sock = private_dir("odsm-sock-") / "backend.sock"
    parent, child = _start_parent(data, sock)
    log = data / "logs" / "backend.log"
    if moment == "during_imports":
        time.sleep(0.3)
        assert not log.exists(), "the imports were already over: the moment was missed"
    elif moment == "during_migrations":
        _wait_for(lambda: (data / "odsm.sqlite3").exists(), 30)  # the engine has opened the new file
    elif moment == "serving":
        _wait_for(sock.exists, 30)
        assert sock.exists()
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    shutil.rmtree(sock.parent, ignore_errors=True)
    killed_at = time.monotonic()
    bound = GONE_WHEN_SERVING_WITHIN_SECONDS if moment == "serving" else GONE_WITHIN_SECONDS
    _wait_for(lambda: not pid_alive(child), bound + 1)
    gone_after = time.monotonic() - killed_at
    alive = pid_alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, f"the orphaned backend was still alive {gone_after:.1f}s later ({moment})"
    assert gone_after < bound
