"""The append-only tables' triggers, checked at every start-up and put back when someone dropped them.

The migrations create these triggers; anyone with the database file can drop them (the audit chain
still catches what they then rewrite). Start-up restores a missing one, appends an audit entry naming
it, and Home reads those entries to tell the owner. The DDL repeats the migrations' on purpose: a
migration is history and must not change when this module does.
"""

from __future__ import annotations

from dataclasses import dataclass

import structlog

from .append_only_guard_repository import present_triggers, run_ddl
from .audit import append_entries
from .unit_of_work import Database

log = structlog.get_logger("odsm.audit")

GUARD_ENTITY = "append_only_guards"
GUARD_ACTOR = "odsm-startup"
# Triggers are not rows: the entry names what was put back, and why it had to be.
RESTORED_REASON = "The trigger was missing: dropped outside the app. Restored at start-up."


@dataclass(frozen=True)
class Guard:
    trigger: str
    table: str
    ddl: tuple[str, ...]


def _sqlite_guards(table: str) -> list[Guard]:
    return [
        Guard(
            f"{table}_no_{verb.lower()}",
            table,
            (
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END",
            ),
        )
        for verb in ("UPDATE", "DELETE")
    ]


def _postgres_guards(table: str) -> list[Guard]:
    function = (
        f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{table} is append-only'; END $$"
    )
    trigger = (
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
    )
    return [Guard(f"{table}_append_only", table, (function, trigger))]


# Every table a migration made append-only (grep the migrations for "append-only").
APPEND_ONLY_TABLES = ("audit_log", "enrollment_hours")


def guards_for(dialect: str) -> list[Guard]:
    build = _sqlite_guards if dialect == "sqlite" else _postgres_guards
    return [guard for table in APPEND_ONLY_TABLES for guard in build(table)]


def restore_append_only_guards(db: Database) -> list[str]:
    """Recreates each missing trigger and logs it in the audit log, in one transaction; the names restored."""
    with db.engine.begin() as conn:
        guards = guards_for(conn.dialect.name)
        present = present_triggers(conn, [g.trigger for g in guards])
        missing = [g for g in guards if g.trigger not in present]
        for guard in missing:
            run_ddl(conn, list(guard.ddl))
            log.warning("audit.guard_restored", trigger=guard.trigger, table=guard.table)
        entries = [
            {
                "entity": GUARD_ENTITY,
                "entity_id": guard.trigger,
                "action": "restore",
                "before": None,
                "after": {"trigger": guard.trigger, "table": guard.table},
                "reason": RESTORED_REASON,
                "student_id": None,
            }
            for guard in missing
        ]
        if entries:
            append_entries(conn, entries, actor=GUARD_ACTOR)
    return [g.trigger for g in missing]
