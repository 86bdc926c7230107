"""Serving: check the ground, build everything from Settings, migrate, serve, announce readiness, stop cleanly."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from types import FrameType
from typing import Any

import structlog
import uvicorn
from sqlalchemy.orm import configure_mappers

from odsm.app import create_app, open_database
from odsm.core import crash_points, lifeline, startup_faults
from odsm.core.append_only_guards import restore_append_only_guards
from odsm.core.config import Settings
from odsm.core.idempotency import purge_expired
from odsm.core.logging import configure_logging
from odsm.core.maintenance_repository import checkpoint_wal, revision_in_file
from odsm.core.migrations import migrate, script_revisions, stored_revision
from odsm.core.unit_of_work import Database

log = structlog.get_logger("odsm.serve")

CHECKPOINT_ATTEMPTS = 10
CHECKPOINT_PAUSE_SECONDS = 0.1  # a reader that is about to finish gets one second in all


def check_ground(settings: Settings) -> None:
    """What can be checked before anything is created: the data dir, and the database file if any."""
    startup_faults.check_data_dir(settings.data_dir)
    db_path = settings.sqlite_path
    if db_path is not None:
        startup_faults.check_database_file(db_path)
        try:
            revision = revision_in_file(db_path)
        except sqlite3.DatabaseError as exc:
            raise startup_faults.damaged(db_path, exc) from exc
        startup_faults.check_revision_known(db_path, revision, script_revisions())


def build(settings: Settings) -> tuple[Any, Database, str | None]:
    with startup_faults.undone_on_fault(settings):
        check_ground(settings)
        try:
            configure_logging(settings.log_dir, settings.log_level)
        except OSError as exc:
            raise startup_faults.log_dir_fault(exc, settings.log_dir) from exc
        db = open_database(settings)
        with _as_startup_fault(settings, db):
            if not settings.is_sqlite:
                # A server that another desk's newer app has migrated: refuse, as for a SQLite file (check_ground).
                shown = db.engine.url.render_as_string(hide_password=True)
                startup_faults.check_revision_known(shown, stored_revision(db.engine), script_revisions())
            revision = migrate(settings, db.engine)
            # Before the ready line, not after: no write may be served while an append-only guard is missing.
            restore_append_only_guards(db)  # a dropped trigger is put back, and the audit log says so
        return create_app(settings, db), db, revision


def housekeeping(settings: Settings, db: Database) -> None:
    """What start-up does once the backend is ready: nothing here is needed by the first request, so none
    of it keeps the app waiting. A failure is logged; the next start tries again."""
    try:
        # Stored answers are only for retries within seconds; keeping them longer only keeps personal data.
        purged = purge_expired(db, timedelta(hours=settings.idempotency_ttl_hours))
        if purged:
            log.info("idempotency.purged", keys=purged)
        # The ORM's mappers are configured on first use; done here, the first write does not pay for it.
        configure_mappers()
    except Exception as exc:
        log.warning("startup.housekeeping_failed", error_type=type(exc).__name__)


@contextmanager
def _as_startup_fault(settings: Settings, db: Database) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        db.dispose()
        fault = startup_faults.classify(exc, settings.sqlite_path or settings.data_dir)
        if fault is None and not settings.is_sqlite:
            fault = startup_faults.server_fault(exc, db.engine.url.host, db.engine.url.port)
        if fault is None:
            raise
        raise fault from exc


class _AnnouncingServer(uvicorn.Server):
    def __init__(
        self,
        config: uvicorn.Config,
        revision: str | None,
        *,
        after_ready: Callable[[], None],
        before_shutdown: Callable[[], None],
    ) -> None:
        super().__init__(config)
        self.revision = revision
        self.after_ready = after_ready
        self.before_shutdown = before_shutdown

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        # uvicorn re-raises a captured signal after shutdown, which would kill us before the WAL
        # checkpoint in serve(); a signal here means "stop gracefully", and we exit 0 ourselves.
        self._captured_signals.clear()

    async def shutdown(self, sockets: list[Any] | None = None) -> None:
        # Open change streams would hold the graceful shutdown for its whole timeout: end them first.
        self.before_shutdown()
        await super().shutdown(sockets)

    async def startup(self, sockets: list[Any] | None = None) -> None:
        await super().startup(sockets)
        if self.should_exit:
            return
        ready: dict[str, Any] = {"event": "backend.ready", "pid": os.getpid(), "schema": self.revision}
        if self.config.uds:
            ready["uds"] = self.config.uds
        else:
            sock = self.servers[0].sockets[0]
            host, port = sock.getsockname()[:2]
            ready.update(host=host, port=port)
        # The one line on stdout that the supervisor waits for; everything else goes to stderr.
        sys.stdout.write(json.dumps(ready) + "\n")
        sys.stdout.flush()
        log.info("backend.ready", **{k: v for k, v in ready.items() if k != "event"})
        threading.Thread(target=self.after_ready, name="housekeeping", daemon=True).start()


def checkpoint(db: Database) -> None:
    """Retried briefly while another program's read transaction keeps the WAL busy; the log tells the truth."""
    if not db.settings.is_sqlite:
        return
    busy, frames, done = True, -1, -1
    for attempt in range(CHECKPOINT_ATTEMPTS):
        if attempt:
            time.sleep(CHECKPOINT_PAUSE_SECONDS)
        busy, frames, done = checkpoint_wal(db.engine)
        if not busy:
            log.info("db.checkpointed", frames=frames, attempts=attempt + 1)
            return
    log.warning(
        "db.checkpoint_incomplete",
        frames_left=max(frames - done, 0) if frames >= 0 else None,
        attempts=CHECKPOINT_ATTEMPTS,
        why="another connection holds a read transaction; the WAL is folded in at the next start",
    )


def serve(settings: Settings) -> None:
    crash_points.arm_from_environment()
    app, db, revision = build(settings)
    config = uvicorn.Config(
        app,
        uds=str(settings.uds) if settings.uds else None,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
    )
    server = _AnnouncingServer(
        config,
        revision,
        after_ready=lambda: housekeeping(settings, db),
        before_shutdown=app.state.change_feed.close,
    )
    lifeline.stop_gracefully_with(lambda: setattr(server, "should_exit", True))
    try:
        server.run()
    finally:
        checkpoint(db)
        db.dispose()
        log.info("backend.stopped")
