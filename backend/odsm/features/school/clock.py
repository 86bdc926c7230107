"""The school's clock: local dates and day bounds in settings.time_zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from odsm.core.orm import utcnow
from odsm.models import SchoolSettings


def zone(settings: SchoolSettings) -> ZoneInfo:
    return ZoneInfo(settings.time_zone)


def local_today(settings: SchoolSettings) -> date:
    return utcnow().astimezone(zone(settings)).date()


def local_date(settings: SchoolSettings, moment: datetime) -> date:
    return moment.astimezone(zone(settings)).date()


def at_local(settings: SchoolSettings, day: date, minute: int) -> datetime:
    """`minute` minutes after local midnight of `day` (1440 = next midnight), as UTC."""
    days, rest = divmod(minute, 24 * 60)
    local = datetime.combine(day + timedelta(days=days), time(rest // 60, rest % 60), tzinfo=zone(settings))
    return local.astimezone(UTC)


def day_bounds(settings: SchoolSettings, day: date) -> tuple[datetime, datetime]:
    """[start, end) of the local day, in UTC (23 or 25 hours long on DST days)."""
    return at_local(settings, day, 0), at_local(settings, day + timedelta(days=1), 0)


def minutes_between(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() // 60)
