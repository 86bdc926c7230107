"""Serving: build everything from Settings, migrate, serve, announce readiness, stop cleanly."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import structlog
import uvicorn

from odsm.app import create_app, open_database
from odsm.core.append_only_guards import restore_append_only_guards
from odsm.core.config import Settings
from odsm.core.idempotency import purge_expired
from odsm.core.logging import configure_logging
from odsm.core.maintenance_repository import checkpoint_wal
from odsm.core.migrations import migrate
from odsm.core.unit_of_work import Database

log = structlog.get_logger("odsm.serve")


class StartupRefused(RuntimeError):
    pass


def check_socket_dir(uds: Path) -> None:
    """uvicorn makes the socket 0666, so only a private (0700) directory keeps other users out."""
    parent = uds.parent
    if not parent.is_dir():
        raise StartupRefused(f"socket directory {parent} does not exist")
    if os.name == "posix" and parent.stat().st_mode & 0o077:
        raise StartupRefused(f"socket directory {parent} must be private (mode 0700)")


def build(settings: Settings) -> tuple[Any, Database, str | None]:
    configure_logging(settings.log_dir, settings.log_level)
    db = open_database(settings)
    revision = migrate(settings, db.engine)
    restore_append_only_guards(db)  # a dropped trigger is put back, and the audit log says so
    # Stored answers are only for retries within seconds; keeping them longer only keeps personal data.
    purged = purge_expired(db, timedelta(hours=settings.idempotency_ttl_hours))
    if purged:
        log.info("idempotency.purged", keys=purged)
    return create_app(settings, db), db, revision


class _AnnouncingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, revision: str | None) -> None:
        super().__init__(config)
        self.revision = revision

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        # uvicorn re-raises a captured signal after shutdown, which would kill us before the WAL
        # checkpoint in serve(); a signal here means "stop gracefully", and we exit 0 ourselves.
        self._captured_signals.clear()

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


def _watch_parent(server: uvicorn.Server, interval: float = 0.5) -> None:
    parent = os.getppid()

    def watch() -> None:
        while not server.should_exit:
            if os.getppid() != parent:
                log.warning("backend.parent_gone", parent_pid=parent)
                server.should_exit = True
                return
            time.sleep(interval)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def checkpoint(db: Database) -> None:
    if not db.settings.is_sqlite:
        return
    checkpoint_wal(db.engine)
    log.info("db.checkpointed")


def serve(settings: Settings) -> None:
    if settings.uds is not None:
        check_socket_dir(settings.uds)
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
    server = _AnnouncingServer(config, revision)
    _watch_parent(server)
    try:
        server.run()
    finally:
        checkpoint(db)
        db.dispose()
        log.info("backend.stopped")
