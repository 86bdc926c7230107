"""Fixtures: a real database built by the migrations, served over a real Unix socket.

The database is a SQLite file, or with `ODSM_TEST_ENGINE=postgresql` a PostgreSQL database of its own
for each test (see `engines.py`). A test about SQLite itself is marked `sqlite_only` and skips there.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from pydantic import SecretStr

from odsm.app import create_app, open_database
from odsm.core.config import Settings
from odsm.core.engine import create_db_engine
from odsm.core.logging import configure_logging, flush_logs
from odsm.core.migrations import migrate
from odsm.core.unit_of_work import Database

from .engines import ENGINE, ON_POSTGRES, PgDatabases

SECRET = "test-secret-for-this-run"


def pytest_report_header() -> str:
    return f"odsm database engine: {ENGINE}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


@pytest.fixture(scope="session")
def pg_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgDatabases]:
    """PostgreSQL runs only: this run's template, built once by the migrations; every database dropped after."""
    databases = PgDatabases()
    try:
        template_url = databases.create_template()
    except Exception as exc:  # the server is not there: say so once, plainly, and stop the run
        pytest.exit(f"PostgreSQL is not reachable for ODSM_TEST_ENGINE=postgresql: {exc}", returncode=3)
    try:
        settings = Settings(data_dir=tmp_path_factory.mktemp("pg-template"), database_url=template_url)
        engine = create_db_engine(settings)
        try:
            migrate(settings, engine)
        finally:
            engine.dispose()  # a template must have no connection when it is copied
        yield databases
    finally:
        databases.drop_all()


@pytest.fixture
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A database already at the head revision: empty means the SQLite file in the data dir."""
    if not ON_POSTGRES:
        yield ""
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    url = databases.create(from_template=True)
    yield url
    databases.drop(url)


@pytest.fixture
def empty_database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with no table at all, for the migrations to build: empty means a new SQLite file."""
    if not ON_POSTGRES:
        yield ""
        return
    databases: PgDatabases = request.getfixturevalue("pg_databases")
    url = databases.create(from_template=False)
    yield url
    databases.drop(url)


@pytest.fixture
def empty_settings(tmp_path: Path, empty_database_url: str) -> Settings:
    """Settings for a database the migrations have not touched yet."""
    return Settings(data_dir=tmp_path / "data", database_url=empty_database_url, api_secret=SecretStr(SECRET))


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", database_url=database_url, api_secret=SecretStr(SECRET), log_level="debug"
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    configure_logging(settings.log_dir, settings.log_level)
    database = open_database(settings)
    migrate(settings, database.engine)
    yield database
    database.dispose()


@dataclass
class LiveServer:
    app: FastAPI
    uds: Path
    client: httpx.Client
    settings: Settings
    db: Database

    def anonymous(self) -> httpx.Client:
        return httpx.Client(transport=httpx.HTTPTransport(uds=str(self.uds)), base_url="http://odsm")

    def log_lines(self) -> list[str]:
        flush_logs()  # the lines are written by a writer thread
        return (self.settings.log_dir / "backend.log").read_text().splitlines()


class _ThreadedServer(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the test runner owns signals
        pass


def _serve(app: FastAPI, uds: Path) -> tuple[_ThreadedServer, threading.Thread]:
    config = uvicorn.Config(app, uds=str(uds), log_config=None, lifespan="off", access_log=False)
    server = _ThreadedServer(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("test server did not start")
        time.sleep(0.01)
    return server, thread


@pytest.fixture
def serve_app(settings: Settings, db: Database) -> Iterator[Callable[[Callable[[FastAPI], None] | None], LiveServer]]:
    """Serves create_app(settings, db) on a Unix socket in a private directory; optional app tweak."""
    started: list[tuple[_ThreadedServer, threading.Thread, httpx.Client, tempfile.TemporaryDirectory[str]]] = []

    def start(tweak: Callable[[FastAPI], None] | None = None) -> LiveServer:
        app = create_app(settings, db)
        if tweak is not None:
            tweak(app)
        sock_dir = tempfile.TemporaryDirectory(prefix="odsm-sock-")
        uds = Path(sock_dir.name) / "backend.sock"
        server, thread = _serve(app, uds)
        client = httpx.Client(
            transport=httpx.HTTPTransport(uds=str(uds)),
            base_url="http://odsm",
            headers={"Authorization": f"Bearer {SECRET}"},
            timeout=30,
        )
        started.append((server, thread, client, sock_dir))
        return LiveServer(app=app, uds=uds, client=client, settings=settings, db=db)

    yield start
    for server, thread, client, sock_dir in started:
        client.close()
        server.should_exit = True
        thread.join(timeout=10)
        sock_dir.cleanup()


@pytest.fixture
def live(serve_app: Callable[..., LiveServer]) -> LiveServer:
    return serve_app()


def student_payload(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "first_name": "Amara",
        "last_name": "Okafor",
        "date_of_birth": "2008-03-15",
        "phone": "(416) 555-0142",
        "email": "amara@example.com",
        "licence_number": "O1234-56780-80315",
        "licence_class": "G1",
        "g1_issue_date": "2025-04-01",
    }
    base.update(overrides)
    return base
