"""Restore over real HTTP: a checked backup replaces the school, the school before is kept, and a file that
is not a good backup is refused by name with nothing changed."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic import command
from pydantic import SecretStr
from sqlalchemy import text

from odsm.core.config import Settings
from odsm.core.migrations import alembic_config, script_head
from odsm.core.unit_of_work import Database
from tests.conftest import LiveServer, student_payload


def names(live: LiveServer) -> list[str]:
    items = live.client.get("/api/v1/students", params={"limit": 100}).json()["items"]
    return sorted(s["first_name"] for s in items)


def add(live: LiveServer, first_name: str) -> dict[str, Any]:
    r = live.client.post("/api/v1/students", json=student_payload(first_name=first_name, licence_number=None))
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def edited_copy(source: Path | None, target: Path, *statements: str) -> Path:
    """A copy of `source` (or a new database) changed behind the app's back by `statements`."""
    if source is not None:
        shutil.copy(source, target)
    conn = sqlite3.connect(target)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()
    return target


def restore(live: LiveServer, file: Path) -> Any:
    return live.client.post("/api/v1/system/restore", json={"file": str(file)})


@pytest.fixture
def backup(live: LiveServer, tmp_path: Path) -> Path:
    """A backup of a school with Amara and Bilal."""
    add(live, "Amara")
    add(live, "Bilal")
    r = live.client.post("/api/v1/system/backups", json={"folder": str(tmp_path)})
    assert r.status_code == 201, r.text
    return Path(r.json()["file"])


def test_a_restore_brings_the_school_back_and_keeps_what_it_replaced(live: LiveServer, backup: Path) -> None:
    chen = add(live, "Chen")
    live.client.patch(f"/api/v1/students/{chen['id']}", json={"version": chen["version"], "first_name": "Chenoa"})
    assert names(live) == ["Amara", "Bilal", "Chenoa"]

    r = restore(live, backup)
    assert r.status_code == 200, r.text
    out = r.json()
    assert names(live) == ["Amara", "Bilal"]

    safety = sqlite3.connect(out["safety_copy"])
    try:
        assert sorted(r[0] for r in safety.execute("SELECT first_name FROM students")) == ["Amara", "Bilal", "Chenoa"]
    finally:
        safety.close()

    # The restore is itself on the record, and the chain (now ending with that entry) verifies.
    verify = live.client.get("/api/v1/audit/verify").json()
    assert verify["ok"] is True
    assert (out["chain"]["ok"], out["chain"]["head_id"]) == (True, verify["head_id"])
    last = live.client.get("/api/v1/audit", params={"entity": "backups", "limit": 1}).json()["items"][0]
    assert last["action"] == "restore" and backup.name.startswith(last["entity_id"])
    # And the school goes on: a new student after the restore is saved and audited as usual.
    add(live, "Dara")
    assert names(live) == ["Amara", "Bilal", "Dara"]
    assert live.client.get("/api/v1/audit/verify").json()["ok"] is True


def _refused(live: LiveServer, file: Path, code: str, rule: str) -> None:
    before = names(live)
    safety_copies = list(live.settings.backup_dir.glob("before-restore-*")) if live.settings.backup_dir.exists() else []
    r = restore(live, file)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["code"] == code
    assert (body["details"]["field"], body["details"]["rule"]) == ("file", rule)
    assert names(live) == before
    after = list(live.settings.backup_dir.glob("before-restore-*")) if live.settings.backup_dir.exists() else []
    assert after == safety_copies  # refused before anything was touched


def test_a_missing_file_is_refused(live: LiveServer, tmp_path: Path) -> None:
    _refused(live, tmp_path / "gone.sqlite3", "restore.file_missing", "file_exists")


def test_a_file_that_is_not_a_database_is_refused(live: LiveServer, tmp_path: Path) -> None:
    letter = tmp_path / "letter.sqlite3"
    letter.write_text("Dear parents,\n" * 200)
    _refused(live, letter, "restore.not_a_backup", "sqlite_file")


