"""The schema revision Alembic recorded: the health check reports it."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def schema_revision(s: Session) -> str | None:
    revision: str | None = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return revision
