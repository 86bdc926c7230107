"""Back up now, over real HTTP into a real folder: the copy is a whole, checked SQLite file of the school."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.conftest import LiveServer, student_payload


def back_up(live: LiveServer, folder: Path | str, **extra: Any) -> Any:
    return live.client.post("/api/v1/system/backups", json={"folder": str(folder), **extra})


def test_a_backup_is_a_whole_checked_copy_of_the_school(live: LiveServer, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    for name in ("Amara", "Bilal", "Chen"):
        created = live.client.post("/api/v1/students", json=student_payload(first_name=name, licence_number=None))
        assert created.status_code == 201
    head = live.client.get("/api/v1/audit/head").json()

    r = back_up(live, folder)
    assert r.status_code == 201, r.text
    out = r.json()
    file = Path(out["file"])
    assert file.parent == folder and file.name.startswith("odsm-backup-") and file.suffix == ".sqlite3"
    assert [p.name for p in folder.iterdir()] == [file.name]  # no temp file, no -wal beside it
    assert out["bytes"] == file.stat().st_size
    assert out["integrity"] == "ok"
    assert out["chain"]["ok"] is True
    assert (out["chain"]["head_id"], out["chain"]["head_hash"]) == (head["entry_id"], head["entry_hash"])
    assert out["schema_revision"] == live.client.get("/api/v1/health").json()["schema_revision"]

    copy = sqlite3.connect(file)
    try:
        names = sorted(r[0] for r in copy.execute("SELECT first_name FROM students"))
        assert names == ["Amara", "Bilal", "Chen"]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        copy.close()


def test_a_backup_checks_the_chain_against_main_s_anchor(live: LiveServer, tmp_path: Path) -> None:
    live.client.post("/api/v1/students", json=student_payload())
    head = live.client.get("/api/v1/audit/head").json()
    good = back_up(live, tmp_path, anchor_id=head["entry_id"], anchor_hash=head["entry_hash"]).json()
    assert good["chain"]["reaches_anchor"] is True
    wrong = back_up(live, tmp_path, anchor_id=head["entry_id"], anchor_hash="0" * 64).json()
    assert wrong["chain"]["reaches_anchor"] is False


def test_only_the_newest_backups_are_kept(live: LiveServer, tmp_path: Path) -> None:
    other = tmp_path / "school-letter.sqlite3"
    other.write_text("not ours")
    files = [back_up(live, tmp_path, keep=2).json() for _ in range(4)]
    kept = sorted(p.name for p in tmp_path.glob("odsm-backup-*"))
    assert kept == sorted(Path(f["file"]).name for f in files[-2:])
    assert files[2]["removed"] == [Path(files[0]["file"]).name]
    assert other.exists()  # a file that is not one of this app's backups is never touched


def test_a_missing_folder_is_refused_by_name(live: LiveServer, tmp_path: Path) -> None:
    r = back_up(live, tmp_path / "unplugged-usb")
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "backup.folder_missing"
    assert (body["details"]["field"], body["details"]["rule"]) == ("folder", "folder_exists")


def test_a_folder_that_cannot_be_written_is_refused_and_left_clean(live: LiveServer) -> None:
    r = back_up(live, "/proc")  # a real folder no one, not even root, may create files in
    assert r.status_code == 422
    assert r.json()["code"] == "backup.folder_not_writable"
    assert r.json()["details"]["field"] == "folder"


def test_bad_input_names_the_field(live: LiveServer, tmp_path: Path) -> None:
    cases = (({"folder": ""}, "folder"), ({"folder": "usb"}, "folder"), ({"folder": str(tmp_path), "keep": 0}, "keep"))
    for body, field in cases:
        r = live.client.post("/api/v1/system/backups", json=body)
        assert r.status_code == 422
        assert [f["field"] for f in r.json()["details"]["fields"]] == [field]
