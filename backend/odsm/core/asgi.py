"""Small helpers for answering straight from pure ASGI middleware."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import Message, Send


async def send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    await send_bytes(send, status, json.dumps(payload).encode())


async def send_bytes(send: Send, status: int, body: bytes, extra_headers: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    for message in response_messages(status, body, extra_headers):
        await send(message)


def response_messages(status: int, body: bytes, extra_headers: tuple[tuple[bytes, bytes], ...] = ()) -> list[Message]:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    return [
        {"type": "http.response.start", "status": status, "headers": [*headers, *extra_headers]},
        {"type": "http.response.body", "body": body},
    ]
