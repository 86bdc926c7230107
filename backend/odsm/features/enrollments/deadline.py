"""The completion deadline: calendar months from the first class (DOMAIN.md: one year), not a count of days."""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from odsm.core import audit
from odsm.features.school.service import after_settings_change

from . import repository as repo

if TYPE_CHECKING:
    from odsm.models import SchoolSettings

SETTING = "completion_deadline_months"


def add_months(day: date, months: int) -> date:
    """The same day `months` later; a day the month lacks becomes its last (2024-02-29 + 12 -> 2025-02-28)."""
    year, month_index = divmod(day.month - 1 + months, 12)
    year += day.year
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline_for(first_class: date, settings: SchoolSettings) -> date:
    return add_months(first_class, settings.completion_deadline_months)


@after_settings_change
def follow_deadline_setting(s: Session, settings: SchoolSettings, before: dict[str, Any]) -> None:
    """A new deadline setting applies to every open enrollment, in the settings update's transaction.

    One audit entry per enrollment changed, not one summary: each enrollment's log then shows its own
    before and after, so the record's history (and a check of live rows against it) stands on its own.
    """
    old = before.get(SETTING)
    new = settings.completion_deadline_months
    if old is None or old == new:
        return
    reason = f"The completion deadline setting changed from {old} to {new} months."
    moved = []
    for enrollment in repo.open_with_first_class(s):
        deadline = deadline_for(enrollment.first_class_date, settings)  # type: ignore[arg-type]  # filtered
        if deadline != enrollment.deadline:
            enrollment.deadline = deadline
            audit.note(s, enrollment, "follow_deadline_setting", reason)
            moved.append(enrollment)
    s.flush()  # one flush: the audit hook appends every entry in one pass
    for enrollment in moved:
        # Hours "by the deadline" move with it.
        repo.refresh_totals(s, enrollment)
