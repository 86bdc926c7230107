from __future__ import annotations

from datetime import datetime
from pathlib import PurePath, PureWindowsPath
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from odsm.core.bounded import NulFree

# Long enough for any folder path Windows, macOS or Linux allows.
FolderPath = Annotated[str, StringConstraints(min_length=1, max_length=4096), NulFree]


class BackupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    folder: FolderPath = Field(description="An existing folder: a USB drive, a synced folder.")
    keep: int = Field(14, ge=1, le=365, strict=True, description="How many of this app's backups to keep there.")
    anchor_id: int | None = Field(None, ge=1, le=2**63 - 1, strict=True)
    anchor_hash: str | None = Field(None, pattern="^[0-9a-f]{64}$")

    @field_validator("folder")
    @classmethod
    def _absolute(cls, folder: str) -> str:
        # A relative path would land beside the backend's working directory, which no user ever sees.
        if not PurePath(folder).is_absolute() and not PureWindowsPath(folder).is_absolute():
            raise ValueError("The backup folder must be a full path, such as E:\\Backups or /Volumes/USB.")
        return folder


class BackupChain(BaseModel):
    """The audit chain as verified inside the copy: what a restore will check again."""

    ok: bool
    entries: int
    head_id: int | None
    head_hash: str | None
    reaches_anchor: bool | None


class BackupResult(BaseModel):
    file: str
    bytes: int
    created_at: datetime
    schema_revision: str | None
    integrity: str
    chain: BackupChain
    removed: list[str]
