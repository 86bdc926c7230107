"""How a route names its IPC channel: `db:<resource>:<verb>`, read by `make contracts` from the OpenAPI."""

from __future__ import annotations

from collections.abc import Callable


def channels_for(resource: str) -> Callable[[str], dict[str, object]]:
    """`channel = channels_for("students")`, then `openapi_extra=channel("list")` names `db:students:list`."""

    def channel(verb: str) -> dict[str, object]:
        return {"x-channel": f"db:{resource}:{verb}"}

    return channel
