"""Where a move stands, for main's progress bar: one per backend, read while the move runs in another thread."""

from __future__ import annotations

import threading

from .schemas import MoveProgressRead, MoveState


class MoveProgress:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._now = MoveProgressRead(state="idle", table=None, rows_done=0, rows_total=0)

    def read(self) -> MoveProgressRead:
        with self._lock:
            return self._now.model_copy()

    def begin(self) -> bool:
        """Starts a move; False while another one runs (one move at a time)."""
        with self._lock:
            if self._now.state in ("copying", "verifying"):
                return False
            self._now = MoveProgressRead(state="copying", table=None, rows_done=0, rows_total=0)
            return True

    def copying(self, table: str, rows_done: int, rows_total: int) -> None:
        self._set("copying", table=table, rows_done=rows_done, rows_total=rows_total)

    def verifying(self) -> None:
        self._set("verifying")

    def done(self) -> None:
        self._set("done", table=None)

    def failed(self) -> None:
        self._set("failed")

    def _set(self, state: MoveState, **fields: object) -> None:
        with self._lock:
            self._now = self._now.model_copy(update={"state": state, **fields})
