"""Every table of the school, read row by row in one read transaction, for the export."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from odsm.core.orm import Base
from odsm.models import IdempotencyRecord, StaffSession

# The app's own bookkeeping, not the school's records: stored answers to retried requests, and the
# desks' sign-in sessions.
INTERNAL_TABLES = {IdempotencyRecord.__tablename__, StaffSession.__tablename__}
# Never written to a file an export hands around: staff password hashes and the owner's recovery code's.
SECRET_COLUMNS = {"password_hash", "recovery_code_hash"}


def school_tables() -> list[Table]:
    """The school's tables, parents before children (a reader can load them in this order)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in INTERNAL_TABLES]


def exported_columns(table: Table) -> list[Column[Any]]:
    return [c for c in table.columns if c.name not in SECRET_COLUMNS]


def rows_of(s: Session, table: Table) -> Iterator[Sequence[Any]]:
    """The table's rows in primary key order, fetched a batch at a time so a large table never sits in memory."""
    stmt = select(*exported_columns(table)).order_by(*table.primary_key.columns)
    yield from s.execute(stmt.execution_options(yield_per=2000))


def one_snapshot(s: Session) -> None:
    """Every table read from one moment. SQLite's read transaction already is one (WAL); PostgreSQL's
    default, READ COMMITTED, gives each statement its own, so the export asks for REPEATABLE READ."""
    if s.get_bind().dialect.name == "postgresql":
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
