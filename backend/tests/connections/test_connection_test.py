"""POST /system/connection/test against the real local PostgreSQL: what is there, or exactly what failed.

The app under test runs on either engine; the database tested is always on the PostgreSQL server
(trust authentication, so an unknown role is the server's "wrong user or password").
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, text

from odsm.core.config import Settings
from odsm.core.engine import create_db_engine
from odsm.core.migrations import migrate, script_head
from tests.conftest import LiveServer
from tests.engines import PgDatabases

ROUTE = "/api/v1/system/connection/test"


@pytest.fixture(scope="module")
def server() -> Iterator[PgDatabases]:
    databases = PgDatabases()
    try:
        databases.create_template()
    except Exception as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL is not reachable, so the connection test cannot run: {exc}")
    yield databases
    databases.drop_all()


@pytest.fixture
def empty_url(server: PgDatabases) -> Iterator[str]:
    url = server.create(from_template=True)  # the template is still empty: no migration ran on it
    yield url
    server.drop(url)


def with_parts(url: str, **parts: Any) -> str:
    return make_url(url).set(**parts).render_as_string(hide_password=False)


def refusal(live: LiveServer, url: str) -> dict[str, object]:
    r = live.client.post(ROUTE, json={"url": url})
    assert r.status_code == 422, r.text
    body: dict[str, object] = r.json()
    return body


def test_an_empty_database_answers_its_version_and_no_school(live: LiveServer, empty_url: str) -> None:
    r = live.client.post(ROUTE, json={"url": empty_url})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["server_version"].split(".")[0].isdigit()
    assert (body["schema_revision"], body["holds_data"]) == (None, False)


def test_a_database_holding_a_school_answers_its_revision(live: LiveServer, empty_url: str) -> None:
    settings = Settings(data_dir=live.settings.data_dir / "other", database_url=empty_url)
    engine = create_db_engine(settings)
    try:
        migrate(settings, engine)
    finally:
        engine.dispose()
    body = live.client.post(ROUTE, json={"url": empty_url}).json()
    assert (body["schema_revision"], body["holds_data"]) == (script_head(), True)


def test_an_unknown_user_is_refused_as_wrong_user_or_password(live: LiveServer, empty_url: str) -> None:
    body = refusal(live, with_parts(empty_url, username="nobody_at_this_school", password="wrong"))
    assert body["code"] == "connection.auth_failed"
    details = body["details"]
    assert isinstance(details, dict) and details["user"] == "nobody_at_this_school"
    assert "wrong" not in str(body)  # the password is never repeated back


def test_a_closed_port_is_an_unreachable_host(live: LiveServer, empty_url: str) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, then released
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    body = refusal(live, with_parts(empty_url, port=port))
    assert body["code"] == "connection.host_unreachable"
    assert body["details"] == {**body["details"], "host": "127.0.0.1", "port": port}  # type: ignore[dict-item]
    assert f"127.0.0.1:{port}" in str(body["message"])


def test_a_missing_database_is_named(live: LiveServer, empty_url: str) -> None:
    body = refusal(live, with_parts(empty_url, database="no_such_school_db"))
    assert body["code"] == "connection.database_missing"
    assert "no_such_school_db" in str(body["message"])


def test_a_revision_this_app_does_not_know_is_a_newer_schema(live: LiveServer, empty_url: str) -> None:
    engine = create_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('f00dfacef00d')"))
    engine.dispose()
    body = refusal(live, empty_url)
    assert body["code"] == "connection.schema_newer"
    assert body["details"]["schema_revision"] == "f00dfacef00d"  # type: ignore[index]


def test_tls_required_by_a_server_without_it_is_a_tls_failure(live: LiveServer, empty_url: str) -> None:
    # The local test server has no certificate, so sslmode=require cannot be met.
    body = refusal(live, with_parts(empty_url, query={"sslmode": "require"}))
    assert body["code"] == "connection.tls_failed"


def test_an_address_that_is_not_postgresql_names_the_field(live: LiveServer) -> None:
    r = live.client.post(ROUTE, json={"url": "sqlite:///school.sqlite3"})
    assert r.status_code == 422
    assert r.json()["code"] == "validation_failed"
    assert r.json()["details"]["fields"][0]["field"] == "url"
