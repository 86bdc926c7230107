"""Where a @quick_read route runs: on the event loop for SQLite, in the threadpool for PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

import anyio
import httpx
import pytest
from fastapi import FastAPI, Query

from odsm.core.config import Settings
from odsm.core.quick_reads import quick_read


def _app(settings: Settings) -> FastAPI:
    app = FastAPI()
    app.state.settings = settings

    @app.get("/loop")
    async def loop_thread() -> int:
        return threading.get_ident()

    @app.get("/read/{n}")
    @quick_read
    def read(n: int, twice: bool = Query(default=False)) -> dict[str, int]:
        return {"thread": threading.get_ident(), "n": n * 2 if twice else n}

    return app


@pytest.mark.parametrize(
    ("database_url", "on_loop"),
    [("", True), ("postgresql+psycopg://odsm@db.invalid/odsm", False)],
    ids=["sqlite-reads-on-the-loop", "postgresql-reads-in-the-threadpool"],
)
def test_a_quick_read_runs_on_the_loop_for_sqlite_only(tmp_path: Path, database_url: str, on_loop: bool) -> None:
    app = _app(Settings(data_dir=tmp_path, database_url=database_url))

    async def ask() -> tuple[int, dict[str, int]]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://odsm") as client:
            loop = (await client.get("/loop")).json()
            return loop, (await client.get("/read/21", params={"twice": "true"})).json()

    loop, answer = anyio.run(ask)
    assert answer["n"] == 42  # the route's own parameters still arrive
    assert (answer["thread"] == loop) is on_loop


def test_a_quick_read_keeps_its_name_and_parameters_in_the_openapi(tmp_path: Path) -> None:
    schema = _app(Settings(data_dir=tmp_path)).openapi()
    operation = schema["paths"]["/read/{n}"]["get"]
    assert operation["operationId"].startswith("read_")
    assert [p["name"] for p in operation["parameters"]] == ["n", "twice"]
