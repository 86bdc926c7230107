"""The safety copies restores leave in the data folder: the newest few are kept, older ones removed, and only
after a restore that succeeded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from odsm.core.config import Settings
from tests.conftest import SECRET, LiveServer, student_payload

KEPT = 2


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", database_url=database_url, api_secret=SecretStr(SECRET), safety_copies_kept=KEPT
    )


def safety_copies(live: LiveServer) -> list[str]:
    return sorted(p.name for p in live.settings.backup_dir.glob("before-restore-*"))


def test_only_the_newest_safety_copies_stay_after_a_restore(live: LiveServer, tmp_path: Path) -> None:
    live.client.post("/api/v1/students", json=student_payload(first_name="Amara", licence_number=None))
    backup = live.client.post("/api/v1/system/backups", json={"folder": str(tmp_path)}).json()["file"]
    live.settings.backup_dir.mkdir(parents=True, exist_ok=True)
    older = [f"before-restore-2026010{day}-090000-000000.sqlite3" for day in (1, 2, 3)]
    for name in older:
        (live.settings.backup_dir / name).write_bytes(b"the school as it was")
    # Another file in the folder (a pre-migration copy) is not a safety copy and is never touched.
    (live.settings.backup_dir / "odsm-20260101T000000Z-before-0008.sqlite3").write_bytes(b"kept")

    refused = live.client.post("/api/v1/system/restore", json={"file": str(tmp_path / "missing.sqlite3")})
    assert refused.status_code == 422
    assert safety_copies(live) == older  # nothing removed by a restore that did not happen

    r = live.client.post("/api/v1/system/restore", json={"file": backup})
    assert r.status_code == 200, r.text
    made = Path(r.json()["safety_copy"]).name
    assert safety_copies(live) == [older[-1], made]
    assert (live.settings.backup_dir / "odsm-20260101T000000Z-before-0008.sqlite3").exists()
