"""The routes every record feature repeats, declared once.

Most of a feature's routes are one service call on one record: create at `/<resource>`, get and update at
`/<resource>/{<record id>}`, and actions such as `POST /<resource>/{<record id>}/archive`. Each states the same
things: its channel, the refusals it can answer, a `@quick_read` for a read by primary key, and a body that
hands the path id and the payload to one service method. `RecordRoutes` writes that once:

    records = RecordRoutes("vehicles", Svc, record_id="vehicle_id")
    records.update("update_vehicle", VehicleService.update, VehicleUpdate, VehicleRead)

The name is the route function's name, so it stays the OpenAPI operationId. A route that reads a query or
does something else keeps its own `def` on `records.router`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import APIRouter

from .bounded import PathId
from .channels import channels_for
from .error_responses import refusals
from .quick_reads import quick_read

ServiceCall = Callable[..., object]

_WRITE_REFUSALS = (404, 409, 422)


class RecordRoutes:
    """One feature's record routes on `router` (prefix `/<resource>`), each calling one service method."""

    def __init__(self, resource: str, svc: Any, *, record_id: str) -> None:
        """`svc` is the feature's `Annotated[Service, Depends(...)]`; `record_id` names the path parameter."""
        self.router = APIRouter(prefix=f"/{resource}", tags=[resource])
        self.channel = channels_for(resource)
        self._svc = svc
        self._record_id = record_id
        self._one = "/{" + record_id + "}"  # the path of one record

    def list_retirable(self, name: str, call: ServiceCall, page: type[Any]) -> None:
        """`GET /<resource>?include_inactive=`, a quick read of records that are retired rather than deleted:
        `call(svc, include_inactive)`."""
        include_inactive = inspect.Parameter(
            "include_inactive", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=False, annotation=bool
        )
        self._add(
            "", "GET", name, call, None, page, verb="list", refuses=(422,), with_id=False, query=[include_inactive]
        )

    def create(
        self,
        name: str,
        call: ServiceCall,
        body: type[Any],
        answer: type[Any],
        *,
        verb: str = "create",
        refuses: Sequence[int] = (409, 422),
    ) -> None:
        """`POST /<resource>` answers 201 with `call(svc, data)`."""
        self._add("", "POST", name, call, body, answer, verb=verb, status_code=201, refuses=refuses, with_id=False)

    def get(self, name: str, call: ServiceCall, answer: type[Any]) -> None:
        """`GET /<resource>/{id}`, a quick read: `call(svc, id)`."""
        self._add(self._one, "GET", name, call, None, answer, verb="get", refuses=(404, 422))

    def update(self, name: str, call: ServiceCall, body: type[Any], answer: type[Any]) -> None:
        """`PATCH /<resource>/{id}`: `call(svc, id, data)`."""
        self._add(self._one, "PATCH", name, call, body, answer, verb="update")

    def action(
        self,
        path: str,
        verb: str,
        name: str,
        call: ServiceCall,
        body: type[Any],
        answer: type[Any],
        *,
        status_code: int = 200,
    ) -> None:
        """`POST /<resource>/{id}<path>` on channel `verb`: `call(svc, id, data)`."""
        self._add(self._one + path, "POST", name, call, body, answer, verb=verb, status_code=status_code)

    def _add(
        self,
        path: str,
        method: str,
        name: str,
        call: ServiceCall,
        body: type[Any] | None,
        answer: type[Any],
        *,
        verb: str,
        status_code: int = 200,
        refuses: Sequence[int] = _WRITE_REFUSALS,
        with_id: bool = True,
        query: Sequence[inspect.Parameter] = (),
    ) -> None:
        endpoint = self._endpoint(name, call, body, answer, with_id=with_id, query=query)
        self.router.add_api_route(
            path,
            quick_read(endpoint) if method == "GET" else endpoint,
            methods=[method],
            name=name,
            response_model=answer,
            status_code=status_code,
            responses=refusals(*refuses),
            openapi_extra=self.channel(verb),
        )

    def _endpoint(
        self,
        name: str,
        call: ServiceCall,
        body: type[Any] | None,
        answer: type[Any],
        *,
        with_id: bool,
        query: Sequence[inspect.Parameter],
    ) -> Callable[..., object]:
        """A plain `def` route whose signature FastAPI reads as `(<record id>: PathId, data: body, svc: Svc,
        *query)`; the service method gets them in that order, `svc` first."""
        arguments = ([self._record_id] if with_id else []) + (["data"] if body is not None else [])
        arguments += [parameter.name for parameter in query]

        def endpoint(svc: Any, **values: Any) -> object:
            return call(svc, *(values[argument] for argument in arguments))

        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        parameters = [inspect.Parameter(self._record_id, kind, annotation=PathId)] if with_id else []
        if body is not None:
            parameters.append(inspect.Parameter("data", kind, annotation=body))
        parameters += [inspect.Parameter("svc", kind, annotation=self._svc), *query]
        endpoint.__signature__ = inspect.Signature(parameters, return_annotation=answer)  # type: ignore[attr-defined]
        endpoint.__name__ = endpoint.__qualname__ = name
        return endpoint
