"""What the health check and Help → Diagnostics read of the database itself."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def schema_revision(s: Session) -> str | None:
    revision: str | None = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return revision


def database_bytes(s: Session) -> int:
    """The database's size on disk: SQLite's pages, or PostgreSQL's own count for this database."""
    if s.get_bind().dialect.name == "sqlite":
        pages = s.execute(text("PRAGMA page_count")).scalar_one()
        page_size = s.execute(text("PRAGMA page_size")).scalar_one()
        return int(pages) * int(page_size)
    return int(s.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
