"""The server ends a connection in use (pg_terminate_backend, a server restart): a unit of work it cut
before commit runs again on a fresh connection, and the breaker does not take it for a dead database.
PostgreSQL only: a SQLite file has no server to end connections."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from odsm.core import idempotency_repository as keys
from odsm.core.db_failures import is_database_down, is_lost_before_commit, is_lost_connection
from odsm.core.unit_of_work import Database
from odsm.models import IdempotencyRecord, SchoolSettings

from ..engines import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="only a server ends connections")


def _end_connection(database_url: str, pid: int) -> None:
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        admin.dispose()


def _own_pid(session: Session) -> int:
    return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_unit_of_work_cut_mid_transaction_runs_again_and_the_breaker_stays_closed(
    db: Database, database_url: str
) -> None:
    attempts: list[int] = []
    rounds = db.settings.db_breaker_fail_max + 1

    def claim(key: str) -> Callable[[Session], None]:
        def fn(session: Session) -> None:
            pid = _own_pid(session)
            attempts.append(pid)
            if len(attempts) == 1:
                _end_connection(database_url, pid)  # the server ends it while this transaction is open
            keys.insert_claim(session.connection(), key, "fingerprint")

        return fn

    for n in range(rounds):
        attempts.clear()
        db.write(claim(f"cut-{n}"))
        assert len(attempts) == 2 and attempts[0] != attempts[1]  # once cut, once on a fresh connection
    assert db.breaker.current_state == "closed"
    stored = db.read(lambda s: s.scalar(select(func.count()).select_from(IdempotencyRecord)))
    assert stored == rounds  # each written once


def test_a_cut_connection_is_lost_not_down_and_a_cut_commit_is_never_taken_for_uncommitted(
    db: Database, database_url: str
) -> None:
    with db.engine.connect() as conn:
        pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        _end_connection(database_url, pid)
        with pytest.raises(OperationalError) as mid_statement:
            conn.execute(select(func.count()).select_from(SchoolSettings))
    assert is_lost_connection(mid_statement.value) and is_lost_before_commit(mid_statement.value)
    assert is_database_down(mid_statement.value)  # answered as database_unavailable if it comes to that

    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        _end_connection(database_url, int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one()))
        with pytest.raises(OperationalError) as at_commit:
            conn.commit()
    # Lost, but whether a COMMIT landed is unknown: never run a write again for it.
    assert is_lost_connection(at_commit.value) and not is_lost_before_commit(at_commit.value)
