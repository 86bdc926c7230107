"""The school settings' one row."""

from __future__ import annotations

from functools import partial

from sqlalchemy.orm import Session

from odsm.core.resource_lock_repository import Resource, one_row
from odsm.models import SchoolSettings

SETTINGS_ID = 1


def get(s: Session) -> SchoolSettings | None:
    """The settings row, or None while the school has never saved or read its settings."""
    return s.get(SchoolSettings, SETTINGS_ID)


def get_or_create(s: Session) -> SchoolSettings:
    """The settings row, created with the documented defaults (the model's) on first read."""
    return one_row(s, Resource.SCHOOL_SETTINGS, partial(get, s), partial(SchoolSettings, id=SETTINGS_ID))
