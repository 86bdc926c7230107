"""The change stream: server-sent events naming the kinds of record each committed write changed.

Main reads it (never the renderer: it is no IPC channel, and left out of the contracts) and pushes
`app:data-changed` to its windows. The first event, `ready`, says the subscription stands: anything
committed after it will be told. A comment line now and then keeps a quiet stream visibly alive.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from odsm.core.change_feed import ChangeFeed

router = APIRouter(tags=["changes"])

KEEPALIVE_SECONDS = 15.0


def _event(name: str, data: object) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()


async def _events(feed: ChangeFeed) -> AsyncIterator[bytes]:
    async with feed.subscribe() as subscription:
        yield _event("ready", {})
        while True:
            kinds = await subscription.next_batch(KEEPALIVE_SECONDS)
            if kinds is None:
                return  # the server is stopping
            yield _event("changed", {"kinds": sorted(kinds)}) if kinds else b": keep-alive\n\n"


@router.get("/changes", include_in_schema=False)
async def changes(request: Request) -> StreamingResponse:
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(_events(request.app.state.change_feed), media_type="text/event-stream", headers=headers)
