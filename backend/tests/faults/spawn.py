"""`python -m odsm` spawned for real, as the app's supervisor does: stdin a pipe held open, one ready line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

SECRET = "fault-test-secret"
BACKEND_CMD = [sys.executable, "-m", "odsm"]


def backend_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ODSM_")}
    env.update({"ODSM_API_SECRET": SECRET, "ODSM_LOG_LEVEL": "warning", **extra})
    return env


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it has exited all the same.
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def private_dir(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(path, 0o700)
    return path


class Backend:
    """One backend process on a data dir, reachable over its Unix socket."""

    def __init__(self, data_dir: Path, **env: str) -> None:
        self.data_dir = data_dir
        self.sock_dir = private_dir("odsm-sock-")
        self.uds = self.sock_dir / "backend.sock"
        self.stderr_path = self.sock_dir / "stderr.txt"
        with self.stderr_path.open("wb") as stderr:
            self.proc = subprocess.Popen(
                [*BACKEND_CMD, "--data-dir", str(data_dir), "--uds", str(self.uds), "--exit-with-stdin"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=backend_env(**env),
            )
        self.ready: dict[str, Any] = {}

    def wait_ready(self, timeout: float = 60) -> Backend:
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        line = self.proc.stdout.readline()  # the process either prints its ready line or exits
        if not line or time.monotonic() > deadline:
            raise RuntimeError(f"backend did not start (exit {self.proc.poll()}): {self.stderr()[-2000:]}")
        self.ready = json.loads(line)
        return self

    def client(self, timeout: float = 30) -> httpx.Client:
        return httpx.Client(
            transport=httpx.HTTPTransport(uds=str(self.uds)),
            base_url="http://odsm",
            headers={"Authorization": f"Bearer {SECRET}"},
            timeout=timeout,
        )

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def kill9(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=30)
        self.close()
        return code

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()
        for leftover in self.sock_dir.iterdir():
            leftover.unlink()
        self.sock_dir.rmdir()
