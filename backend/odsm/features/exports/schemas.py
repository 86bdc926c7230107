from __future__ import annotations

from datetime import datetime
from pathlib import PurePath, PureWindowsPath
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from odsm.core.bounded import NulFree

LocalPath = Annotated[str, StringConstraints(min_length=1, max_length=4096), NulFree]


class ExportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: LocalPath = Field(description="Where the zip goes: a path main's save dialog returned.")

    @field_validator("file")
    @classmethod
    def _absolute(cls, file: str) -> str:
        if not PurePath(file).is_absolute() and not PureWindowsPath(file).is_absolute():
            raise ValueError("The export file must be a full path, such as E:\\\\odsm-export.zip.")
        return file


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
