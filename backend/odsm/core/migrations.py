"""Alembic at start-up: back up the database file first whenever a migration is pending.

Alembic itself is imported only when a migration is pending: at every ordinary start the database is
already at head, and importing Alembic (with every dialect's DDL module) costs about half a second.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import structlog
from sqlalchemy import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

from .config import Settings
from .maintenance_repository import migration_lock, schema_revision, sqlite_copy
from .orm import utcnow

log = structlog.get_logger("odsm.migrations")

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


_REVISION = re.compile(r'^revision: str = "(?P<rev>\w+)"', re.M)
_DOWN = re.compile(r'^down_revision: str \| None = (?:None|"(?P<down>\w+)")', re.M)


def script_head() -> str | None:
    """The head revision, read from the version files as text (a test holds it equal to Alembic's)."""
    revisions, parents = _script_graph()
    heads = revisions - parents
    if len(heads) > 1:
        raise RuntimeError(f"several migration heads: {sorted(heads)}")
    return next(iter(heads), None)


def script_revisions() -> set[str]:
    """Every revision this version of the app knows; a database at any other was written by a newer one."""
    return _script_graph()[0]


def _script_graph() -> tuple[set[str], set[str]]:
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            raise RuntimeError(f"{path.name}: no revision / down_revision line")
        revisions.add(rev["rev"])
        if down["down"]:
            parents.add(down["down"])
    return revisions, parents


def stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return schema_revision(conn)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(slug)s")
    cfg.attributes["engine"] = engine
    return cfg


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def revision_of(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return revision_of(conn)


def backup_sqlite(db_path: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (a plain file copy could miss the WAL)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{db_path.stem}-{stamp}-before-{label}.sqlite3"
    sqlite_copy(db_path, target, read_only=False)
    return target


def carry_audit_anchor(anchor: Path, backup: Path) -> str | None:
    """Copies main's anchored audit head beside the backup (`<backup>.audit-anchor.json`), so a restored
    copy can be checked against the head the app had when it was taken. None when main kept none yet."""
    if not anchor.is_file():
        return None
    target = backup.with_name(f"{backup.stem}.audit-anchor.json")
    shutil.copyfile(anchor, target)
    return str(target)


def migrate(settings: Settings, engine: Engine) -> str | None:
    head = script_head()
    if settings.is_sqlite:
        current = stored_revision(engine)
        if current != head:
            from alembic import command

            db_path = Path(engine.url.database or "")
            if current is not None and db_path.exists():
                backup = backup_sqlite(db_path, settings.backup_dir, label=str(head))
                anchor = carry_audit_anchor(settings.audit_anchor_path, backup)
                log.info("db.backup", path=str(backup), anchor=anchor, from_revision=current, to_revision=head)
            log.info("db.migrate", from_revision=current, to_revision=head)
            command.upgrade(alembic_config(engine), "head")
        return head
    if stored_revision(engine) == head:
        # The usual start: nothing to do, and no need to wait behind another workstation's lock.
        return head
    from alembic import command

    with engine.connect() as conn, migration_lock(conn):
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    return head
