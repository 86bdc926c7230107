"""Students written before the folded keys get them from the migration, and search finds them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from alembic import command
from sqlalchemy import inspect, text

from odsm.core.config import Settings
from odsm.core.migrations import alembic_config
from odsm.core.unit_of_work import Database

from ..conftest import LiveServer

BEFORE = "0005"
# As revision 0005's service wrote them: lower-cased, accents kept, no joined keys.
OLD_ROWS = [
    ("Élodie", "Lefèvre", "élodie lefèvre", "lefèvre élodie", "(416) 555-0142", "4165550142", "5550142"),
    ("小明", "王", "小明 王", "王 小明", None, None, None),
    ("Li", "A𠮷", "li a𠮷", "a𠮷 li", None, None, None),
]
OLD_COLUMNS = ("first", "last", "first_last", "last_first", "phone", "digits", "local")


def _insert_old_students(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO students (first_name, last_name, search_first_last, search_last_first, phone,"
                " phone_digits, phone_local, date_of_birth, created_at, updated_at, version)"
                " VALUES (:first, :last, :first_last, :last_first, :phone, :digits, :local,"
                " '2008-03-15', '2026-01-01', '2026-01-01', 1)"
            ),
            [dict(zip(OLD_COLUMNS, row, strict=True)) for row in OLD_ROWS],
        )


@pytest.fixture
def database_url(empty_database_url: str) -> str:
    """These tests build their database themselves, from an old revision."""
    return empty_database_url


@pytest.fixture
def old_database(settings: Settings) -> Database:
    """The test's database file, migrated only up to 0005 and holding students with that revision's keys."""
    db = Database(settings)
    command.upgrade(alembic_config(db.engine), BEFORE)
    _insert_old_students(db)
    db.dispose()
    return db


@pytest.fixture
def upgraded(old_database: Database, serve_app: Callable[..., LiveServer]) -> LiveServer:
    return serve_app()  # its database fixture migrates the old file to head, as the app does at start


def test_the_upgrade_gives_old_students_the_new_keys(upgraded: LiveServer) -> None:
    def found(q: str) -> list[str]:
        return [s["last_name"] for s in upgraded.client.get("/api/v1/students", params={"q": q}).json()["items"]]

    assert found("lefevre") == ["Lefèvre"]
    assert found("王小明") == ["王"]
    assert found("a") == ["A𠮷"]
    assert found("5550142") == ["Lefèvre"]


def test_the_downgrade_restores_the_old_keys_and_drops_the_joined_ones(upgraded: LiveServer) -> None:
    engine = upgraded.db.engine
    command.downgrade(alembic_config(engine), BEFORE)
    columns = {c["name"] for c in inspect(engine).get_columns("students")}
    assert "search_first_last_joined" not in columns
    with engine.connect() as conn:
        keys = conn.exec_driver_sql(
            "SELECT first_name, last_name, search_first_last, search_last_first, phone, phone_digits, phone_local"
            " FROM students ORDER BY id"
        ).all()
    assert [tuple(k) for k in keys] == OLD_ROWS
