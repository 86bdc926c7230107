"""What a back-dating refusal names, the same for a lesson and a class (DOMAIN.md: a record entered after the
fact needs a logged reason): the event, its time in UTC and in the school's local time, and the grace allowed."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any


def local_minute(at: datetime, tz: tzinfo) -> str:
    """`2031-06-10 09:00`: a time as the school reads it on its own clock."""
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def backdated_details(event: str, at: datetime, tz: tzinfo, grace_hours: int) -> dict[str, Any]:
    return {
        "rule": "backdate_reason",
        "field": "reason",
        "event": event,
        event: at.isoformat(),
        "local_time": local_minute(at, tz),
        "grace_hours": grace_hours,
    }
