"""Figures for Help → Diagnostics: how long requests and queries take, and how many failed.

Recording is on the hot path, so it is an index bump and a store into a fixed ring of the last
durations; percentiles are worked out only when someone asks. Two threads recording at once may
overwrite one slot: a figure for support, not a ledger, so no lock is taken.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event


class Timings:
    def __init__(self, capacity: int = 2048) -> None:
        self._ms = [0.0] * capacity
        self._count = 0

    @property
    def count(self) -> int:
        return self._count

    def record(self, ms: float) -> None:
        self._ms[self._count % len(self._ms)] = ms
        self._count += 1

    def percentile(self, fraction: float) -> float | None:
        """The nearest-rank percentile of the durations kept; None before the first."""
        kept = sorted(self._ms[: min(self._count, len(self._ms))])
        if not kept:
            return None
        rank = max(1, math.ceil(fraction * len(kept)))
        return round(kept[rank - 1], 3)


class RequestTimings(Timings):
    """Requests, with the answers of 4xx (refusals: a rule, a stale version) and 5xx (faults) counted apart."""

    def __init__(self, capacity: int = 2048) -> None:
        super().__init__(capacity)
        self.refusals = 0
        self.faults = 0

    def record_answer(self, ms: float, status: int) -> None:
        self.record(ms)
        if status >= 500 or status == 0:
            self.faults += 1
        elif status >= 400:
            self.refusals += 1


def on_each_statement(engine: Engine, timed: Callable[[str, float | None], None]) -> None:
    """Calls `timed(statement, ms)` as each statement returns: ms from the cursor's execute to its return, or
    None for a statement whose start this listener did not see."""
    started = object()  # this listener's own key in the connection's info: listeners never share a start

    @event.listens_for(engine, "before_cursor_execute")
    def _started(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        conn.info[started] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _done(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        t0 = conn.info.pop(started, None)
        timed(statement, None if t0 is None else (time.perf_counter() - t0) * 1000)


def time_queries(engine: Engine, timings: Timings) -> None:
    """Every statement's duration, from the cursor's execute to its return."""

    def record(statement: str, ms: float | None) -> None:
        if ms is not None:
            timings.record(ms)

    on_each_statement(engine, record)
