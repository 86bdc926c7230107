"""Pure ASGI: replays a stored answer for a repeated Idempotency-Key; stores the answer for a new one.

A keyed request's write is held open (`held_write`) until the route has answered, and the answer is
stored in that same transaction: a crash leaves either both or neither, never a key with no answer.
"""

from __future__ import annotations

import json

import anyio
import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import idempotency_repository as keys
from .asgi import response_messages, send_bytes, send_json
from .crash_points import AFTER_ANSWER_BEFORE_SEND, AFTER_WRITE_BEFORE_ANSWER, crash_here
from .db_failures import is_lost_before_commit
from .errors import (
    AppError,
    DatabaseUnavailable,
    IdempotencyInProgress,
    IdempotencyKeyReused,
    ValidationFailed,
    error_body,
)
from .held_write import HeldWrite, held_write
from .idempotency import IdempotencyClaim, StoredAnswer, fingerprint_of, pending_claim, store_answer, stored_answer
from .idempotency_record import MAX_KEY_LENGTH
from .quick_reads import reads_may_run_on_event_loop
from .unit_of_work import Database

log = structlog.get_logger("odsm.idempotency")

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_REPLAYED = ((b"idempotent-replayed", b"true"),)
# How often a keyed request whose transaction the server ended before it committed runs again here.
RUNS_AFTER_LOST_CONNECTION = 1


class _LostBeforeCommit(Exception):
    """The request's transaction died with its connection, uncommitted: the request may simply run again."""


def _connection_lost(payload: bytes) -> bool:
    """A 503 for a connection the server ended (not for the breaker being open: that would only fail again)."""
    try:
        body = json.loads(payload)
    except ValueError:
        return False
    details = body.get("details") or {}
    return body.get("code") == DatabaseUnavailable.code and details.get("breaker") != "open"


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, db: Database, unkeyed_paths: tuple[str, ...] = ()) -> None:
        self.app = app
        self.db = db
        # Paths whose writes carry a secret: their key is ignored, so nothing of them is stored.
        self.unkeyed_paths = unkeyed_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        is_write = scope["type"] == "http" and scope["method"] in WRITE_METHODS
        keyed = is_write and not str(scope.get("path", "")).startswith(self.unkeyed_paths)
        raw_key = dict(scope["headers"]).get(b"idempotency-key") if keyed else None
        if raw_key is None:
            await self.app(scope, receive, send)
            return
        key = raw_key.decode("latin-1").strip()
        request_id = str(scope.get("state", {}).get("request_id", ""))
        if not key or len(key) > MAX_KEY_LENGTH:
            invalid = ValidationFailed.for_field(
                "Idempotency-Key", "length", f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters."
            )
            await _refuse(send, invalid, request_id)
            return

        body = await _read_body(receive)
        claim = IdempotencyClaim(
            key, fingerprint_of(scope["method"], scope["path"], scope.get("query_string", b""), body)
        )
        found = await self._stored_answer(key)
        if found is not None:
            if found.fingerprint != claim.fingerprint:
                await _refuse(send, IdempotencyKeyReused(), request_id)
            elif not found.complete:
                await _refuse(send, IdempotencyInProgress(), request_id)
            else:
                await _replay(send, key, found)
            return

        for attempt in range(1, RUNS_AFTER_LOST_CONNECTION + 2):
            held = HeldWrite()
            try:
                messages = await self._serve_claiming(scope, body, claim, held)
            except BaseException:
                await held.rollback_in_thread()
                raise
            if claim.conflict:
                # Another request with this key wrote first: answer with its stored answer when there is
                # one, and never store ours over it.
                await held.rollback_in_thread()
                again = await self._stored_answer(key)
                if again is not None and again.fingerprint == claim.fingerprint and again.complete:
                    await _replay(send, key, again, after="concurrent_claim")
                    return
                break
            try:
                last_run = attempt > RUNS_AFTER_LOST_CONNECTION
                messages = await self._settle(claim, held, messages, request_id, last_run)
                break
            except _LostBeforeCommit:
                # Nothing of this request committed: it runs again here, once, rather than answer 503
                # to every save that was under way when the server ended the connections.
                log.warning("idempotency.rerun_after_lost_connection", attempt=attempt)
                claim = IdempotencyClaim(claim.key, claim.fingerprint)
        crash_here(AFTER_ANSWER_BEFORE_SEND)
        for message in messages:
            await send(message)

    async def _stored_answer(self, key: str) -> StoredAnswer | None:
        # A read by primary key: on SQLite it costs less than the hop to a worker thread (see quick_reads).
        if reads_may_run_on_event_loop(self.db.settings):
            return stored_answer(self.db, key)
        return await anyio.to_thread.run_sync(stored_answer, self.db, key)

    async def _serve_claiming(
        self, scope: Scope, body: bytes, claim: IdempotencyClaim, held: HeldWrite
    ) -> list[Message]:
        messages: list[Message] = []

        async def capture(message: Message) -> None:
            messages.append(message)

        token, held_token = pending_claim.set(claim), held_write.set(held)
        try:
            await self.app(scope, _replay_body(body), capture)
        finally:
            held_write.reset(held_token)
            pending_claim.reset(token)
        return messages

    async def _settle(
        self, claim: IdempotencyClaim, held: HeldWrite, messages: list[Message], request_id: str, last_run: bool
    ) -> list[Message]:
        """Commits the held write with its answer, or stores a refusal; returns what the client gets."""
        start = next(m for m in messages if m["type"] == "http.response.start")
        status = int(start["status"])
        payload = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        crash_here(AFTER_WRITE_BEFORE_ANSWER)
        if status >= 500:
            # A crash or an unusable database decided nothing: undo any write, and the key may try again.
            await held.rollback_in_thread()
            if status == DatabaseUnavailable.status_code and _connection_lost(payload) and not last_run:
                raise _LostBeforeCommit()
            return messages
        if not held.holding:
            # A refusal before any write: it is the answer for this key from now on. Stored before the
            # client sees it, so an immediate retry finds it.
            await anyio.to_thread.run_sync(store_answer, self.db, claim, status, payload)
            return messages
        try:
            await held.commit_in_thread(
                lambda s: keys.store_answer(s.connection(), claim.key, claim.fingerprint, status, payload)
            )
        except Exception as exc:
            if is_lost_before_commit(exc) and not last_run:
                raise _LostBeforeCommit() from exc
            # Neither the write nor its answer landed (a full disk, a lost server): say so, not the success.
            log.error("idempotency.commit_failed", error_type=type(exc).__name__)
            failed = DatabaseUnavailable()
            body = json.dumps(error_body(failed, request_id)).encode()
            return response_messages(failed.status_code, body)
        return messages


async def _refuse(send: Send, error: AppError, request_id: str) -> None:
    await send_json(send, error.status_code, error_body(error, request_id))


async def _replay(send: Send, key: str, answer: StoredAnswer, **why: str) -> None:
    assert answer.status_code is not None and answer.body is not None  # callers check `complete`
    log.info("idempotency.replayed", key=key, status=answer.status_code, **why)
    await send_bytes(send, answer.status_code, answer.body, _REPLAYED)


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
