"""The test's database changed by another program (a database browser, psql), as a tamperer would."""

from __future__ import annotations

import sqlite3
from typing import Literal

import psycopg
from sqlalchemy import make_url

from odsm.core.config import Settings


def postgres_dsn(settings: Settings) -> str:
    return make_url(settings.resolved_database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def raw_sql(settings: Settings, *statements: str) -> None:
    """Runs `statements` in one transaction, outside the app and its engine."""
    if settings.is_sqlite:
        conn = sqlite3.connect(settings.data_dir / "odsm.sqlite3")
        try:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
        finally:
            conn.close()  # a refused statement's transaction ends here, not at garbage collection
        return
    with psycopg.connect(postgres_dsn(settings)) as pg:
        for statement in statements:
            pg.execute(statement.encode())  # bytes: a literal '%' is not a placeholder
        pg.commit()


def raw_sql_refusal(settings: Settings, statement: str) -> str:
    """The database's refusal of `statement`, as text; fails the test if the statement went through."""
    try:
        raw_sql(settings, statement)
    except (sqlite3.DatabaseError, psycopg.Error) as exc:
        return str(exc)
    raise AssertionError(f"the database accepted: {statement}")


def drop_guard_for(settings: Settings, table: str, verb: Literal["UPDATE", "DELETE"]) -> str:
    """The statement that drops the append-only trigger guarding `verb` on `table` (see core.append_only_guards);
    on PostgreSQL one trigger guards both verbs."""
    if settings.is_sqlite:
        return f"DROP TRIGGER {table}_no_{verb.lower()}"
    return f"DROP TRIGGER {table}_append_only ON {table}"
