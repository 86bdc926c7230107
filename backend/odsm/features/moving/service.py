"""Moving a one-desk school from its SQLite file onto an empty PostgreSQL database.

The server is checked first (PostgreSQL, reachable, no newer schema, no row in any table), then migrated
to this app's head. Then, with every other unit of work on this desk held back, one audit entry records
the move in the school's log (before the copy, so both sides carry it and the heads can be compared), and
the rows are copied inside one transaction on the server, which commits only after the check: the same
row count in every table, and the audit chain verified on both sides ending at the same head. A failure
rolls that transaction back, so the server holds no row and the school goes on from its file, which this
move never changes beyond that one entry (written first: an attempt that failed stays on record too).
Switching this desk over to the server is main's part, after this answers.
"""

from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from odsm.core.audit import append_entries
from odsm.core.engine import write_engine
from odsm.core.migrations import migrate, script_revisions
from odsm.core.unit_of_work import Database

from . import repository as repo
from .errors import (
    MoveCopyFailed,
    MoveInProgress,
    MoveSourceNotSqlite,
    MoveTargetNewerSchema,
    MoveTargetNotEmpty,
    MoveTargetNotPostgresql,
    MoveTargetUnreachable,
    MoveVerifyFailed,
)
from .progress import MoveProgress
from .schemas import MovedTable, MoveRequest, MoveResult

MOVE_ENTITY = "moving"
log = structlog.get_logger("odsm.moving")


class MoveService:
    def __init__(self, db: Database, progress: MoveProgress) -> None:
        self.db = db
        self.progress = progress

    def move(self, request: MoveRequest) -> MoveResult:
        if not self.db.settings.is_sqlite:
            engine = self.db.engine.dialect.name
            raise MoveSourceNotSqlite(details={"field": "database", "rule": "sqlite_only", "engine": engine})
        url = server_url(request.target_url)
        if not self.progress.begin():
            raise MoveInProgress(details={"state": self.progress.read().state})
        try:
            result = self._move(url)
        except BaseException:
            self.progress.failed()
            raise
        self.progress.done()
        return result

    def _move(self, url: URL) -> MoveResult:
        where = _where(url)
        engine = repo.server_engine(url)
        try:
            _check_target(engine, where)
            try:
                settings = self.db.settings.model_copy(update={"database_url": url.render_as_string(False)})
                migrate(settings, engine)
            except SQLAlchemyError as exc:
                raise MoveCopyFailed(details={**where, "rule": "migrate", "cause": _cause(exc)}) from exc
            with self.db.exclusive():
                # On its own connection, committed at once: a keyed request's writes are otherwise held
                # open until its answer (core/held_write.py), and the copy must see this entry.
                with write_engine(self.db.settings, self.db.engine).begin() as conn:
                    append_entries(conn, [_move_entry(where, self.db.settings.resolved_database_url)])
                result = self._copy_and_verify(engine, where)
        finally:
            engine.dispose()
        log.info("move.done", host=where["host"], database=where["database"], rows=result.total_rows)
        return result

    def _copy_and_verify(self, engine: Engine, where: dict[str, Any]) -> MoveResult:
        # Straight on the engines, not through db.read: this thread holds the desk's maintenance gate,
        # and the server's transaction must stay open across the copy and its check.
        table = ""

        def copying(name: str, done: int, total: int) -> None:
            nonlocal table
            table = name
            self.progress.copying(name, done, total)

        try:
            with self.db.engine.connect() as source, engine.connect() as target, source.begin(), target.begin():
                repo.copy_school(source, target, copying)
                self.progress.verifying()
                result = _verified(source, target, where)
        except SQLAlchemyError as exc:  # the server refused a row, or a value did not convert
            raise MoveCopyFailed(details={**where, "rule": "copy", "table": table, "cause": _cause(exc)}) from exc
        return result


def server_url(text: str) -> URL:
    """The target as a psycopg URL; anything that is not PostgreSQL refused by name."""
    details = {"field": "target_url", "rule": "postgresql_url"}
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise MoveTargetNotPostgresql(details=details) from exc
    if url.get_backend_name() != "postgresql" or not url.database:
        raise MoveTargetNotPostgresql(details={**details, "engine": url.get_backend_name()})
    return url.set(drivername="postgresql+psycopg")


def _check_target(engine: Engine, where: dict[str, Any]) -> None:
    try:
        revision, filled = repo.revision_and_first_filled_table(engine)
    except DBAPIError as exc:
        cause = _cause(exc)
        raise MoveTargetUnreachable(
            _unreachable_message(cause, where), {**where, "rule": "reachable", "reason": _reason(cause), "cause": cause}
        ) from exc
    if filled is not None:
        raise MoveTargetNotEmpty(details={**where, "rule": "empty_database", "table": filled})
    if revision is not None and revision not in script_revisions():
        raise MoveTargetNewerSchema(details={**where, "rule": "known_revision", "revision": revision})


def _verified(source: Connection, target: Connection, where: dict[str, Any]) -> MoveResult:
    here, there = repo.counts(source), repo.counts(target)
    for name, rows in here.items():
        if there.get(name) != rows:
            raise MoveVerifyFailed(
                details={
                    **where,
                    "rule": "row_counts",
                    "table": name,
                    "source_rows": rows,
                    "target_rows": there.get(name),
                },
            )
    ours, theirs = repo.audit_chain(source), repo.audit_chain(target)
    if not (ours["ok"] and theirs["ok"] and ours["head_hash"] == theirs["head_hash"]):
        raise MoveVerifyFailed(
            details={
                **where,
                "rule": "audit_chain",
                "source_head": ours.get("head_hash"),
                "target_head": theirs.get("head_hash"),
                "source_first_broken_id": ours.get("first_broken_id"),
                "target_first_broken_id": theirs.get("first_broken_id"),
            }
        )
    tables = [MovedTable(table=name, source_rows=rows, target_rows=there[name]) for name, rows in here.items()]
    return MoveResult(tables=tables, total_rows=sum(here.values()), audit_head=str(ours["head_hash"]))


def _move_entry(where: dict[str, Any], source_url: str) -> dict[str, Any]:
    return {
        "entity": MOVE_ENTITY,
        "entity_id": f"{where['host']}/{where['database']}"[:40],
        "action": "move_to_server",
        "before": {"engine": "sqlite", "database": source_url.removeprefix("sqlite:///")},
        "after": {"engine": "postgresql", **where},
        "reason": "Copied to the server; this entry is written first, so the server's log ends with it too.",
        "student_id": None,
    }


def _where(url: URL) -> dict[str, Any]:
    """The server named in details and in the log: never the password."""
    return {"host": url.host or "localhost", "port": url.port or 5432, "database": url.database}


def _cause(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def _reason(cause: str) -> str:
    lowered = cause.lower()
    if "password" in lowered or "authentication" in lowered:
        return "wrong_password"
    if "does not exist" in lowered and "database" in lowered:
        return "database_missing"
    if any(w in lowered for w in ("refused", "timeout", "timed out", "translate host", "no route", "unreachable")):
        return "host_unreachable"
    return "other"


def _unreachable_message(cause: str, where: dict[str, Any]) -> str:
    return {
        "wrong_password": "The server refused the user name or password, so nothing was moved.",
        "database_missing": f"The server has no database named {where['database']}. Create it first, then try again.",
        "host_unreachable": f"Nothing answered at {where['host']} port {where['port']}. Check the address and that "
        "the server is running.",
    }.get(_reason(cause), f"The server could not be used: {cause}")
