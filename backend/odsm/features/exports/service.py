"""Everything, as a zip of CSV files (one per table) and a manifest: for the school's own records or
another program. Read in one read transaction, so the files agree with each other; written under a
temporary name and renamed, so a zip with the real name is always whole."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from odsm import __version__
from odsm.core.durable_files import written_whole
from odsm.core.maintenance_repository import schema_revision
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database

from . import repository as repo
from .errors import ExportNotWritable
from .schemas import ExportedTable, ExportRequest, ExportResult

FORMAT = "odsm-export"


def cell(value: Any) -> str:
    """A CSV cell: empty for nothing, ISO 8601 for times, true/false, money stays integer cents."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


class ExportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def export(self, request: ExportRequest) -> ExportResult:
        at = utcnow()
        with written_whole(request.file, ExportNotWritable) as temp:
            tables, revision = self.db.read(lambda s: self._write(s, temp, at))
        target = Path(request.file)
        return ExportResult(
            file=str(target), bytes=target.stat().st_size, exported_at=at, schema_revision=revision, tables=tables
        )

    @staticmethod
    def _write(s: Session, path: Path, at: datetime) -> tuple[list[ExportedTable], str | None]:
        repo.one_snapshot(s)
        revision = schema_revision(s.connection())
        tables: list[ExportedTable] = []
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for table in repo.school_tables():
                columns = [c.name for c in repo.exported_columns(table)]
                name = f"{table.name}.csv"
                digest, rows = hashlib.sha256(), 0
                with zf.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
                    hashing = _Hashing(text, digest)
                    out = csv.writer(hashing)
                    out.writerow(columns)
                    for row in repo.rows_of(s, table):
                        out.writerow([cell(v) for v in row])
                        rows += 1
                tables.append(
                    ExportedTable(name=table.name, file=name, rows=rows, columns=columns, sha256=digest.hexdigest())
                )
            manifest = {
                "format": FORMAT,
                "format_version": 1,
                "app_version": __version__,
                "schema_revision": revision,
                "exported_at": at.isoformat(),
                "encoding": "utf-8",
                "cells": "empty = no value; times ISO 8601 in UTC; true/false; money in integer cents",
                "tables": [t.model_dump() for t in tables],
            }
            zf.writestr("manifest.json", json.dumps(manifest, indent=2))
        return tables, revision


class _Hashing:
    """Writes through to the zip member and hashes the same UTF-8 bytes, for the manifest's sha256."""

    def __init__(self, out: io.TextIOWrapper, digest: Any) -> None:
        self.out, self.digest = out, digest

    def write(self, text: str) -> int:
        self.digest.update(text.encode("utf-8"))
        return self.out.write(text)
