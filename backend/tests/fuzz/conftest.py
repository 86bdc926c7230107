"""The fuzz run's tally: every case sent, by answer, printed once at the end of the session."""

from __future__ import annotations

from collections import Counter

import pytest

from .tally import TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY.cases:
        return
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(Counter(TALLY.statuses).items()))
    terminalreporter.write_line(
        f"fuzz: {TALLY.cases} cases over {len(TALLY.operations)} operations; answers {statuses}; "
        f"500s: {len(TALLY.crashes)}; schema mismatches: {len(TALLY.mismatches)}"
    )
