"""The few statements a connection test reads: the server's version, the schema revision, any row at all."""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from odsm.core.maintenance_repository import schema_revision


def server_version(conn: Connection) -> str:
    return str(conn.execute(text("SHOW server_version")).scalar())


def revision(conn: Connection) -> str | None:
    return schema_revision(conn)


def holds_data(conn: Connection) -> bool:
    """True as soon as one table in the database's search path has a row (alembic_version counts too)."""
    for table in inspect(conn).get_table_names():
        quoted = conn.dialect.identifier_preparer.quote(table)
        if conn.execute(text(f"SELECT EXISTS (SELECT 1 FROM {quoted})")).scalar():
            return True
    return False
