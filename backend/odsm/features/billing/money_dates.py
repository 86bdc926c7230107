"""The date a money record carries: never in the future, and further back than the school's grace period
(the same `backdate_grace_hours` lessons and classes use) only with a reason, kept in the audit log."""

from __future__ import annotations

from datetime import date

from odsm.features.school.clock import local_today
from odsm.models import SchoolSettings

from .errors import MoneyBackdateNeedsReason, MoneyDateInFuture


def check_money_date(school: SchoolSettings, on: date | None, reason: str | None, field: str) -> date:
    """The record's date (today when none is given), once it passes both rules."""
    today = local_today(school)
    day = on or today
    if day > today:
        raise MoneyDateInFuture(
            details={"field": field, "rule": "not_future", "date": day.isoformat(), "today": today.isoformat()}
        )
    # Money records carry dates, not times: the grace is counted in whole days (48 h = 2 days back).
    grace_days = school.backdate_grace_hours // 24
    if (today - day).days > grace_days and not reason:
        raise MoneyBackdateNeedsReason(
            details={
                "field": "reason",
                "rule": "backdate_reason",
                "date_field": field,
                "date": day.isoformat(),
                "today": today.isoformat(),
                "grace_hours": school.backdate_grace_hours,
            }
        )
    return day
