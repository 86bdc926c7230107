"""Where a quick read runs: on the event loop, or in the threadpool. The one place that decides it.

A quick read is a route that reads a primary key or one indexed page. FastAPI runs a plain `def` route
in its threadpool; a `@quick_read` route may instead run right on the event loop, where that is safe.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from .config import Settings

P = ParamSpec("P")
T = TypeVar("T")

_ON_LOOP = "_quick_read_on_loop"


def reads_may_run_on_event_loop(settings: Settings) -> bool:
    # SQLite only. In WAL mode a reader never waits for a writer, and a sub-millisecond indexed read
    # costs less than the hop to a worker thread. On PostgreSQL every read is a round trip to a server
    # that can be slow or wait on a lock, and the whole event loop would wait with it: reads go to the
    # threadpool there, like every write and every long read (calendar ranges, the worklist) does.
    return settings.is_sqlite


async def _may_run_on_loop(request: Request) -> bool:
    return reads_may_run_on_event_loop(request.app.state.settings)


def quick_read(route: Callable[P, T]) -> Callable[P, T]:
    """Marks a plain `def` route as a quick read: on the event loop where `reads_may_run_on_event_loop`
    allows it, in the threadpool elsewhere. FastAPI sees the route's own parameters, and one dependency."""

    @functools.wraps(route)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        if kwargs.pop(_ON_LOOP):
            return route(*args, **kwargs)
        return await run_in_threadpool(route, *args, **kwargs)

    # A dependency rather than a bare Request parameter: FastAPI hands the request to one parameter
    # only, and the route may want it too.
    signature = inspect.signature(route)
    extra = inspect.Parameter(_ON_LOOP, inspect.Parameter.KEYWORD_ONLY, default=Depends(_may_run_on_loop))
    run.__signature__ = signature.replace(parameters=[*signature.parameters.values(), extra])  # type: ignore[attr-defined]
    return run  # type: ignore[return-value]
