"""On PostgreSQL, Back up now and Restore refuse by name: the server is backed up on the server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import LiveServer
from tests.engines import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: SQLite backs up its own file")


def test_a_backup_and_a_restore_on_a_server_are_refused_by_name(live: LiveServer, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    for path, body in (
        ("/api/v1/system/backups", {"folder": str(usb)}),
        ("/api/v1/system/restore", {"file": str(usb / "odsm-backup.sqlite3")}),
    ):
        r = live.client.post(path, json=body)
        assert r.status_code == 422, r.text
        assert (r.json()["code"], r.json()["details"]["engine"]) == ("backup.engine_unsupported", "postgresql")
    assert list(usb.iterdir()) == []
