"""Empty PostgreSQL databases for a school to move to, made on the test server and dropped after."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy.exc import OperationalError

from odsm.core.config import Settings
from tests.conftest import SECRET
from tests.engines import PgDatabases


@pytest.fixture(scope="module")
def servers() -> Iterator[PgDatabases]:
    databases = PgDatabases()
    try:
        databases.create_template()  # proves the server answers; dropped with the rest
    except OperationalError as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL is not reachable here, so moving to a server is not tested: {exc.orig}")
    yield databases
    databases.drop_all()


@pytest.fixture
def empty_server(servers: PgDatabases) -> Iterator[Callable[[], str]]:
    """Makes empty PostgreSQL databases on demand; returns their URLs."""
    made: list[str] = []

    def make() -> str:
        made.append(servers.create(from_template=False))
        return made[-1]

    yield make
    for url in made:
        servers.drop(url)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """As the suite's, at info level: the demo school writes thousands of statements, each logged at debug."""
    return Settings(data_dir=tmp_path / "data", database_url=database_url, api_secret=SecretStr(SECRET))
