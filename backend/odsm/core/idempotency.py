"""Idempotency-Key for writes: the same key replays the stored answer instead of writing twice.

The key is claimed inside the write's own transaction (see Database._once), so either the write and
the claim both commit or neither does. The answer is stored once the response is known.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import anyio
import structlog
from sqlalchemy import Integer, LargeBinary, String, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .asgi import send_bytes, send_json
from .db import Base, Database, UTCDateTime, pending_idempotency, utcnow
from .errors import IdempotencyInProgress, IdempotencyKeyReused, ValidationFailed, error_body

log = structlog.get_logger("odsm.idempotency")

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
MAX_KEY_LENGTH = 200


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    key: Mapped[str] = mapped_column(String(MAX_KEY_LENGTH), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


def fingerprint_of(method: str, path: str, query: bytes, body: bytes) -> str:
    h = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def claim_key(session: Session, pending: dict[str, Any]) -> None:
    """Claims the key inside the write's transaction. A concurrent request with the same key (a retry
    sent while the first attempt still runs) finds the claim once the first commits, and stops here."""
    if session.get(IdempotencyRecord, pending["key"]) is not None:
        pending["conflict"] = True
        raise IdempotencyInProgress()
    try:
        with session.begin_nested():
            session.add(IdempotencyRecord(key=pending["key"], fingerprint=pending["fingerprint"]))
            session.flush()
    except IntegrityError as exc:  # PostgreSQL: the other claim committed between our read and insert
        pending["conflict"] = True
        raise IdempotencyInProgress() from exc


def _lookup(db: Database, key: str) -> tuple[str, int | None, bytes | None] | None:
    def fn(s: Session) -> tuple[str, int | None, bytes | None] | None:
        rec = s.get(IdempotencyRecord, key)
        return None if rec is None else (rec.fingerprint, rec.status_code, rec.response_body)

    return db.read(fn)


def _store(db: Database, key: str, fingerprint: str, status: int, body: bytes) -> None:
    def fn(s: Session) -> None:
        rec = s.get(IdempotencyRecord, key)
        if rec is None:
            s.add(IdempotencyRecord(key=key, fingerprint=fingerprint, status_code=status, response_body=body))
        else:
            rec.status_code, rec.response_body = status, body

    # Written without the request's pending claim: this is bookkeeping, not the write itself.
    token = pending_idempotency.set(None)
    try:
        db.write(fn)
    finally:
        pending_idempotency.reset(token)


def purge_expired(db: Database, ttl: timedelta) -> int:
    def fn(s: Session) -> int:
        result = s.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < utcnow() - ttl))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    return db.write(fn)


class IdempotencyMiddleware:
    """Pure ASGI: replays a stored answer for a repeated key; stores the answer for a new one."""

    def __init__(self, app: ASGIApp, db: Database) -> None:
        self.app = app
        self.db = db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        raw_key = headers.get(b"idempotency-key")
        if raw_key is None:
            await self.app(scope, receive, send)
            return
        key = raw_key.decode("latin-1").strip()
        request_id = str(scope.get("state", {}).get("request_id", ""))
        if not key or len(key) > MAX_KEY_LENGTH:
            invalid = ValidationFailed.for_field(
                "Idempotency-Key", "length", f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters."
            )
            await send_json(send, invalid.status_code, error_body(invalid, request_id))
            return

        body = await _read_body(receive)
        fp = fingerprint_of(scope["method"], scope["path"], scope.get("query_string", b""), body)
        found = await anyio.to_thread.run_sync(_lookup, self.db, key)
        if found is not None:
            stored_fp, status, stored_body = found
            if stored_fp != fp:
                err = IdempotencyKeyReused()
                await send_json(send, err.status_code, error_body(err, request_id))
            elif status is None or stored_body is None:
                err2 = IdempotencyInProgress()
                await send_json(send, err2.status_code, error_body(err2, request_id))
            else:
                log.info("idempotency.replayed", key=key, status=status)
                await send_bytes(send, status, stored_body, ((b"idempotent-replayed", b"true"),))
            return

        pending: dict[str, Any] = {"key": key, "fingerprint": fp}
        token = pending_idempotency.set(pending)
        messages: list[Message] = []

        async def capture(message: Message) -> None:
            messages.append(message)

        try:
            await self.app(scope, _replay_body(body), capture)
        finally:
            pending_idempotency.reset(token)
        if pending.get("conflict"):
            # Another request with this key wrote first: answer with its stored answer when there is one,
            # and never store ours over it.
            again = await anyio.to_thread.run_sync(_lookup, self.db, key)
            if again is not None and again[0] == fp and again[1] is not None and again[2] is not None:
                log.info("idempotency.replayed", key=key, status=again[1], after="concurrent_claim")
                await send_bytes(send, again[1], again[2], ((b"idempotent-replayed", b"true"),))
                return
            for message in messages:
                await send(message)
            return
        start = next(m for m in messages if m["type"] == "http.response.start")
        status = int(start["status"])
        # A refusal (4xx) or a success is the answer for this key from now on; so is a 5xx once the write
        # committed its claim (the write landed, so a retry must not run it again). A 5xx before any
        # commit (busy, unavailable) decided nothing: the same key may try again.
        # The answer is stored before the client sees it, so an immediate retry finds it.
        if status < 500 or pending.get("claimed"):
            payload = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
            await anyio.to_thread.run_sync(_store, self.db, key, fp, status, payload)
        for message in messages:
            await send(message)


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay_body(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive
