"""The refusals a route declares in the OpenAPI, each with the body the error handler really sends."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

_WHY = {
    401: "Sign-in is on and this desk must sign in first, or the login, password or code is wrong.",
    403: "The signed-in account's role may not do this (`permission_denied`, naming the permission).",
    404: "No record has that id.",
    409: "The request clashes with the record's current state, or its Idempotency-Key is still in progress.",
    422: "A field is not valid (`validation_failed`, with the fields in details), or a rule refused it.",
    423: "The account is locked for a while after too many wrong passwords.",
    429: "Too many wrong passwords in a row: wait the seconds given, then try again.",
}


class ErrorBody(BaseModel):
    """What odsm.core.errors.error_body writes for every refusal."""

    code: str = Field(description="stable dotted code, e.g. validation_failed or student.version_conflict")
    message: str
    details: dict[str, Any] | None = Field(default=None, description="e.g. fields: [{field, rule, message}]")
    request_id: str


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=refusals(404, 422)`: the error answers this route can give, with their envelope.

    Declaring 422 also replaces FastAPI's default HTTPValidationError, a body this backend never sends.
    """
    return {status: {"model": ErrorBody, "description": _WHY[status]} for status in statuses}
