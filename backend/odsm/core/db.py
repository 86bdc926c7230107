"""Engine, pragmas, sessions, and the one way to run a unit of work (retried and breaker-guarded)."""

from __future__ import annotations

import contextvars
import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import pybreaker
import structlog
from sqlalchemy import DateTime, Engine, MetaData, create_engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from .config import Settings
from .errors import AppError, DatabaseBusy, DatabaseUnavailable

log = structlog.get_logger("odsm.db")
sql_log = structlog.get_logger("odsm.sql")

T = TypeVar("T")

# Alembic's batch mode needs named constraints to alter SQLite tables.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC; always hands back an aware datetime (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: times are timezone-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


# The Idempotency-Key of the request being served, claimed inside the first write transaction
# so that the claim and the write commit (or roll back) together.
pending_idempotency: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "pending_idempotency", default=None
)


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
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, pool_size=8)
        event.listen(engine, "connect", _sqlite_pragmas(settings))

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # A write takes the write lock at BEGIN, so it waits (busy_timeout) instead of failing
            # half way when a reader tries to upgrade.
            mode = conn.get_execution_options().get("odsm_begin", "DEFERRED")
            conn.exec_driver_sql(f"BEGIN {mode}")
    else:
        engine = create_engine(url, pool_pre_ping=True)

    if not logging.getLogger("odsm.sql").isEnabledFor(logging.DEBUG):
        return engine

    @event.listens_for(engine, "before_cursor_execute")
    def _log_sql(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        conn.info["odsm_t0"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _log_sql_done(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        # Debug level: the request id (bound by the middleware) ties each statement to a click.
        t0 = conn.info.pop("odsm_t0", None)
        sql_log.debug(
            "db.sql",
            statement=statement[:300],
            ms=round((time.perf_counter() - t0) * 1000, 3) if t0 else None,
        )

    return engine


def _is_lock_or_serialization_failure(exc: BaseException) -> bool:
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if isinstance(orig, sqlite3.OperationalError):
        text = str(orig).lower()
        return "database is locked" in text or "database is busy" in text
    pgcode = getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)
    return pgcode in {"40001", "40P01"}


_SQLITE_DOWN = ("unable to open", "disk i/o", "malformed", "readonly database", "database or disk is full")


def _is_database_down(exc: BaseException) -> bool:
    """The database cannot be reached or used at all, as opposed to a bug in one statement."""
    if not isinstance(exc, OperationalError) or _is_lock_or_serialization_failure(exc):
        return False
    if isinstance(exc.orig, sqlite3.OperationalError):
        return any(marker in str(exc.orig).lower() for marker in _SQLITE_DOWN)
    return True  # PostgreSQL's OperationalError: the connection is gone or refused


class Database:
    """Runs units of work: a fresh session per attempt, retried on lock, guarded by a breaker."""

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or create_db_engine(settings)
        self._write_engine = (
            self.engine.execution_options(odsm_begin="IMMEDIATE") if settings.is_sqlite else self.engine
        )
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self.breaker = pybreaker.CircuitBreaker(
            fail_max=settings.db_breaker_fail_max,
            reset_timeout=settings.db_breaker_reset_seconds,
            # Only a database that cannot be used counts; refusals, locks and bugs say nothing of that.
            exclude=[lambda e: not _is_database_down(e)],
            name="database",
        )

    def read(self, fn: Callable[[Session], T]) -> T:
        return self._run(fn, write=False)

    def write(self, fn: Callable[[Session], T]) -> T:
        return self._run(fn, write=True)

    def _run(self, fn: Callable[[Session], T], *, write: bool) -> T:
        try:
            result: T = self.breaker.call(self._retrying, fn, write)
            return result
        except pybreaker.CircuitBreakerError as exc:
            raise DatabaseUnavailable(details={"breaker": "open"}) from exc
        except AppError:
            raise
        except DBAPIError as exc:
            if _is_lock_or_serialization_failure(exc):
                raise DatabaseBusy(details={"attempts": self.settings.db_retry_attempts}) from exc
            if _is_database_down(exc):
                log.error("db.unavailable", error=str(exc.orig))
                raise DatabaseUnavailable() from exc
            raise

    def _retrying(self, fn: Callable[[Session], T], write: bool) -> T:
        # Fast path: most units of work never meet a lock, so the retry machinery is built only
        # once one does.
        try:
            return self._once(fn, write)
        except DBAPIError as exc:
            if not _is_lock_or_serialization_failure(exc):
                raise
            log.warning("db.retry", attempt=1, error=str(exc.orig))
        retrying = Retrying(
            retry=retry_if_exception(_is_lock_or_serialization_failure),
            stop=stop_after_attempt(max(1, self.settings.db_retry_attempts - 1)),
            wait=wait_random_exponential(multiplier=0.05, max=1.0),
            before_sleep=lambda rs: log.warning(
                "db.retry", attempt=rs.attempt_number + 1, error=str(rs.outcome.exception() if rs.outcome else "")
            ),
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                return self._once(fn, write)
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, fn: Callable[[Session], T], write: bool) -> T:
        factory = self._write_sessions if write else self._read_sessions
        pending = pending_idempotency.get() if write else None
        claim = pending is not None and not pending.get("claimed")
        with factory() as session:
            with session.begin():
                if claim:
                    from .idempotency import claim_key  # core-internal; avoids an import cycle

                    claim_key(session, pending)  # type: ignore[arg-type]
                result = fn(session)
            if claim:
                # Only a committed claim counts: a rolled-back attempt claims again on retry.
                pending["claimed"] = True  # type: ignore[index]
            return result

    def dispose(self) -> None:
        self.engine.dispose()
