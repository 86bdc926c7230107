"""SQL parameters are personal data: below debug, a failing write leaves them nowhere in the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import text

from odsm.core.config import Settings

from ..conftest import SECRET, LiveServer

RECOGNISABLE = "Zebulon-Quixote-4165550199"


@pytest.fixture(params=["info", "debug"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Overrides conftest's (debug) settings: this module serves at info, and at debug for contrast."""
    return Settings(data_dir=tmp_path / "data", api_secret=SecretStr(SECRET), log_level=request.param)


def _failing_write_route(app: FastAPI) -> None:
    def fail() -> None:
        # A NOT NULL column left null: the driver's error quotes the statement and, unless hidden, its parameters.
        app.state.db.write(
            lambda s: s.execute(
                text("INSERT INTO idempotency_keys (key, fingerprint, created_at) VALUES (:k, NULL, :t)"),
                {"k": RECOGNISABLE, "t": "2026-01-01 00:00:00"},
            )
        )

    app.add_api_route("/api/v1/test-fail", fail, methods=["POST"])


def test_a_failing_write_leaves_its_parameters_out_of_the_log_below_debug(serve_app, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    live: LiveServer = serve_app(_failing_write_route)
    r = live.client.post("/api/v1/test-fail")
    assert r.status_code == 500
    assert RECOGNISABLE not in r.text
    log = "\n".join(live.log_lines())
    assert "request.crashed" in log
    if settings.log_level == "debug":
        assert RECOGNISABLE in log, "at debug the parameters are shown on purpose (and this test can see them)"
    else:
        assert RECOGNISABLE not in log
        assert "IntegrityError" in log  # the crash line still says what happened, and where
