"""Idempotency-Key for writes: the same key replays the stored answer instead of writing twice.

The key is claimed inside the write's own transaction (the `claim_idempotency_key` write hook, which
the composition root gives the Database), so either the write and the claim both commit or neither
does. The answer is stored in that same transaction once the route has answered (see `held_write`).
"""

from __future__ import annotations

import contextvars
import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import idempotency_repository as keys
from .errors import IdempotencyInProgress
from .held_write import AfterCommit
from .orm import utcnow
from .unit_of_work import Database


@dataclass
class IdempotencyClaim:
    """The Idempotency-Key of the request being served, and what became of it while the request ran."""

    key: str
    fingerprint: str
    claimed: bool = False  # committed together with a write: the write landed
    conflict: bool = False  # another request with this key claimed it first

    def mark_claimed(self) -> None:
        self.claimed = True


class StoredAnswer(NamedTuple):
    fingerprint: str
    status_code: int | None  # None while the first request with this key still runs
    body: bytes | None

    @property
    def complete(self) -> bool:
        return self.status_code is not None and self.body is not None


# Set by the middleware for the request it serves; the write hook claims it in the first write.
pending_claim: contextvars.ContextVar[IdempotencyClaim | None] = contextvars.ContextVar("pending_claim", default=None)


def claim_idempotency_key(session: Session) -> AfterCommit | None:
    """Write hook: claims the pending key inside the write's transaction. A concurrent request with the
    same key (a retry sent while the first attempt still runs) finds the claim once the first commits,
    and stops here. Only a committed claim counts: a rolled-back attempt claims again on retry."""
    claim = pending_claim.get()
    if claim is None or claim.claimed:
        return None
    try:
        won = keys.insert_claim(session.connection(), claim.key, claim.fingerprint)
    except IntegrityError as exc:  # an engine without INSERT ... ON CONFLICT: the other claim committed first
        won = False
        cause: Exception | None = exc
    else:
        cause = None
    if not won:
        claim.conflict = True
        raise IdempotencyInProgress() from cause
    return claim.mark_claimed


def fingerprint_of(method: str, path: str, query: bytes, body: bytes) -> str:
    h = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def stored_answer(db: Database, key: str) -> StoredAnswer | None:
    row = db.query(lambda conn: keys.find(conn, key))
    return None if row is None else StoredAnswer(row.fingerprint, row.status_code, row.response_body)


def store_answer(db: Database, claim: IdempotencyClaim, status: int, body: bytes) -> None:
    # A refusal given before any write: no write to commit it with, so it goes in a transaction of its own.
    db.write(lambda s: keys.store_answer(s.connection(), claim.key, claim.fingerprint, status, body))


def purge_expired(db: Database, ttl: timedelta) -> int:
    return db.write(lambda s: keys.delete_created_before(s.connection(), utcnow() - ttl))
