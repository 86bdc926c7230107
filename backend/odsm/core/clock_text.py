"""Times as the front desk reads them, in the school's own format: 12 h ("4:00 p.m.") or 24 h ("16:00").

One place writes every time a refusal says, so a message never mixes "4:00 p.m." with "17:00"."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Literal

TimeFormat = Literal["12h", "24h"]
TIME_FORMATS: tuple[TimeFormat, ...] = ("12h", "24h")
DEN = "\u2013"  # an en dash between two times


def _twelve(minute: int) -> tuple[str, str]:
    hour, rest = divmod(minute % (24 * 60), 60)
    return f"{(hour % 12) or 12}:{rest:02d}", "a.m." if hour < 12 else "p.m."


def minute_text(minute: int, fmt: str) -> str:
    """Minutes after midnight: "4:00 p.m." or "16:00" (1440, the next midnight, reads as midnight)."""
    if fmt == "24h":
        hour, rest = divmod(minute, 60)
        return f"{hour:02d}:{rest:02d}"
    clock, meridiem = _twelve(minute)
    return f"{clock} {meridiem}"


def minute_range_text(first: int, last: int, fmt: str) -> str:
    """ "4:00 to 5:00 p.m." (one a.m./p.m. when both share it), "11:30 a.m. to 12:30 p.m.", or "16:00 to 17:00"."""
    if fmt == "24h":
        return f"{minute_text(first, fmt)}{DEN}{minute_text(last, fmt)}"
    (a, am), (b, bm) = _twelve(first), _twelve(last)
    return f"{a}{DEN}{b} {bm}" if am == bm else f"{a} {am}{DEN}{b} {bm}"


def _minute_of(at: datetime, tz: tzinfo) -> int:
    local = at.astimezone(tz)
    return local.hour * 60 + local.minute


def date_text(at: datetime, tz: tzinfo) -> str:
    """ "Tue, Mar 4" on the school's clock."""
    local = at.astimezone(tz)
    return f"{local:%a}, {local:%b} {local.day}"


def time_text(at: datetime, tz: tzinfo, fmt: str) -> str:
    return minute_text(_minute_of(at, tz), fmt)


def span_text(starts_at: datetime, ends_at: datetime, tz: tzinfo, fmt: str) -> str:
    """ "4:00 to 5:00 p.m. on Tue, Mar 4"; a span across midnight names both days."""
    first, last = _minute_of(starts_at, tz), _minute_of(ends_at, tz)
    if starts_at.astimezone(tz).date() == ends_at.astimezone(tz).date():
        return f"{minute_range_text(first, last, fmt)} on {date_text(starts_at, tz)}"
    return (
        f"{minute_text(first, fmt)} on {date_text(starts_at, tz)}{DEN}"
        f"{minute_text(last, fmt)} on {date_text(ends_at, tz)}"
    )


def moment_text(at: datetime, tz: tzinfo, fmt: str) -> str:
    """ "4:00 p.m. on Tue, Mar 4, 2031"."""
    local = at.astimezone(tz)
    return f"{time_text(at, tz, fmt)} on {date_text(at, tz)}, {local.year}"
