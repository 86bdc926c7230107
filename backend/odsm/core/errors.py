"""One error hierarchy with stable dotted codes, and one handler that renders it."""

from __future__ import annotations

from typing import Any, ClassVar

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = structlog.get_logger("odsm.errors")


class AppError(Exception):
    status_code: ClassVar[int] = 400
    code: ClassVar[str] = "app_error"
    default_message: ClassVar[str] = "The request could not be completed."

    def __init__(self, message: str | None = None, details: dict[str, Any] | None = None) -> None:
        self.message = message or self.default_message
        self.details = details
        super().__init__(self.message)


class ValidationFailed(AppError):
    status_code = 422
    code = "validation_failed"
    default_message = "Some fields are not valid."

    @classmethod
    def for_field(cls, field: str, rule: str, message: str, **extra: Any) -> ValidationFailed:
        return cls(message, {"fields": [{"field": field, "rule": rule, "message": message, **extra}]})


class MalformedJson(AppError):
    status_code = 400
    code = "request.malformed_json"
    default_message = "The request body is not well-formed JSON."


class InvalidUtf8(AppError):
    status_code = 400
    code = "request.invalid_utf8"
    default_message = "The request body is not valid UTF-8 text."


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    default_message = "The record was not found."


class MethodNotAllowed(AppError):
    status_code = 405
    code = "method_not_allowed"
    default_message = "This route does not take that method."


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"
    default_message = "A valid bearer token is required."


class IdempotencyKeyReused(AppError):
    status_code = 422
    code = "idempotency_key_reused"
    default_message = "This Idempotency-Key was already used for a different request."


class IdempotencyInProgress(AppError):
    status_code = 409
    code = "idempotency_in_progress"
    default_message = "A request with this Idempotency-Key is still being processed."


class DatabaseUnavailable(AppError):
    status_code = 503
    code = "database_unavailable"
    default_message = "The database is not available right now."


class DatabaseBusy(AppError):
    status_code = 503
    code = "database_busy"
    default_message = "The database stayed locked by another writer; try again."


class InternalError(AppError):
    status_code = 500
    code = "internal"
    default_message = "Something went wrong inside the backend. The log has the details."


def request_id_of(request: Request) -> str:
    return str(getattr(request.state, "request_id", "") or "")


def error_body(error: AppError, request_id: str) -> dict[str, Any]:
    body: dict[str, Any] = {"code": error.code, "message": error.message, "request_id": request_id}
    if error.details is not None:
        body["details"] = error.details
    return body


def render_error(error: AppError, request_id: str) -> JSONResponse:
    return JSONResponse(error_body(error, request_id), status_code=error.status_code)


def _pydantic_fields(exc: RequestValidationError) -> list[dict[str, Any]]:
    fields = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        # Drop the transport prefix ("body", "query", "path") so the UI sees the field's own path.
        if loc and loc[0] in {"body", "query", "path", "header"}:
            loc = loc[1:]
        ctx = err.get("ctx") or {}
        entry: dict[str, Any] = {
            "field": ".".join(loc),
            "rule": err.get("type", "invalid"),
            "message": str(ctx.get("reason") or err.get("msg", "Invalid value")),
        }
        if "format" in ctx:
            entry["format"] = ctx["format"]
        fields.append(entry)
    return fields


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        log.info("request.refused", code=exc.code, status=exc.status_code)
        return render_error(exc, request_id_of(request))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        malformed = next((e for e in exc.errors() if e.get("type") == "json_invalid"), None)
        if malformed is not None:
            # A body that does not parse has no fields to name: FastAPI reports the character offset.
            where = malformed.get("loc", ())[-1:]
            log.info("request.malformed", code=MalformedJson.code)
            error = MalformedJson(details={"position": where[0] if where else None})
            return render_error(error, request_id_of(request))
        fields = _pydantic_fields(exc)
        log.info("request.invalid", fields=[f["field"] for f in fields])
        return render_error(ValidationFailed(details={"fields": fields}), request_id_of(request))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        err: AppError
        if exc.status_code == 404:
            err = NotFound("No such route.")
        elif exc.status_code == 405:
            err = MethodNotAllowed()
        elif isinstance(exc.__cause__, UnicodeDecodeError):
            # FastAPI turns a body it cannot decode into a bare 400 "error parsing the body".
            err = InvalidUtf8(details={"position": exc.__cause__.start})
        else:
            err = AppError(str(exc.detail))
        return JSONResponse(error_body(err, request_id_of(request)), status_code=exc.status_code)
