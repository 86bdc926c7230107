"""The SQL of the change stream on PostgreSQL: NOTIFY inside a write's transaction, LISTEN on its own connection."""

from __future__ import annotations

import psycopg
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.orm import Session


def notify(session: Session, channel: str, payload: str) -> None:
    """Delivered by the server when (and only if) the session's transaction commits."""
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": channel, "payload": payload})


def listen(conn: psycopg.Connection, channel: str) -> None:
    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))


def probe(conn: psycopg.Connection) -> None:
    conn.execute("SELECT 1")
