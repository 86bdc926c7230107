from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from odsm.core.bounded import Id, LocalPath, SchoolDate
from odsm.core.errors import ValidationFailed

# "staff:3" (a staff account, at any workstation) or "os:jdoe" (a workstation's OS account, sign-in off).
PERSON_PATTERN = r"^(staff:[1-9][0-9]{0,14}|os:[^;]{1,100})$"


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
    # The record the entry is about, by name ("Student Maya Chen"); "#id" when nothing names it any more.
    entity_label: str = ""

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


@dataclass(frozen=True)
class AuditFilters:
    """What the audit screen and its CSV show: days in the school's zone (both included), who, which kind of
    record, and words found in the record's name, the reason or the values recorded."""

    student_id: int | None = None
    entity: str | None = None
    person: str | None = None
    from_day: date | None = None
    to_day: date | None = None
    q: str | None = None

    def checked(self) -> AuditFilters:
        if self.from_day is not None and self.to_day is not None and self.to_day < self.from_day:
            raise ValidationFailed.for_field(
                "to", "not_before_from", "The last day cannot be before the first day.", first_day=str(self.from_day)
            )
        return self

    def used(self) -> list[str]:
        """The names of the filters in use, as the query spells them."""
        given = {
            "student_id": self.student_id,
            "entity": self.entity,
            "person": self.person,
            "from": self.from_day,
            "to": self.to_day,
            "q": self.q,
        }
        return [k for k, v in given.items() if v is not None]


class AuditPerson(BaseModel):
    """Someone the log names: `key` is what the `person` filter takes."""

    key: str
    label: str


class AuditKind(BaseModel):
    entity: str
    label: str


class AuditFilterOptions(BaseModel):
    """The people and kinds of record that appear in the log, for the audit screen's pickers."""

    people: list[AuditPerson]
    kinds: list[AuditKind]


class AuditCsvRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    file: LocalPath = Field(description="Where the CSV goes: a path main's save dialog returned.")
    student_id: Id | None = None
    entity: str | None = Field(default=None, min_length=1, max_length=60)
    person: str | None = Field(default=None, pattern=PERSON_PATTERN)
    from_day: SchoolDate | None = Field(default=None, alias="from")
    to_day: SchoolDate | None = Field(default=None, alias="to")
    q: str | None = Field(default=None, min_length=1, max_length=200)

    def filters(self) -> AuditFilters:
        q = self.q.strip() if self.q else None
        return AuditFilters(self.student_id, self.entity, self.person, self.from_day, self.to_day, q or None)


class AuditCsvResult(BaseModel):
    file: str
    bytes: int
    rows: int
