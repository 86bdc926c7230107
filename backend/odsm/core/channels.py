"""How a route names its IPC channel: `db:<resource>:<verb>`, read by `make contracts` from the OpenAPI."""

from __future__ import annotations

from collections.abc import Callable


def channels_for(resource: str) -> Callable[..., dict[str, object]]:
    """`channel = channels_for("students")`, then `openapi_extra=channel("list")` names `db:students:list`.

    `channel("check", dry_run=True)` marks a POST that only reads (it takes a body, but writes nothing):
    main may retry it as it retries a GET, and sends it no Idempotency-Key, so the backend neither holds a
    write open for it nor stores its answer."""

    def channel(verb: str, *, dry_run: bool = False) -> dict[str, object]:
        extra: dict[str, object] = {"x-channel": f"db:{resource}:{verb}"}
        if dry_run:
            extra["x-dry-run"] = True
        return extra

    return channel
