from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from odsm.core.bounded import LocalPath


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: LocalPath = Field(description="Where the zip goes: a path main's save dialog returned.")


class ExportedTable(BaseModel):
    name: str
    file: str
    rows: int
    columns: list[str]
    sha256: str


class ExportResult(BaseModel):
    file: str
    bytes: int
    exported_at: datetime
    schema_revision: str | None
    tables: list[ExportedTable]
