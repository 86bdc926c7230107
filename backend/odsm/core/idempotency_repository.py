"""The queries on the Idempotency-Key table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from .idempotency_record import IdempotencyRecord


def find(session: Session, key: str) -> IdempotencyRecord | None:
    return session.get(IdempotencyRecord, key)


def insert_claim(session: Session, key: str, fingerprint: str) -> None:
    """In a savepoint, so that a unique-key clash (another claim won) leaves the transaction usable."""
    with session.begin_nested():
        session.add(IdempotencyRecord(key=key, fingerprint=fingerprint))
        session.flush()


def store_answer(session: Session, key: str, fingerprint: str, status: int, body: bytes) -> None:
    record = find(session, key)
    if record is None:
        session.add(IdempotencyRecord(key=key, fingerprint=fingerprint, status_code=status, response_body=body))
    else:
        record.status_code, record.response_body = status, body


def delete_created_before(session: Session, cutoff: datetime) -> int:
    result = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
