"""The backend's lifeline to the process that started it, watched from the first instruction.

With `--exit-with-stdin` the parent (the app's supervisor) holds our stdin open as a pipe and never
writes to it but to ask for a normal stop (one line, `stop`): when the parent dies, for whatever reason and
on every OS, the pipe reaches end of file without that line.
Without the flag (a backend started by hand or by a test), POSIX still gets the old watch on getppid,
which changes when the parent dies; Windows has no such signal, hence the pipe.

Standard library only: this runs before the heavy imports, which take seconds on a cold disk.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable

EXIT_WITH_STDIN = "--exit-with-stdin"
STOP_REQUEST = b"stop\n"  # the app's normal stop, written before it closes the pipe
GRACE_SECONDS = 10.0  # a graceful stop that hangs (a stuck checkpoint) still ends

_graceful_stop: list[Callable[[], None]] = []
_started: list[bool] = []


def start(argv: list[str]) -> None:
    if _started:
        return
    _started.append(True)
    watch = _watch_stdin if EXIT_WITH_STDIN in argv else _watch_parent_pid if os.name == "posix" else None
    if watch is not None:
        threading.Thread(target=watch, name="lifeline", daemon=True).start()


def stop_gracefully_with(stop: Callable[[], None]) -> None:
    """Once serving, the parent's death stops the server cleanly (WAL checkpoint) instead of at once."""
    _graceful_stop.append(stop)


def _watch_stdin() -> None:
    received = b""
    try:
        while chunk := os.read(0, 4096):
            received = (received + chunk)[-len(STOP_REQUEST) :]
            if received == STOP_REQUEST:
                _stop("backend.stopping", "stop_requested", "info")
                return
    except OSError:
        pass
    _parent_gone("stdin_closed")


def _watch_parent_pid(interval: float = 0.25) -> None:
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(interval)
    _parent_gone("parent_pid_changed")


def _parent_gone(how: str) -> None:
    _stop("backend.parent_gone", how, "warning")


def _stop(event: str, how: str, level: str) -> None:
    sys.stderr.write(f'{{"event": "{event}", "how": "{how}", "level": "{level}"}}\n')
    sys.stderr.flush()
    if not _graceful_stop:
        os._exit(0)  # still starting: nothing of ours to save, and nobody to serve
    for stop in _graceful_stop:
        stop()
    time.sleep(GRACE_SECONDS)
    os._exit(0)
