"""One entry of the audit log, and how an entry's hash chains it to the one before."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .orm import Base, UTCDateTime

GENESIS = "0" * 64
_HASHED = ("id", "at", "actor", "entity", "entity_id", "action", "before", "after", "reason", "student_id")


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(100), index=True)
    entity: Mapped[str] = mapped_column(String(60), index=True)
    entity_id: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    # The student an entry concerns, when there is one: the per-student history reads by it.
    student_id: Mapped[int | None] = mapped_column(Integer, index=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    # A deleted record's last entry (its name on the audit screen), found without reading every entry.
    __table_args__ = (Index("ix_audit_log_entity_record", "entity", "entity_id"),)


def canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(fields)).encode()).hexdigest()


def hashed_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (row[k].isoformat() if isinstance(row[k], datetime) else row[k]) for k in _HASHED}
