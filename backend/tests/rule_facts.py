"""What the pure rule tests (booking, classroom) build their facts on: one school day and its local clock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

TORONTO = ZoneInfo("America/Toronto")
DAY = date(2031, 6, 10)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A Toronto wall-clock time on `day`, as the aware UTC instant the rules compare."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TORONTO).astimezone(UTC)


def backdated_start(starts_at: datetime, local_time: str) -> dict[str, Any]:
    """The details of a refusal to back-date a start without a reason, with no grace allowed."""
    return {
        "rule": "backdate_reason",
        "field": "reason",
        "event": "starts_at",
        "starts_at": starts_at.isoformat(),
        "local_time": local_time,
        "grace_hours": 0,
    }
