from __future__ import annotations

from datetime import datetime
from pathlib import PurePath, PureWindowsPath
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from odsm.core.bounded import NulFree

# Long enough for any path Windows, macOS or Linux allows.
LocalPath = Annotated[str, StringConstraints(min_length=1, max_length=4096), NulFree]


def _must_be_absolute(path: str, message: str) -> str:
    # A relative path would resolve beside the backend's working directory, which no user ever sees.
    if not PurePath(path).is_absolute() and not PureWindowsPath(path).is_absolute():
        raise ValueError(message)
    return path


class BackupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    folder: LocalPath = Field(description="An existing folder: a USB drive, a synced folder.")
    keep: int = Field(14, ge=1, le=365, strict=True, description="How many of this app's backups to keep there.")
    anchor_id: int | None = Field(None, ge=1, le=2**63 - 1, strict=True)
    anchor_hash: str | None = Field(None, pattern="^[0-9a-f]{64}$")

    @field_validator("folder")
    @classmethod
    def _absolute(cls, folder: str) -> str:
        return _must_be_absolute(folder, "The backup folder must be a full path, such as E:\\Backups or /Volumes/USB.")


class RestoreRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: LocalPath = Field(description="A backup file this app wrote (odsm-backup-….sqlite3).")

    @field_validator("file")
    @classmethod
    def _absolute(cls, file: str) -> str:
        return _must_be_absolute(file, "The backup file must be a full path, such as E:\\Backups\\odsm-backup.sqlite3.")


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


class RestoreResult(BaseModel):
    file: str
    # The school as it was just before, kept in the data folder's backups/.
    safety_copy: str
    restored_revision: str | None
    schema_revision: str | None
    # The chain after the restore, ending with the entry that records it: main anchors this head.
    chain: BackupChain
