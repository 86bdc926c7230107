from __future__ import annotations

from datetime import datetime
from typing import Any

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

    @field_validator("before", "after", mode="before")
    @classmethod
    def _json(cls, v: Any) -> Any:
        import json

        return json.loads(v) if isinstance(v, str) else v


class AuditPage(BaseModel):
    items: list[AuditEntryRead]
    total: int


class ChainReport(BaseModel):
    ok: bool
    checked: int
    first_broken_id: int | None
    head_hash: str | None = None
    expected_hash: str | None = None
    stored_hash: str | None = None