def test_another_program_s_database_is_refused(live: LiveServer, tmp_path: Path) -> None:
    other = edited_copy(None, tmp_path / "other.sqlite3", "CREATE TABLE recipes (name TEXT)")
    _refused(live, other, "restore.not_a_backup", "odsm_database")


def test_a_damaged_backup_is_refused(live: LiveServer, backup: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(backup, damaged)
    data = bytearray(damaged.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), page):  # every page's header but the first (the schema)
        data[offset : offset + 16] = b"\xff" * 16
    damaged.write_bytes(bytes(data))
    _refused(live, damaged, "restore.damaged", "integrity")


def test_a_backup_from_a_newer_version_is_refused(live: LiveServer, backup: Path, tmp_path: Path) -> None:
    newer = edited_copy(backup, tmp_path / "newer.sqlite3", "UPDATE alembic_version SET version_num = '9999'")
    _refused(live, newer, "restore.newer_version", "known_revision")


def test_a_backup_whose_audit_log_was_rewritten_is_refused(live: LiveServer, backup: Path, tmp_path: Path) -> None:
    tampered = edited_copy(
        backup,
        tmp_path / "tampered.sqlite3",
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET actor = 'nobody' WHERE id = 1",
    )
    _refused(live, tampered, "restore.chain_broken", "audit_chain")


def test_a_relative_path_is_refused_by_name(live: LiveServer) -> None:
    r = live.client.post("/api/v1/system/restore", json={"file": "odsm-backup.sqlite3"})
    assert r.status_code == 422
    assert [f["field"] for f in r.json()["details"]["fields"]] == ["file"]


def test_a_backup_from_an_older_version_is_brought_up_to_this_one(live: LiveServer, tmp_path: Path) -> None:
    old_settings = Settings(data_dir=tmp_path / "old-app", api_secret=SecretStr("old"))
    old = Database(old_settings)
    command.upgrade(alembic_config(old.engine), "0003")  # students and the audit log, before later columns
    old.dispose()
    old_file = old_settings.sqlite_path
    assert old_file is not None
    add(live, "Amara")

    r = restore(live, old_file)
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["restored_revision"], out["schema_revision"]) == ("0003", script_head())
    assert names(live) == []
    assert live.client.get("/api/v1/audit/verify").json()["ok"] is True
    add(live, "Bilal")  # the school goes on, on this version's schema
    assert names(live) == ["Bilal"]


def test_no_write_is_lost_to_a_restore_running_beside_it(live: LiveServer, backup: Path) -> None:
    """Desks keep saving while the restore runs: each saved student is in the safety copy (saved before the
    swap) or in the restored school (saved after it), never in neither."""
    saved: list[str] = []
    stop = threading.Event()

    def desk(n: int) -> None:
        transport = httpx.HTTPTransport(uds=str(live.uds))
        client = httpx.Client(transport=transport, base_url="http://odsm", headers=live.client.headers, timeout=60)
        i = 0
        while not stop.is_set():
            name = f"Desk{n}x{i}"
            r = client.post("/api/v1/students", json=student_payload(first_name=name, licence_number=None))
            if r.status_code == 201:
                saved.append(name)
            i += 1
        client.close()

    desks = [threading.Thread(target=desk, args=(n,)) for n in range(2)]
    for t in desks:
        t.start()
    time.sleep(0.3)
    r = restore(live, backup)
    time.sleep(0.3)
    stop.set()
    for t in desks:
        t.join()
    assert r.status_code == 200, r.text
    safety = sqlite3.connect(r.json()["safety_copy"])
    try:
        in_safety = {row[0] for row in safety.execute("SELECT first_name FROM students")}
    finally:
        safety.close()
    in_school = set(live.db.read(lambda s: s.execute(text("SELECT first_name FROM students")).scalars().all()))
    assert saved, "the desks saved nothing"
    assert [n for n in saved if n not in in_safety | in_school] == []
