"""Reads a backend's change stream over its Unix socket in a thread, as main does: one event per item."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

import httpx

from ..faults.spawn import Backend

# A bound on waiting for an event that must come, so a broken stream fails the test instead of hanging it.
EVENT_WAIT_SECONDS = 15


class StreamReader:
    def __init__(self, backend: Backend) -> None:
        self._client = backend.client(timeout=None)  # type: ignore[arg-type]  # a stream waits as long as it must
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        name, _ = self.next()
        assert name == "ready", name

    def _read(self) -> None:
        name = "message"
        try:
            with self._client.stream("GET", "/api/v1/changes") as response:
                assert response.status_code == 200, response.status_code
                assert response.headers["content-type"].startswith("text/event-stream")
                for line in response.iter_lines():
                    if line.startswith("event: "):
                        name = line.removeprefix("event: ")
                    elif line.startswith("data: "):
                        self.events.put((name, json.loads(line.removeprefix("data: "))))
                        name = "message"
        except (httpx.HTTPError, AssertionError) as exc:
            self.events.put(("broken", str(exc)))
            return
        self.events.put(("ended", None))

    def next(self) -> tuple[str, Any]:
        return self.events.get(timeout=EVENT_WAIT_SECONDS)

    def next_kinds(self) -> set[str]:
        name, data = self.next()
        assert name == "changed", (name, data)
        return set(data["kinds"])

    def kinds_until(self, wanted: str) -> set[str]:
        """Every kind told until an event naming `wanted` (another desk's writes may come first)."""
        seen: set[str] = set()
        while wanted not in seen:
            seen |= self.next_kinds()
        return seen

    def close(self) -> None:
        self._client.close()
