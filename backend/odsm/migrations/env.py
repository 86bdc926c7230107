"""Alembic environment: the engine comes from the caller (core.migrations), never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import odsm.models  # noqa: F401  registers every table on Base.metadata
from odsm.core.orm import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = config.attributes["engine"]
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
