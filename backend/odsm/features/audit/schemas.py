from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor: str
    entity: str
    entity_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None
    student_id: int | None
    hash: str
    # With sign-in on, `actor` holds both; these split it: the workstation's OS account, and the staff
    # account signed in there with its name (None while sign-in was off).
    os_account: str = ""
    staff_account_id: int | None = None
    staff_name: str | None = None

    @field_validator("before", "after", mode="before")
    @classmethod
    def _json(cls, v: Any) -> Any:
        import json

        return json.loads(v) if isinstance(v, str) else v


class AuditChainEntry(BaseModel):
    """An entry exactly as stored and hashed, so that a copy outside the app can be re-verified:
    `hash` = sha256(`prev_hash` + the canonical JSON of the other fields but `hash`), with `at` as stored
    in ISO 8601 and `before`/`after` as their stored JSON text."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    at: str
    actor: str
    entity: str
    entity_id: str
    action: str
    before: str | None
    after: str | None
    reason: str | None
    student_id: int | None
    prev_hash: str
    hash: str

    @field_validator("at", mode="before")
    @classmethod
    def _iso(cls, v: Any) -> Any:
        return v.isoformat() if isinstance(v, datetime) else v


class AuditChainPage(BaseModel):
    """A page of the chain in order; `next_after_id` asks for the next page (None: this was the last)."""

    items: list[AuditChainEntry]
    next_after_id: int | None


class AuditPage(BaseModel):
    items: list[AuditEntryRead]
    total: int


class RecordDrift(BaseModel):
    """A record that differs from its last audited state: changed, written without an entry, or removed."""

    entity: str
    entity_id: str
    change: Literal["changed", "unaudited", "missing"]
    fields: list[str]


class AnchorBreak(BaseModel):
    """The chain no longer reaches the head kept outside the database (by main, in the user data dir).

    `audit.chain_cut_short`: the anchored entry is gone, or there are fewer entries than its id.
    `audit.chain_rehashed`: the anchored entry exists with another hash, so the chain was rebuilt after it.
    """

    code: Literal["audit.chain_cut_short", "audit.chain_rehashed"]
    anchor_id: int
    anchor_hash: str
    entries: int
    found_hash: str | None


class ChainReport(BaseModel):
    ok: bool
    checked: int
    first_broken_id: int | None
    head_id: int | None = None
    head_hash: str | None = None
    expected_hash: str | None = None
    stored_hash: str | None = None
    anchor_break: AnchorBreak | None = None
    # The first few records that differ from their last audited state (all of them are counted).
    drifted_records: list[RecordDrift] = []
    drifted_total: int = 0


class GuardRestored(BaseModel):
    """An append-only trigger found dropped, and put back, at start-up."""

    trigger: str
    table: str
    restored_at: datetime


class AuditIntegrity(BaseModel):
    # Newest first; Home warns while there is any.
    guards_restored: list[GuardRestored]


class AuditHead(BaseModel):
    """The log's last entry (both None for an empty log): what main anchors outside the database."""

    entry_id: int | None
    entry_hash: str | None
    anchor_break: AnchorBreak | None = None
