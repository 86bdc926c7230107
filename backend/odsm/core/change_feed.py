"""Fans the kinds of record each committed write changed out to the change stream's subscribers.

Writes commit in worker threads and the stream is served on the event loop, so `publish` may be called
from any thread: each subscriber is an asyncio queue on its own loop, fed with `call_soon_threadsafe`.
Where the changes come from is the source's business: the backend's own commits on SQLite, or
PostgreSQL's `LISTEN` (every backend's commits, this one's included).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Protocol

import anyio

# How long a new subscriber waits for the source to listen before it is told it is subscribed anyway.
SOURCE_READY_SECONDS = 5.0


class ChangeSource(Protocol):
    def start(self) -> None: ...
    def wait_ready(self, timeout: float) -> bool: ...
    def stop(self) -> None: ...


class _Subscriber:
    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.queue: asyncio.Queue[frozenset[str] | None] = asyncio.Queue()

    def offer(self, kinds: frozenset[str] | None) -> None:
        with contextlib.suppress(RuntimeError):  # its loop has closed: the server is stopping
            self.loop.call_soon_threadsafe(self.queue.put_nowait, kinds)


class Subscription:
    def __init__(self, subscriber: _Subscriber) -> None:
        self._subscriber = subscriber

    async def next_batch(self, timeout: float) -> frozenset[str] | None:
        """The kinds changed since the last batch (merged, so a burst is one event); an empty set when
        `timeout` passed with no change; None once the feed has closed."""
        queue = self._subscriber.queue
        try:
            first = await asyncio.wait_for(queue.get(), timeout)
        except TimeoutError:
            return frozenset()
        if first is None:
            return None
        merged = set(first)
        while not queue.empty():
            more = queue.get_nowait()
            if more is None:
                return None
            merged |= more
        return frozenset(merged)


Publish = Callable[[frozenset[str]], None]


class ChangeFeed:
    """`source` is built with this feed's `publish` (None: the backend's own commits publish directly)."""

    def __init__(self, source: Callable[[Publish], ChangeSource] | None = None) -> None:
        self._source = source(self.publish) if source is not None else None
        self._lock = threading.Lock()
        self._subscribers: set[_Subscriber] = set()
        self._started = False
        self._closed = False

    def publish(self, kinds: frozenset[str]) -> None:
        if not kinds:
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            subscriber.offer(kinds)

    @asynccontextmanager
    async def subscribe(self) -> AsyncIterator[Subscription]:
        """Yields once the source listens, so nothing committed after this returns is missed."""
        subscriber = _Subscriber()
        with self._lock:
            closed = self._closed
            start = self._source is not None and not self._started and not closed
            self._started = self._started or start
            if not closed:
                self._subscribers.add(subscriber)
        if closed:
            subscriber.queue.put_nowait(None)
        if start:
            assert self._source is not None
            self._source.start()
        if self._source is not None and not closed:
            await anyio.to_thread.run_sync(self._source.wait_ready, SOURCE_READY_SECONDS)
        try:
            yield Subscription(subscriber)
        finally:
            with self._lock:
                self._subscribers.discard(subscriber)

    def close(self) -> None:
        """Ends every subscription (the server is stopping) and stops the source."""
        with self._lock:
            self._closed = True
            subscribers = list(self._subscribers)
            self._subscribers.clear()
            started = self._started
        for subscriber in subscribers:
            subscriber.offer(None)
        if started and self._source is not None:
            self._source.stop()
