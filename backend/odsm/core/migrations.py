"""Alembic at start-up: back up the database file first whenever a migration is pending."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import structlog
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from .config import Settings
from .db import utcnow

log = structlog.get_logger("odsm.migrations")

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Any fixed 64-bit number: every workstation sharing one PostgreSQL server takes the same lock.
PG_MIGRATION_LOCK = 7_312_047_730


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(slug)s")
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def revision_of(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return revision_of(conn)


def backup_sqlite(db_path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (a plain file copy could miss the WAL)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{db_path.stem}-{stamp}-before-{label}.sqlite3"
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(settings: Settings, engine: Engine) -> str | None:
    head = head_revision(engine)
    if settings.is_sqlite:
        current = current_revision(engine)
        if current != head:
            db_path = Path(engine.url.database or "")
            if current is not None and db_path.exists():
                backup = backup_sqlite(db_path, settings.backup_dir, label=str(head))
                log.info("db.backup", path=str(backup), from_revision=current, to_revision=head)
            log.info("db.migrate", from_revision=current, to_revision=head)
            command.upgrade(alembic_config(engine), "head")
        return head
    # PostgreSQL: several workstations may start together; one migrates while the rest wait.
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_MIGRATION_LOCK})
        try:
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_MIGRATION_LOCK})
            conn.commit()
    return head
