"""A school that already runs on a server has nothing to move: refused by name, nothing written."""

from __future__ import annotations

import pytest

from tests.conftest import LiveServer
from tests.engines import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: this school runs on a server")


def test_a_school_on_a_server_is_not_moved_again(live: LiveServer, database_url: str) -> None:
    before = live.client.get("/api/v1/audit/head").json()
    r = live.client.post("/api/v1/system/move-to-server", json={"target_url": database_url})
    assert r.status_code == 409, r.text
    assert (r.json()["code"], r.json()["details"]["rule"]) == ("move.source_not_sqlite", "sqlite_only")
    assert live.client.get("/api/v1/audit/head").json() == before
