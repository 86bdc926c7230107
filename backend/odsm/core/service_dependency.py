"""The one way a router gets its feature's service: built per request on the app's database."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Protocol, TypeVar

from fastapi import Request

from odsm.core.unit_of_work import Database


class _ServiceClass(Protocol):
    def __init__(self, db: Database) -> None: ...


S = TypeVar("S", bound=_ServiceClass)


def service_from_app(service: type[S]) -> Callable[[Request], Coroutine[Any, Any, S]]:
    # async: FastAPI runs it on the event loop; a plain def would cost every request a worker-thread hop.
    async def provide(request: Request) -> S:
        return service(request.app.state.db)

    return provide
