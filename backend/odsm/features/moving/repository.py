"""The server's side of a move: its engine, what it already holds, and the copy with its checks."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, Table, create_engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

import odsm.models  # noqa: F401  (registers every table on Base.metadata)
from odsm.core.audit import verify_chain
from odsm.core.maintenance_repository import schema_revision
from odsm.core.orm import Base
from odsm.core.table_copy_repository import Progress, copy_tables, first_table_with_rows, row_counts

# Seconds to wait for a server that does not answer, before saying so.
CONNECT_TIMEOUT_S = 10


def app_tables() -> list[Table]:
    """Every table of the app, parents before children."""
    return list(Base.metadata.sorted_tables)


def server_engine(url: URL) -> Engine:
    # No pool: the move opens a few connections once, and disposing leaves none behind on the server.
    return create_engine(
        url, poolclass=NullPool, hide_parameters=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )


def revision_and_first_filled_table(engine: Engine) -> tuple[str | None, str | None]:
    """The target's schema revision (None: never migrated) and the first of its tables holding a row."""
    with engine.connect() as conn:
        return schema_revision(conn), first_table_with_rows(conn)


def copy_school(source: Connection, target: Connection, progress: Progress) -> dict[str, int]:
    return copy_tables(source, target, app_tables(), progress=progress)


def counts(conn: Connection) -> dict[str, int]:
    return row_counts(conn, app_tables())


def audit_chain(conn: Connection) -> dict[str, object]:
    """The chain verified on `conn`'s own transaction (on the server: the copy before it commits)."""
    with Session(bind=conn) as session:
        return verify_chain(session)
