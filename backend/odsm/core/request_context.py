"""Pure ASGI middleware: bearer check, request id, and one request.done line per request."""

from __future__ import annotations

import hmac
import logging
import re
import time
import traceback
import uuid

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .asgi import send_json
from .audit import current_actor
from .errors import InternalError, Unauthorized, error_body
from .timings import RequestTimings

log = structlog.get_logger("odsm.http")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


_ACTOR = re.compile(r"^[\w .@:-]{1,100}$")


def _actor_from(headers: dict[bytes, bytes]) -> str:
    """Who is at the workstation (main sends the OS account); the audit log records it."""
    given = headers.get(b"x-odsm-actor", b"").decode("utf-8", "replace")
    return given if _ACTOR.match(given) else current_actor.get()


def _request_id_from(headers: dict[bytes, bytes]) -> str:
    given = headers.get(b"x-request-id", b"").decode("latin-1")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def log_crash(exc: BaseException) -> None:
    """Below debug, the crash line names where it happened but not the exception's text: that text
    can quote the request's data (a pydantic error's input, a driver's message)."""
    if logging.getLogger("odsm.http").isEnabledFor(logging.DEBUG):
        log.exception("request.crashed", error_type=type(exc).__name__)
        return
    frames = [f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}" for f in traceback.extract_tb(exc.__traceback__)]
    log.error("request.crashed", error_type=type(exc).__name__, frames=frames[-8:])


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, secret: str | None, timings: RequestTimings | None = None) -> None:
        self.app = app
        self._expected = f"Bearer {secret}".encode() if secret else None
        self._timings = timings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request_id = _request_id_from(headers)
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        actor_token = current_actor.set(_actor_from(headers))
        started = time.perf_counter()
        status_holder = {"status": 0}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            given = headers.get(b"authorization", b"")
            if self._expected is None or not hmac.compare_digest(given, self._expected):
                err = Unauthorized()
                await send_json(send_with_id, err.status_code, error_body(err, request_id))
                return
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            # Logged here, where the request id is still bound; the answer carries no trace.
            log_crash(exc)
            if status_holder["status"] == 0:
                crash = InternalError()
                await send_json(send_with_id, crash.status_code, error_body(crash, request_id))
        finally:
            ms = (time.perf_counter() - started) * 1000
            if self._timings is not None:
                self._timings.record_answer(ms, status_holder["status"])
            log.info(
                "request.done",
                method=scope["method"],
                path=scope["path"],
                status=status_holder["status"],
                ms=round(ms, 2),
            )
            structlog.contextvars.clear_contextvars()
            current_actor.reset(actor_token)
