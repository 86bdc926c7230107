"""The one way to run a unit of work: a fresh session per attempt, retried on a lock, guarded by a breaker.

What else a write must do inside its transaction (claiming an Idempotency-Key) comes in as a write hook,
passed by the composition root (`odsm.app.open_database`): this module knows no such concern by name.
A request may ask for its write to be held open until its answer is known (`held_write`): see there why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import pybreaker
import structlog
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from .breaker import DatabaseBreaker
from .config import Settings
from .db_failures import is_database_down, is_lock_or_serialization_failure, is_lost_before_commit, is_lost_connection
from .engine import create_db_engine, write_engine
from .errors import AppError, DatabaseBusy, DatabaseUnavailable
from .held_write import AfterCommit, HeldWrite, held_write

log = structlog.get_logger("odsm.db")

T = TypeVar("T")

# Runs first inside every write transaction (each attempt); what it returns runs once that transaction
# commits, so a rolled-back attempt leaves no trace of the hook either.
WriteHook = Callable[[Session], AfterCommit | None]


def _worth_retrying(exc: BaseException, write: bool) -> bool:
    # A connection lost inside a request's held write took that transaction with it: only the whole
    # request can run again (main retries it with its Idempotency-Key). A read may always run again.
    held = held_write.get()
    joined = held is not None and held.session is not None
    lost = is_lost_before_commit(exc) if write else is_lost_connection(exc)
    return is_lock_or_serialization_failure(exc) or (lost and not joined)


class Database:
    """Runs units of work: `read(fn)` and `write(fn)` hand `fn` a session inside one transaction."""

    def __init__(self, settings: Settings, engine: Engine | None = None, write_hooks: Sequence[WriteHook] = ()) -> None:
        self.settings = settings
        self.engine = engine or create_db_engine(settings)
        self.write_hooks = tuple(write_hooks)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(write_engine(settings, self.engine), expire_on_commit=False)
        self.breaker = DatabaseBreaker(
            fail_max=settings.db_breaker_fail_max,
            reset_timeout=settings.db_breaker_reset_seconds,
            # Only a database that cannot be used counts; refusals, locks and bugs say nothing of that.
            exclude=[lambda e: not is_database_down(e) or is_lost_connection(e)],
            name="database",
        )
        # The maintenance gate: a restore holds every other unit of work back while it swaps the school.
        self._gate = threading.Condition()
        self._running = 0
        self._maintainer: int | None = None

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Maintenance (a restore): waits for the units of work under way and holds new ones back until it
        is done. The maintaining thread's own units of work still run."""
        me = threading.get_ident()
        with self._gate:
            self._gate.wait_for(lambda: self._maintainer is None)
            self._maintainer = me
            self._gate.wait_for(lambda: self._running == 0)
        try:
            yield
        finally:
            with self._gate:
                self._maintainer = None
                self._gate.notify_all()

    @contextmanager
    def _admitted(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._gate:
            if self._maintainer == me:
                counted = False
            else:
                self._gate.wait_for(lambda: self._maintainer is None)
                self._running += 1
                counted = True
        try:
            yield
        finally:
            if counted:
                with self._gate:
                    self._running -= 1
                    if self._running == 0:
                        self._gate.notify_all()

    def read(self, fn: Callable[[Session], T]) -> T:
        return self._run(fn, write=False)

    def write(self, fn: Callable[[Session], T]) -> T:
        return self._run(fn, write=True)

    def query(self, fn: Callable[[Connection], T]) -> T:
        """A read that changes nothing, as Core statements on a connection in one transaction: no Session and
        no identity map to build. Admitted, retried and guarded like any unit of work."""
        return self._run(fn, write=False, core=True)

    def _run(self, fn: Callable[[Any], T], *, write: bool, core: bool = False) -> T:
        try:
            with self._admitted():
                result: T = self.breaker.call(self._retrying, fn, write, core)
            return result
        except pybreaker.CircuitBreakerError as exc:
            raise DatabaseUnavailable(details={"breaker": "open"}) from exc
        except AppError:
            raise
        except DBAPIError as exc:
            if is_lock_or_serialization_failure(exc):
                raise DatabaseBusy(details={"attempts": self.settings.db_retry_attempts}) from exc
            if is_database_down(exc):
                log.error("db.unavailable", error=str(exc.orig))
                raise DatabaseUnavailable() from exc
            raise

    def _retrying(self, fn: Callable[[Any], T], write: bool, core: bool = False) -> T:
        # Fast path: most units of work never meet a lock, so the retry machinery is built only
        # once one does.
        try:
            return self._once(fn, write, core)
        except DBAPIError as exc:
            if not _worth_retrying(exc, write):
                raise
            log.warning("db.retry", attempt=1, error=str(exc.orig))
        retrying = Retrying(
            retry=retry_if_exception(lambda e: _worth_retrying(e, write)),
            stop=stop_after_attempt(max(1, self.settings.db_retry_attempts - 1)),
            wait=wait_random_exponential(multiplier=0.05, max=1.0),
            before_sleep=lambda rs: log.warning(
                "db.retry", attempt=rs.attempt_number + 1, error=str(rs.outcome.exception() if rs.outcome else "")
            ),
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                return self._once(fn, write, core)
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, fn: Callable[[Any], T], write: bool, core: bool = False) -> T:
        held = held_write.get()
        if held is not None and held.session is not None:
            # This request already holds its write open: join it, so this unit sees what it wrote.
            with held.session.begin_nested():
                return fn(held.session.connection() if core else held.session)
        if core:
            with self.engine.connect() as conn, conn.begin():
                return fn(conn)
        if write and held is not None and not held.closed:
            return self._first_held_write(fn, held)
        factory = self._write_sessions if write else self._read_sessions
        with factory() as session:
            with session.begin():
                after_commit = self._run_write_hooks(session) if write else []
                result = fn(session)
            for after in after_commit:
                after()
            return result

    def _first_held_write(self, fn: Callable[[Session], T], held: HeldWrite) -> T:
        session = self._write_sessions()
        transaction = session.begin()
        try:
            after_commit = self._run_write_hooks(session)
            result = fn(session)
        except BaseException:
            transaction.rollback()
            session.close()
            raise
        held.park(session, transaction, after_commit)
        return result

    def _run_write_hooks(self, session: Session) -> list[AfterCommit]:
        return [after for hook in self.write_hooks if (after := hook(session))]

    def dispose(self) -> None:
        self.engine.dispose()
