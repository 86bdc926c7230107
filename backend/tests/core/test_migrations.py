from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from pydantic import SecretStr
from sqlalchemy import inspect

from odsm.core.config import Settings
from odsm.core.migrations import alembic_config, current_revision, head_revision, migrate, script_revisions
from odsm.core.unit_of_work import Database

from ..conftest import SECRET


def _settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", api_secret=SecretStr(SECRET))


def _database_at(settings: Settings, revision: str, seed_sql: str) -> tuple[Settings, Database]:
    """A database migrated only up to `revision`, holding one row written as that schema had it."""
    db = Database(settings)
    command.upgrade(alembic_config(db.engine), revision)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(seed_sql)
    return settings, db


def test_migrating_up_from_empty_builds_every_table(empty_settings: Settings) -> None:
    settings = empty_settings
    db = Database(settings)
    assert current_revision(db.engine) is None
    migrate(settings, db.engine)
    assert current_revision(db.engine) == head_revision(db.engine)
    tables = set(inspect(db.engine).get_table_names())
    assert {"students", "idempotency_keys", "alembic_version"} <= tables
    # A fresh database has nothing to lose, so no backup is made.
    assert not settings.backup_dir.exists()


@pytest.mark.sqlite_only(reason="the backup is a copy of the SQLite file; a server keeps its own backups")
def test_pending_migrations_back_up_the_database_first(tmp_path: Path) -> None:
    settings, db = _database_at(
        _settings(tmp_path),
        "0001",
        "INSERT INTO idempotency_keys (key, fingerprint, created_at) VALUES ('kept', 'f', '2026-01-01')",
    )
    migrate(settings, db.engine)
    assert current_revision(db.engine) == head_revision(db.engine)
    [backup] = list(settings.backup_dir.glob("*.sqlite3"))
    assert "before-" in backup.name
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT key FROM idempotency_keys").fetchall() == [("kept",)]
    copy.close()


@pytest.mark.sqlite_only(reason="the backup is a copy of the SQLite file; a server keeps its own backups")
def test_a_backup_carries_the_anchored_audit_head_when_main_kept_one(tmp_path: Path) -> None:
    settings, db = _database_at(_settings(tmp_path), "0001", "SELECT 1")
    anchor = '{"entryId": 41, "entryHash": "' + "ab" * 32 + '"}'
    settings.audit_anchor_path.write_text(anchor)
    migrate(settings, db.engine)
    [backup] = list(settings.backup_dir.glob("*.sqlite3"))
    [carried] = list(settings.backup_dir.glob("*.audit-anchor.json"))
    assert carried.name == f"{backup.stem}.audit-anchor.json"
    assert carried.read_text() == anchor


@pytest.mark.sqlite_only(reason="the backup is a copy of the SQLite file; a server keeps its own backups")
def test_a_backup_without_an_anchored_head_carries_none(tmp_path: Path) -> None:
    settings, db = _database_at(_settings(tmp_path), "0001", "SELECT 1")
    migrate(settings, db.engine)
    assert len(list(settings.backup_dir.glob("*.sqlite3"))) == 1
    assert list(settings.backup_dir.glob("*.audit-anchor.json")) == []


def test_migrating_an_up_to_date_database_changes_nothing(empty_settings: Settings) -> None:
    settings = empty_settings
    db = Database(settings)
    migrate(settings, db.engine)
    migrate(settings, db.engine)
    assert not settings.backup_dir.exists()


@pytest.mark.sqlite_only(reason="PRAGMAs are SQLite's connection settings")
def test_every_connection_gets_the_pragmas(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    db = Database(settings)
    with db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == settings.sqlite_busy_timeout_ms
        assert pragma("synchronous") == 2  # FULL


def test_the_search_keys_migration_backfills_existing_students(empty_settings: Settings) -> None:
    settings, db = _database_at(
        empty_settings,
        "0004",
        "INSERT INTO students (first_name, last_name, date_of_birth, phone, phone_digits, search_name,"
        " created_at, updated_at, version) VALUES ('Amara', 'Okafor', '2008-03-15', '(416) 555-0142',"
        " '4165550142', 'amara okafor', '2026-01-01', '2026-01-01', 1)",
    )
    migrate(settings, db.engine)
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT search_first_last, search_last_first, phone_local FROM students").one()
    assert tuple(row) == ("amara okafor", "okafor amara", "5550142")


def test_the_head_read_from_the_files_is_alembics_head(tmp_path: Path) -> None:
    from odsm.core.migrations import script_head

    db = Database(_settings(tmp_path))
    assert script_head() == head_revision(db.engine)


def test_every_migration_runs_up_one_at_a_time_then_down_to_empty_and_up_again(empty_settings: Settings) -> None:
    db = Database(empty_settings)
    cfg = alembic_config(db.engine)
    revisions = sorted(script_revisions())
    for revision in revisions:
        command.upgrade(cfg, revision)
        assert current_revision(db.engine) == revision
    command.downgrade(cfg, "base")
    assert current_revision(db.engine) is None
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    migrate(empty_settings, db.engine)
    assert current_revision(db.engine) == head_revision(db.engine)
    db.dispose()
