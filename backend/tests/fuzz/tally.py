"""What the fuzz run saw, kept across its tests so the session can print one line of figures."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Tally:
    cases: int = 0
    operations: set[str] = field(default_factory=set)
    statuses: list[int] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)


TALLY = Tally()
