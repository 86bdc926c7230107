"""Per-resource locks for the rules that stop double-booking, held until the write's transaction ends.

SQLite needs none: every write begins IMMEDIATE and so holds the database's one write lock (engine.py).
PostgreSQL runs writes at READ COMMITTED, where two workstations could each ask "is the instructor free
at 9?", both hear yes, and both insert. So a write that checks a calendar first takes one transaction-level
advisory lock per resource it checks (`pg_advisory_xact_lock(kind, id)`). Two writers on the same
instructor, vehicle or student queue; writers on other resources run side by side. The lock is released at
commit, and the next writer's checks (READ COMMITTED: a fresh snapshot per statement) see the winner's row.

Why advisory locks, not SERIALIZABLE with the retry on 40001: fifty desks racing for one slot would all run
their checks, all but one fail at commit, and retry, again and again; past `db_retry_attempts` a loser would
answer `database_busy` instead of the double-booking refusal it should get. A lock makes each loser wait its
turn and then read the winner's lesson, so its answer is the right refusal at the first attempt. Row locks
(SELECT ... FOR UPDATE) cannot serve: the free slot being claimed has no row to lock yet.

Locks are taken in one fixed order, kind then id, all at once (or, where a write must read to know what it
locks, in increasing kind), so two writers never wait on each other in a cycle; should PostgreSQL still find
a deadlock (40P01), the unit of work retries it like a serialization failure.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

T = TypeVar("T")


class Resource(IntEnum):
    """What a calendar rule checks; the value is the lock's first key and fixes the order."""

    CLASSROOM_SESSION = 1
    ENROLLMENT = 2
    INSTRUCTOR = 3
    VEHICLE = 4
    STUDENT = 5
    # A spreadsheet import, by what it imports (ImportLock): two desks importing the same file at once
    # would each read "nobody on file" and both add everyone. The second waits, then finds the first's rows.
    IMPORT = 6
    # An MTO reference being recorded, by `reference_lock_id`: two desks certifying two students under the
    # same new reference would each find it free. The second waits, then finds the first's.
    MTO_REFERENCE = 7
    # A settings table's one row, while it does not exist yet (`one_row`): two desks' first writes on a new
    # school would each find no row and both insert it. The second waits, then finds the first's. Last in
    # the order, as a booking reads its settings after locking the calendars it checks. A write that made a
    # settings row before locking a calendar could meet a cycle only during a new school's first writes;
    # PostgreSQL ends it (40P01) and the unit of work runs it again.
    SCHOOL_SETTINGS = 8
    REMINDER_SETTINGS = 9
    SIGN_IN_SETTINGS = 10
    ROAD_TEST_SETTINGS = 11


class ImportLock(IntEnum):
    """The id of the import lock (Resource.IMPORT, id) by what the file holds."""

    STUDENTS = 1
    INSTRUCTORS = 2
    VEHICLES = 3


def reference_lock_id(reference: str) -> int:
    """A lock id for a reference typed by a person, the same whatever its case or surrounding spaces."""
    return zlib.crc32(reference.strip().upper().encode()) & 0x7FFFFFFF


def lock_resources(session: Session, resources: Iterable[tuple[Resource, int | None]]) -> None:
    """Waits for, then holds until commit or rollback, the lock of each resource (None ids are skipped)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for kind, resource_id in sorted({(kind, rid) for kind, rid in resources if rid is not None}):
        session.execute(text("SELECT pg_advisory_xact_lock(:kind, :id)"), {"kind": int(kind), "id": resource_id})


def one_row(s: Session, lock: Resource, find: Callable[[], T | None], make: Callable[[], T]) -> T:
    """A settings table's one row (`find` reads it), made with `make` on first read. Another desk may be
    making it at this moment: its lock makes this wait for that desk's commit, and then this finds its row
    (READ COMMITTED: a new statement sees what committed meanwhile) instead of adding a second one."""
    row = find()
    if row is None:
        lock_resources(s, [(lock, 1)])
        row = find()
    if row is None:
        row = make()
        s.add(row)
        s.flush()
    return row
