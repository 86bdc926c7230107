"""How far an import has got, for the progress bar: main polls it by the token it gave the run.

Kept in memory: an import runs in this process, and its progress means nothing after a restart. The
registry keeps the latest few imports only, so a desk that never asks again leaves nothing behind."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

KEPT = 32
# Report every this many rows: often enough for a smooth bar, rarely enough to cost nothing.
EVERY = 250


@dataclass(frozen=True)
class Step:
    phase: str  # "reading", "checking", "saving" or "done"
    done: int
    total: int


class Progress:
    """What a run reports to; the base class reports nowhere (the bench, a run without a token)."""

    def report(self, phase: str, done: int, total: int) -> None:
        pass

    def every(self, phase: str, done: int, total: int) -> None:
        """Reports at every EVERY rows and at the last one."""
        if done % EVERY == 0 or done == total:
            self.report(phase, done, total)


class ProgressBoard:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._steps: OrderedDict[str, Step] = OrderedDict()

    def reporter(self, token: str) -> Progress:
        board = self

        class _Reporter(Progress):
            def report(self, phase: str, done: int, total: int) -> None:
                board.put(token, Step(phase, done, total))

        self.put(token, Step("reading", 0, 0))
        return _Reporter()

    def put(self, token: str, step: Step) -> None:
        with self._lock:
            self._steps[token] = step
            self._steps.move_to_end(token)
            while len(self._steps) > KEPT:
                self._steps.popitem(last=False)

    def get(self, token: str) -> Step | None:
        with self._lock:
            return self._steps.get(token)


BOARD = ProgressBoard()
