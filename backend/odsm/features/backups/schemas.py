from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from odsm.core.bounded import LocalPath


class BackupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    folder: LocalPath = Field(description="An existing folder: a USB drive, a synced folder.")
    keep: int = Field(14, ge=1, le=365, strict=True, description="How many of this app's backups to keep there.")
    anchor_id: int | None = Field(None, ge=1, le=2**63 - 1, strict=True)
    anchor_hash: str | None = Field(None, pattern="^[0-9a-f]{64}$")


class RestoreRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: LocalPath = Field(description="A backup file this app wrote (odsm-backup-….sqlite3).")


class BackupChain(BaseModel):
    """The audit chain as verified inside the copy: what a restore will check again."""

    ok: bool
    # The first entry whose hash does not follow from the one before (null: the chain holds).
    first_broken_id: int | None = None
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


BackupState = Literal["idle", "copying", "checking", "done", "failed"]


class BackupProgressRead(BaseModel):
    """Where the running (or last) backup stands: pages (SQLite) or rows (a server) copied, then checks made."""

    state: BackupState
    done: int
    total: int
