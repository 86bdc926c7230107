"""A school on PostgreSQL backs up as the same SQLite file as a one-desk school, and one backup restores on
either engine: PostgreSQL to PostgreSQL, SQLite to PostgreSQL, PostgreSQL to SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from odsm.app import create_app, open_database
from odsm.core.config import Settings
from odsm.core.migrations import migrate
from odsm.core.unit_of_work import Database
from odsm.features.backups.schemas import BackupRequest, RestoreRequest
from odsm.features.backups.service import BackupService
from odsm.features.demo.builder import load_demo
from odsm.features.students.schemas import StudentCreate
from odsm.features.students.service import StudentService
from tests.conftest import SECRET, LiveServer, _serve, student_payload
from tests.engines import ON_POSTGRES, PgDatabases

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: a school on a server")


def file_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if n != "sqlite_sequence"}
    finally:
        conn.close()


def db_counts(db: Database) -> dict[str, int]:
    """Every table's rows, on either engine, as file_counts reads a backup."""

    def fn(s: Any) -> dict[str, int]:
        if s.get_bind().dialect.name == "sqlite":
            listed = "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence'"
        else:
            listed = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        names = s.execute(text(listed)).scalars().all()
        return {n: s.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}

    return db.read(fn)


def verify(client: httpx.Client) -> Any:
    report = client.get("/api/v1/audit/verify").json()
    assert report["ok"] is True, report
    return report


@pytest.fixture
def other_school(pg_databases: PgDatabases, tmp_path: Path) -> Iterator[tuple[Database, httpx.Client]]:
    """A second PostgreSQL school, served over its own socket, with a student of its own."""
    url = pg_databases.create(from_template=True)
    settings = Settings(data_dir=tmp_path / "other", database_url=url, api_secret=SecretStr(SECRET))
    db = open_database(settings)
    migrate(settings, db.engine)
    StudentService(db).create(StudentCreate(**student_payload(first_name="Elsewhere", licence_number=None)))
    uds = tmp_path / "other.sock"
    server, thread = _serve(create_app(settings, db), uds)
    client = httpx.Client(
        transport=httpx.HTTPTransport(uds=str(uds)),
        base_url="http://odsm",
        headers={"Authorization": f"Bearer {SECRET}"},
        timeout=60,
    )
    yield db, client
    client.close()
    server.should_exit = True
    thread.join(timeout=10)
    db.dispose()
    pg_databases.drop(url)


def sqlite_school(tmp_path: Path, name: str) -> Database:
    settings = Settings(data_dir=tmp_path / name, database_url="")
    db = open_database(settings)
    migrate(settings, db.engine)
    return db


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-desk demo school's backup (built once: the demo writes through every service, which is slow)."""
    folder = tmp_path_factory.mktemp("demo-desk")
    desk = sqlite_school(folder, "desk")
    try:
        load_demo(desk, students=30)
        made = BackupService(desk).back_up(BackupRequest(folder=str(folder)))
    finally:
        desk.dispose()
    assert made.chain.ok
    return Path(made.file)


def restore_into(client: httpx.Client, backup: Path) -> Any:
    r = client.post("/api/v1/system/restore", json={"file": str(backup)})
    assert r.status_code == 200, r.text
    return r.json()


def with_restore_entry(counts: dict[str, int]) -> dict[str, int]:
    return {**counts, "audit_log": counts["audit_log"] + 1}


def test_a_one_desk_backup_restores_onto_the_server(live: LiveServer, demo_backup: Path) -> None:
    expected = file_counts(demo_backup)
    assert min(expected["lessons"], expected["enrollment_hours"], expected["classroom_attendance"]) > 0
    restore_into(live.client, demo_backup)
    assert db_counts(live.db) == with_restore_entry(expected)
    assert verify(live.client)["checked"] == expected["audit_log"] + 1


def test_the_demo_school_on_a_server_backs_up_and_restores_into_another_server_school(
    live: LiveServer, demo_backup: Path, other_school: tuple[Database, httpx.Client], tmp_path: Path
) -> None:
    restore_into(live.client, demo_backup)  # the demo school, now on this server
    head = verify(live.client)
    r = live.client.post("/api/v1/system/backups", json={"folder": str(tmp_path)})
    assert r.status_code == 201, r.text
    made = r.json()
    backup = Path(made["file"])
    assert (made["integrity"], made["chain"]["ok"], made["chain"]["head_hash"]) == ("ok", True, head["head_hash"])
    assert file_counts(backup) == db_counts(live.db)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no partial file left

    other_db, other = other_school
    before = db_counts(other_db)
    out = restore_into(other, backup)
    restored = db_counts(other_db)
    assert restored == with_restore_entry(file_counts(backup))
    # The chain is the backup's, then the entry recording the restore; it verifies, records included.
    report = verify(other)
    assert (report["checked"], out["chain"]["head_hash"]) == (head["checked"] + 1, report["head_hash"])
    entries = other.get("/api/v1/audit/chain", params={"after_id": head["head_id"] - 1, "limit": 2}).json()["items"]
    assert entries[0]["hash"] == head["head_hash"] and entries[1]["prev_hash"] == head["head_hash"]
    # The school as it was is in the safety copy, as the same kind of file.
    assert file_counts(Path(out["safety_copy"]))["students"] == before["students"] == 1
    # New records take ids after the restored ones (the sequences moved on).
    created = other.post("/api/v1/students", json=student_payload(first_name="After", licence_number=None))
    assert created.status_code == 201, created.text
    assert created.json()["id"] == restored["students"] + 1
    verify(other)


def test_a_server_backup_restores_into_a_one_desk_school(live: LiveServer, demo_backup: Path, tmp_path: Path) -> None:
    restore_into(live.client, demo_backup)
    r = live.client.post("/api/v1/system/backups", json={"folder": str(tmp_path)})
    assert r.status_code == 201, r.text
    made = r.json()

    desk = sqlite_school(tmp_path, "desk")
    try:
        StudentService(desk).create(StudentCreate(**student_payload(first_name="Local", licence_number=None)))
        out = BackupService(desk).restore(RestoreRequest(file=made["file"]))
        assert db_counts(desk) == with_restore_entry(file_counts(Path(made["file"])))
        assert out.chain.ok and out.chain.entries == made["chain"]["entries"] + 1
    finally:
        desk.dispose()
