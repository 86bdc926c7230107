"""A write hook that learns which kinds of record a unit of work changed, and tells the change feed.

The kinds come from what the unit of work wrote: the objects each flush inserted, updated or deleted,
and the tables of any bulk INSERT/UPDATE/DELETE it ran. An audited record's write also appends to the
audit log (core/audit.py does so on the connection, outside the ORM), so it names `audit` too.

On SQLite the kinds are published once the transaction commits (the backend is the only writer).
On PostgreSQL they are sent with `pg_notify` inside the transaction, just before it commits: the server
delivers a notification only on commit, to every backend listening, this one's included.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from . import change_notify_repository
from .audit import Audited
from .change_feed import ChangeFeed
from .change_kinds import encode_kinds, kind_of_table
from .config import Settings
from .held_write import AfterCommit
from .pg_change_listener import PgChangeListener

PG_CHANNEL = "odsm_changes"
_KINDS = "odsm.changed_kinds"  # session.info: the set this transaction's writes add to
_NOTIFY = "odsm.notify_changes"  # session.info: send them with pg_notify before the commit


class ChangeCapture:
    """The write hook (give it to `Database(write_hooks=...)`); `feed` is what the stream reads."""

    def __init__(self, feed: ChangeFeed, *, notify_in_transaction: bool) -> None:
        self.feed = feed
        self.notify_in_transaction = notify_in_transaction

    def __call__(self, session: Session) -> AfterCommit | None:
        kinds: set[str] = set()
        session.info[_KINDS] = kinds
        if self.notify_in_transaction:
            session.info[_NOTIFY] = True
            return None  # the listener hears our own commit, as every other backend's
        return lambda: self.feed.publish(frozenset(kinds))


def capture_changes(settings: Settings) -> ChangeCapture:
    """SQLite: the backend's own commits feed the stream. PostgreSQL: one LISTEN connection does, for all."""
    if settings.is_sqlite:
        return ChangeCapture(ChangeFeed(), notify_in_transaction=False)
    url = settings.resolved_database_url
    feed = ChangeFeed(lambda publish: PgChangeListener(url, PG_CHANNEL, publish))
    return ChangeCapture(feed, notify_in_transaction=True)


def _add_table(kinds: set[str], table: Any) -> None:
    kind = kind_of_table(getattr(table, "name", ""))
    if kind is not None:
        kinds.add(kind)


@event.listens_for(Session, "after_flush")
def _collect_flushed(session: Session, _flush_context: Any) -> None:
    kinds: set[str] | None = session.info.get(_KINDS)
    if kinds is None:
        return
    changed = [*session.new, *session.deleted]
    changed += [obj for obj in session.dirty if session.is_modified(obj)]
    for obj in changed:
        _add_table(kinds, getattr(obj, "__table__", None))
        if isinstance(obj, Audited):
            kinds.add("audit")


@event.listens_for(Session, "do_orm_execute")
def _collect_bulk(state: ORMExecuteState) -> None:
    kinds: set[str] | None = state.session.info.get(_KINDS)
    if kinds is not None and (state.is_insert or state.is_update or state.is_delete):
        _add_table(kinds, getattr(state.statement, "table", None))


@event.listens_for(Session, "before_commit")
def _notify(session: Session) -> None:
    if not session.info.get(_NOTIFY) or session.in_nested_transaction():
        return
    session.flush()  # the transaction's last changes, so their kinds are known
    kinds: set[str] = session.info.get(_KINDS, set())
    if kinds:
        change_notify_repository.notify(session, PG_CHANNEL, encode_kinds(kinds))
