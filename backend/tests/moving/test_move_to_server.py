"""Moving this desk's SQLite school onto an empty PostgreSQL database, over real HTTP, into real databases."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from odsm.app import open_database
from odsm.core.config import Settings
from odsm.core.migrations import migrate
from odsm.features.audit.service import AuditService
from odsm.features.demo.builder import load_demo
from odsm.features.students.schemas import StudentCreate
from odsm.features.students.service import StudentService
from tests.conftest import LiveServer, student_payload

pytestmark = pytest.mark.sqlite_only(reason="a school moves from its SQLite file (test_move_from_a_server.py)")

MOVE = "/api/v1/system/move-to-server"


def counts_in_server(url: str) -> dict[str, int]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            names = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
            return {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names}
    finally:
        engine.dispose()


def counts_in_file(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if n != "sqlite_sequence"}
    finally:
        conn.close()


def school_file(live: LiveServer) -> Path:
    path = live.settings.sqlite_path
    assert path is not None
    return path


def head(live: LiveServer) -> Any:
    return live.client.get("/api/v1/audit/head").json()


def test_the_demo_school_moves_whole_and_both_chains_end_at_the_same_head(
    live: LiveServer, empty_server: Callable[[], str], tmp_path: Path
) -> None:
    load_demo(live.db, students=30)
    url = empty_server()
    idle = {"state": "idle", "table": None, "rows_done": 0, "rows_total": 0}
    assert live.client.get(f"{MOVE}/progress").json() == idle

    r = live.client.post(MOVE, json={"target_url": url})
    assert r.status_code == 200, r.text
    out = r.json()

    here, there = counts_in_file(school_file(live)), counts_in_server(url)
    assert here.keys() == there.keys()
    assert here == there
    assert min(here["lessons"], here["enrollment_hours"], here["classroom_attendance"]) > 0
    assert {t["table"]: (t["source_rows"], t["target_rows"]) for t in out["tables"]} == {
        name: (rows, rows) for name, rows in here.items() if name != "alembic_version"
    }
    assert out["total_rows"] == sum(rows for name, rows in here.items() if name != "alembic_version")
    assert live.client.get(f"{MOVE}/progress").json() == {
        "state": "done",
        "table": None,
        "rows_done": out["total_rows"],
        "rows_total": out["total_rows"],
    }

    # The school on this desk verifies, ends with the entry that records the move, and that head is the answer's.
    here_report = live.client.get("/api/v1/audit/verify").json()
    assert here_report["ok"] is True and here_report["head_hash"] == out["audit_head"]
    last = live.client.get("/api/v1/audit", params={"limit": 1}).json()["items"][0]
    assert (last["entity"], last["action"]) == ("moving", "move_to_server")

    # The server verifies on its own (chain and records), with the same head; and it takes new records
    # after the copied ids (its sequences moved on).
    server = open_database(Settings(data_dir=tmp_path / "server-desk", database_url=url))
    try:
        migrate(server.settings, server.engine)
        report = AuditService(server).verify(None)
        assert (report.ok, report.head_hash, report.checked) == (True, out["audit_head"], here["audit_log"])
        created = StudentService(server).create(StudentCreate(**student_payload(licence_number=None)))
        assert created.id == here["students"] + 1
        assert AuditService(server).verify(None).ok is True
    finally:
        server.dispose()
    assert school_file(live).is_file()  # the SQLite file stays where it was


def test_a_server_that_holds_a_school_already_is_refused_by_name_and_left_unchanged(
    live: LiveServer, empty_server: Callable[[], str], tmp_path: Path
) -> None:
    live.client.post("/api/v1/students", json=student_payload(first_name="Here", licence_number=None))
    url = empty_server()
    other = open_database(Settings(data_dir=tmp_path / "other-desk", database_url=url))
    try:
        migrate(other.settings, other.engine)
        StudentService(other).create(StudentCreate(**student_payload(first_name="There", licence_number=None)))
    finally:
        other.dispose()
    before_server, before_head = counts_in_server(url), head(live)

    r = live.client.post(MOVE, json={"target_url": url})
    assert r.status_code == 409, r.text
    assert r.json()["code"] == "move.target_not_empty"
    assert r.json()["details"]["table"] == "audit_log"  # the first table, by name, that holds a row
    assert counts_in_server(url) == before_server
    assert head(live) == before_head  # nothing recorded here either: the move never started
    assert live.client.get(f"{MOVE}/progress").json()["state"] == "failed"


def test_a_failure_part_way_through_the_copy_leaves_the_server_empty_and_a_retry_moves_it(
    live: LiveServer, empty_server: Callable[[], str]
) -> None:
    load_demo(live.db, students=12)
    url = empty_server()
    # A pickup place longer than its column: SQLite keeps it, PostgreSQL refuses it. Lessons are the last
    # table copied, so every other table is in the server's transaction when the copy fails.
    conn = sqlite3.connect(school_file(live))
    try:
        too_long = conn.execute("SELECT max(id), pickup_location FROM lessons").fetchone()
        conn.execute("UPDATE lessons SET pickup_location = ? WHERE id = ?", ("x" * 301, too_long[0]))
        conn.commit()
    finally:
        conn.close()
    students = live.client.get("/api/v1/students", params={"limit": 1}).json()["total"]

    r = live.client.post(MOVE, json={"target_url": url})
    assert r.status_code == 422, r.text
    assert (r.json()["code"], r.json()["details"]["rule"], r.json()["details"]["table"]) == (
        "move.copy_failed",
        "copy",
        "lessons",
    )
    progress = live.client.get(f"{MOVE}/progress").json()
    assert progress["state"] == "failed" and progress["table"] == "lessons"
    assert 0 < progress["rows_done"] < progress["rows_total"]
    # The server has the schema and not one row; this desk still serves its school from the file.
    assert set(counts_in_server(url).values()) <= {0, 1} and counts_in_server(url)["alembic_version"] == 1
    assert sum(rows for name, rows in counts_in_server(url).items() if name != "alembic_version") == 0
    assert live.client.get("/api/v1/students", params={"limit": 1}).json()["total"] == students

    conn = sqlite3.connect(school_file(live))
    try:
        conn.execute("UPDATE lessons SET pickup_location = ? WHERE id = ?", (too_long[1], too_long[0]))
        conn.commit()
    finally:
        conn.close()
    again = live.client.post(MOVE, json={"target_url": url})
    assert again.status_code == 200, again.text
    assert counts_in_server(url) == counts_in_file(school_file(live))


@pytest.mark.parametrize(
    "target_url",
    ["sqlite:///elsewhere.sqlite3", "mysql+pymysql://odsm:pw@10.0.0.5/odsm", "not a url", "postgresql://h"],
)
def test_a_target_that_is_not_a_postgresql_database_is_refused(live: LiveServer, target_url: str) -> None:
    before = head(live)
    r = live.client.post(MOVE, json={"target_url": target_url})
    assert r.status_code == 422, r.text
    assert (r.json()["code"], r.json()["details"]["field"]) == ("move.target_not_postgresql", "target_url")
    assert head(live) == before


def test_a_server_that_cannot_be_used_is_refused_with_the_reason(
    live: LiveServer, empty_server: Callable[[], str]
) -> None:
    url = empty_server()
    missing = url.rsplit("/", 1)[0] + "/odsm_no_such_database"
    nobody = "postgresql+psycopg://postgres@127.0.0.1:1/odsm"
    for target, reason in ((missing, "database_missing"), (nobody, "host_unreachable")):
        r = live.client.post(MOVE, json={"target_url": target})
        assert r.status_code == 422, r.text
        body = r.json()
        assert (body["code"], body["details"]["reason"]) == ("move.target_unreachable", reason), body
        assert body["details"]["cause"]  # the driver's own words, for support

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
            conn.execute(text("INSERT INTO alembic_version VALUES ('ffff_from_a_newer_app')"))
    finally:
        engine.dispose()
    r = live.client.post(MOVE, json={"target_url": url})
    assert r.status_code == 409, r.text
    assert (r.json()["code"], r.json()["details"]["revision"]) == ("move.target_newer_schema", "ffff_from_a_newer_app")
