"""The SQL of the change stream on PostgreSQL: NOTIFY inside a write's transaction, LISTEN on its own connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

if TYPE_CHECKING:  # psycopg is imported only where the listener runs: a SQLite start never pays for it
    import psycopg


def notify(session: Session, channel: str, payload: str) -> None:
    """Delivered by the server when (and only if) the session's transaction commits."""
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": channel, "payload": payload})


def listen(conn: psycopg.Connection, channel: str) -> None:
    from psycopg import sql

    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))


def probe(conn: psycopg.Connection) -> None:
    conn.execute("SELECT 1")
