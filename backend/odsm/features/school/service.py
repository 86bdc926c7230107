"""School settings: one row, created with the documented defaults on first read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from odsm.core.errors import AppError, ValidationFailed
from odsm.core.orm import utcnow
from odsm.core.record_errors import Conflict
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.models import SchoolSettings

from . import repository as repo
from .clock import local_today
from .ministry import loosened
from .schemas import SchoolSettingsRead, SchoolSettingsUpdate


class SettingsVersionConflict(Conflict):
    code = "settings.version_conflict"
    default_message = "Someone else changed the school settings since you opened them. Reload to see their changes."


class LooserThanMinistry(AppError):
    status_code = 422
    code = "settings.looser_than_ministry"
    default_message = "A school may make the Ministry's BDE hours and deadline stricter, never looser."


# Called inside the settings update's transaction with the row after the change and the values before it:
# features whose records follow a setting (the enrollments' deadlines) register here, as they import
# this feature and not the other way round.
SettingsChanged = Callable[[Session, SchoolSettings, dict[str, Any]], None]
_after_change: list[SettingsChanged] = []


def after_settings_change(listener: SettingsChanged) -> SettingsChanged:
    _after_change.append(listener)
    return listener


def load_settings(s: Session) -> SchoolSettings:
    """For other features' services: the current settings inside their own unit of work."""
    return repo.get_or_create(s)


# The model's default zone, for a school that has no settings row yet.
DEFAULT_TIME_ZONE = "America/Toronto"


def school_today(s: Session) -> date:
    """Today on the school's clock, read without creating the settings row: a student's first save must not
    also write the school's settings (its audit entry would be theirs)."""
    row = repo.get(s)
    return local_today(row) if row is not None else utcnow().astimezone(ZoneInfo(DEFAULT_TIME_ZONE)).date()


def school_clock_settings(s: Session) -> tuple[str, str]:
    """The school's zone and time format, read without creating the settings row: reading the audit log must not
    write an entry of its own."""
    row = repo.get(s)
    return (row.time_zone, row.time_format) if row is not None else (DEFAULT_TIME_ZONE, "12h")


class SchoolService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self) -> SchoolSettingsRead:
        # A write: the first read creates the row with its defaults.
        return self.db.write(lambda s: SchoolSettingsRead.model_validate(load_settings(s)))

    def update(self, data: SchoolSettingsUpdate) -> SchoolSettingsRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}
        for name, value in changes.items():
            if value is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        problems = loosened(changes)
        if problems:
            raise LooserThanMinistry(details={"fields": problems})

        def fn(s: Session) -> SchoolSettingsRead:
            row = load_settings(s)
            check_version(row.version, data.version, SettingsVersionConflict)
            before = {name: getattr(row, name) for name in changes}
            apply_changes(row, changes)
            s.flush()
            for listener in _after_change:
                listener(s, row, before)
            return SchoolSettingsRead.model_validate(row)

        return guard_stale(lambda: self.db.write(fn), SettingsVersionConflict, your_version=data.version)
