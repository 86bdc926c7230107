"""The engine: SQLite's pragmas and write-lock-at-BEGIN, or PostgreSQL; SQL lines at debug level."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import structlog
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from .config import Settings
from .timings import on_each_statement

sql_log = structlog.get_logger("odsm.sql")


def _sqlite_pragmas(settings: Settings) -> Callable[[DBAPIConnection, ConnectionPoolEntry], None]:
    def on_connect(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself, so writes can take the lock up front.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(settings.sqlite_busy_timeout_ms)}")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    return on_connect


def create_db_engine(settings: Settings) -> Engine:
    url = settings.resolved_database_url
    # SQL parameters are names, birth dates, licence numbers: an error's text carries them into the log
    # only when someone asked for debug logs on purpose.
    hide_parameters = settings.log_level != "debug"
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, pool_size=8, hide_parameters=hide_parameters
        )
        event.listen(engine, "connect", _sqlite_pragmas(settings))

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # A write takes the write lock at BEGIN, so it waits (busy_timeout) instead of failing
            # half way when a reader tries to upgrade.
            mode = conn.get_execution_options().get("odsm_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")
    else:
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=hide_parameters)

    if logging.getLogger("odsm.sql").isEnabledFor(logging.DEBUG):
        _log_statements(engine)
    return engine


def write_engine(settings: Settings, engine: Engine) -> Engine:
    """On SQLite a write takes the write lock at BEGIN (see `_begin`); PostgreSQL needs nothing more."""
    return engine.execution_options(odsm_begin="IMMEDIATE") if settings.is_sqlite else engine


def _log_statements(engine: Engine) -> None:
    def log_sql(statement: str, ms: float | None) -> None:
        # Debug level: the request id (bound by the middleware) ties each statement to a click.
        sql_log.debug("db.sql", statement=statement[:300], ms=None if ms is None else round(ms, 3))

    on_each_statement(engine, log_sql)
