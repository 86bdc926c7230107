"""The instructor's weekly hours in the school's local time: whether a lesson falls inside them.

Pure functions over the availability rows (weekday 0 = Monday, minutes from local midnight), so the
booking rule that uses them runs no query.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from odsm.features.school.clock import zone

if TYPE_CHECKING:
    from odsm.models import InstructorAvailability, SchoolSettings

DAY_MINUTES = 24 * 60


class WeeklyWindow(Protocol):
    """An availability row, from the ORM or a Core read."""

    @property
    def weekday(self) -> int: ...
    @property
    def start_minute(self) -> int: ...
    @property
    def end_minute(self) -> int: ...


def hours_on(slots: Iterable[WeeklyWindow], weekday: int) -> list[tuple[int, int]]:
    """The weekday's windows, sorted, with touching or overlapping ones merged (9-12 and 12-17 are 9-17)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((s.start_minute, s.end_minute) for s in slots if s.weekday == weekday):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def within_weekly_hours(
    slots: list[InstructorAvailability], settings: SchoolSettings, starts_at: datetime, ends_at: datetime
) -> bool:
    """Each local day the lesson touches must lie inside one of that weekday's windows."""
    tz = zone(settings)
    start, end = starts_at.astimezone(tz), ends_at.astimezone(tz)
    day = start.date()
    while day <= end.date():
        first = _minute(start) if day == start.date() else 0
        last = _minute(end) if day == end.date() else DAY_MINUTES
        if last > first and not any(a <= first and last <= b for a, b in hours_on(slots, day.weekday())):
            return False
        day += timedelta(days=1)
    return True
