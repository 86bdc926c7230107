"""A request's writes held in one transaction until its answer is known, then committed with that answer.

Why hold: an Idempotency-Key's answer must land in the same commit as the write it answers. Stored in a
second transaction, a kill between the two commits left the key claimed with no answer, so every retry
got `409 idempotency_in_progress` for a write that was saved. Rebuilding the answer on a later retry was
the other way out, but only the route knows how to render its answer from the rows, and core must not
know routes; holding the commit until the route has answered keeps the one rule "write and answer commit
together, or neither does".

While a request holds its write, its later units of work (reads too) run inside that transaction, in
savepoints, so they see what it wrote and a refused one undoes only itself.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable

import anyio
from sqlalchemy.orm import Session, SessionTransaction

AfterCommit = Callable[[], None]

# Committing a held write must never wait behind the request threads that wait for its write lock
# (on SQLite, every other writer): it gets a thread pool of its own.
_COMMIT_THREADS = anyio.CapacityLimiter(4)


class HeldWrite:
    """Set (by the middleware) for one request; the first write of that request parks its transaction here."""

    def __init__(self) -> None:
        self.session: Session | None = None
        self._transaction: SessionTransaction | None = None
        self._after_commit: list[AfterCommit] = []
        self.closed = False

    @property
    def holding(self) -> bool:
        return self.session is not None

    def park(self, session: Session, transaction: SessionTransaction, after_commit: list[AfterCommit]) -> None:
        self.session, self._transaction, self._after_commit = session, transaction, after_commit

    def commit(self, last_step: Callable[[Session], None]) -> None:
        """Runs `last_step` (storing the answer) in the held transaction, commits, then the after-commit hooks."""
        assert self.session is not None and self._transaction is not None
        try:
            last_step(self.session)
            self._transaction.commit()
        finally:
            self._release()
        for after in self._after_commit:
            after()

    def rollback(self) -> None:
        if self._transaction is not None:
            try:
                self._transaction.rollback()
            finally:
                self._release()
        self.closed = True

    def _release(self) -> None:
        if self.session is not None:
            self.session.close()
        self.session, self._transaction, self.closed = None, None, True

    async def commit_in_thread(self, last_step: Callable[[Session], None]) -> None:
        await anyio.to_thread.run_sync(self.commit, last_step, limiter=_COMMIT_THREADS)

    async def rollback_in_thread(self) -> None:
        if self.holding:
            await anyio.to_thread.run_sync(self.rollback, limiter=_COMMIT_THREADS)
        self.closed = True


held_write: contextvars.ContextVar[HeldWrite | None] = contextvars.ContextVar("held_write", default=None)
