"""Export everything over real HTTP: a zip another program can read, one CSV per table with a manifest
whose counts and checksums match the files, and the school's rows in them."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

from tests.conftest import LiveServer, student_payload


def test_the_zip_holds_every_table_with_a_manifest_that_checks_out(live: LiveServer, tmp_path: Path) -> None:
    for name in ("Zoë", "Nguyễn", "李"):
        r = live.client.post("/api/v1/students", json=student_payload(first_name=name, licence_number=None))
        assert r.status_code == 201
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "school-export.zip"

    r = live.client.post("/api/v1/system/exports", json={"file": str(target)})
    assert r.status_code == 201, r.text
    out = r.json()
    assert (out["file"], out["bytes"]) == (str(target), target.stat().st_size)
    assert [p.name for p in usb.iterdir()] == [target.name]  # no partial file left

    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format"] == "odsm-export"
        assert manifest["schema_revision"] == out["schema_revision"]
        names = {t["name"] for t in manifest["tables"]}
        assert {"students", "audit_log", "lessons", "school_settings"} <= names
        assert "idempotency_keys" not in names
        assert set(zf.namelist()) == {t["file"] for t in manifest["tables"]} | {"manifest.json"}
        for table in manifest["tables"]:
            data = zf.read(table["file"])
            assert hashlib.sha256(data).hexdigest() == table["sha256"], table["name"]
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
            assert rows[0] == table["columns"]
            assert len(rows) - 1 == table["rows"], table["name"]
        students = list(csv.DictReader(io.StringIO(zf.read("students.csv").decode("utf-8"))))
    assert sorted(s["first_name"] for s in students) == sorted(["Zoë", "Nguyễn", "李"])
    audit_rows = next(t["rows"] for t in manifest["tables"] if t["name"] == "audit_log")
    assert audit_rows == live.client.get("/api/v1/audit", params={"limit": 1}).json()["total"]


def test_a_folder_that_is_gone_is_refused_by_name(live: LiveServer, tmp_path: Path) -> None:
    r = live.client.post("/api/v1/system/exports", json={"file": str(tmp_path / "unplugged" / "export.zip")})
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "export.not_writable"
    assert (body["details"]["field"], body["details"]["rule"]) == ("file", "writable")
