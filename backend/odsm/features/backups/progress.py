"""Where a backup stands, for Home's progress bar: one per backend, read while the backup runs in another thread.

Its own small holder rather than the move's: the phases and fields differ, and the move's shape is a contract
of its own."""

from __future__ import annotations

import threading

from .schemas import BackupProgressRead, BackupState


class BackupProgress:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._now = BackupProgressRead(state="idle", done=0, total=0)

    def read(self) -> BackupProgressRead:
        with self._lock:
            return self._now.model_copy()

    def copying(self, done: int, total: int) -> None:
        self._set("copying", done, total)

    def checking(self, done: int, total: int) -> None:
        self._set("checking", done, total)

    def done(self) -> None:
        with self._lock:
            total = self._now.total
        self._set("done", total, total)

    def failed(self) -> None:
        with self._lock:
            done, total = self._now.done, self._now.total
        self._set("failed", done, total)

    def _set(self, state: BackupState, done: int, total: int) -> None:
        now = BackupProgressRead(state=state, done=min(max(done, 0), max(total, 0)), total=max(total, 0))
        with self._lock:
            self._now = now
