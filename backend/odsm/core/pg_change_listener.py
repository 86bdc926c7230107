"""One `LISTEN` connection per backend: PostgreSQL's notifications of committed changes, into the feed.

Every backend on the server (every workstation) notifies on commit (see change_capture); this thread
hears them all, its own backend's included. When its connection breaks (a server restart, an
administrator ending connections) it reconnects with backoff, and then publishes "everything": what
was committed while it was away was not heard.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import structlog
from sqlalchemy import make_url

from . import change_notify_repository
from .change_kinds import EVERYTHING, decode_kinds

if TYPE_CHECKING:
    import psycopg

log = structlog.get_logger("odsm.changes")

POLL_SECONDS = 1.0  # how often the thread looks up from waiting, to stop or to check the connection
PROBE_SECONDS = 10.0  # a connection that died silently (a cable pulled) is noticed by a probe
BACKOFF_SECONDS = (0.1, 2.0)


def conninfo_of(database_url: str) -> str:
    """psycopg's own URL from SQLAlchemy's (`postgresql+psycopg://...` names the driver too)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


class PgChangeListener:
    def __init__(self, database_url: str, channel: str, publish: Callable[[frozenset[str]], None]) -> None:
        self._conninfo = conninfo_of(database_url)
        self._channel = channel
        self._publish = publish
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="odsm-pg-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(POLL_SECONDS * 3)

    def _run(self) -> None:
        import psycopg  # here, in the listener's thread: a SQLite backend never imports it

        delay, first = BACKOFF_SECONDS[0], True
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    change_notify_repository.listen(conn, self._channel)
                    log.info("changes.listening", reconnected=not first)
                    if not first:
                        self._publish(frozenset({EVERYTHING}))
                    first, delay = False, BACKOFF_SECONDS[0]
                    self._ready.set()
                    self._listen(conn)
            except psycopg.Error as exc:
                log.warning("changes.listen_lost", error=str(exc).strip()[:200], retry_in_s=delay)
            self._stop.wait(delay)
            delay = min(delay * 2, BACKOFF_SECONDS[1])

    def _listen(self, conn: psycopg.Connection) -> None:
        probed = time.monotonic()
        while not self._stop.is_set():
            for note in conn.notifies(timeout=POLL_SECONDS):
                self._publish(decode_kinds(note.payload))
            if time.monotonic() - probed > PROBE_SECONDS:
                change_notify_repository.probe(conn)
                probed = time.monotonic()
