"""The statements that find and recreate the append-only triggers (see core/append_only_guards.py)."""

from __future__ import annotations

from sqlalchemy import Connection, text


def present_triggers(conn: Connection, names: list[str]) -> set[str]:
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    else:
        rows = conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
    return {name for (name,) in rows} & set(names)


def run_ddl(conn: Connection, statements: list[str]) -> None:
    for statement in statements:
        conn.execute(text(statement))
