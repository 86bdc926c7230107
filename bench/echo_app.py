"""A raw ASGI echo served by uvicorn on a Unix socket: the floor the bridge is compared against."""

from __future__ import annotations

import argparse
import json
import sys

import uvicorn

BODY = json.dumps({"ok": True, "echo": "x" * 64}).encode()


async def app(scope, receive, send):  # type: ignore[no-untyped-def]
    if scope["type"] != "http":
        return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": BODY})


class _Announcing(uvicorn.Server):
    async def startup(self, sockets=None):  # type: ignore[no-untyped-def]
        await super().startup(sockets)
        sys.stdout.write(json.dumps({"event": "echo.ready", "uds": self.config.uds}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--uds", required=True)
    args = parser.parse_args()
    config = uvicorn.Config(app, uds=args.uds, log_level="warning", access_log=False, lifespan="off")
    _Announcing(config).run()
