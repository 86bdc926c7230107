"""The school settings' one row."""

from __future__ import annotations

from sqlalchemy.orm import Session

from odsm.models import SchoolSettings

SETTINGS_ID = 1


def get(s: Session) -> SchoolSettings | None:
    """The settings row, or None while the school has never saved or read its settings."""
    return s.get(SchoolSettings, SETTINGS_ID)


def get_or_create(s: Session) -> SchoolSettings:
    """The settings row, created with the documented defaults (the model's) on first read."""
    row = s.get(SchoolSettings, SETTINGS_ID)
    if row is None:
        row = SchoolSettings(id=SETTINGS_ID)
        s.add(row)
        s.flush()
    return row
