"""The audit trail's queries (the chain itself is written and verified by core.audit)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Subquery,
    and_,
    cast,
    exists,
    func,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute

from odsm.core.audit import ALSO_CHANGED
from odsm.models import AuditEntry, ClassroomSession, Instructor, Student, Vehicle

from .schemas import AuditFilters


def _lists_student(student_id: int) -> ColumnElement[bool]:
    """An entry of a write that changed several students' records (a class's attendance) has no one
    student; it concerns each student whose record it lists. Its JSON is canonical (sorted keys, no
    spaces), so a listed record's `student_id` reads exactly so, followed by `,` or `}`."""
    listed = [AuditEntry.after.like(f'%"student_id":{student_id}{end}%') for end in (",", "}")]
    return and_(AuditEntry.student_id.is_(None), AuditEntry.after.like(f'%"{ALSO_CHANGED}":%'), or_(*listed))


def _by_person(person: str) -> ColumnElement[bool]:
    """ "staff:3": the staff account at any workstation; "os:jdoe": the OS account while sign-in was off."""
    kind, _, value = person.partition(":")
    if kind == "staff":
        return AuditEntry.actor.like(f"%;staff={int(value)}")
    return AuditEntry.actor == value


def _named(q: str) -> ColumnElement[bool]:
    """The entries about a record whose name holds `q`: a student's (and every record of that student's), an
    instructor's and the classes they teach, a vehicle's."""
    student_ids = select(Student.id).where(_holds(Student.first_name + " " + Student.last_name, q))
    teacher = _holds(Instructor.first_name + " " + Instructor.last_name, q)
    instructors = select(cast(Instructor.id, String)).where(teacher)
    vehicles = select(cast(Vehicle.id, String)).where(
        _holds(Vehicle.make + " " + Vehicle.model + " " + Vehicle.plate, q)
    )
    classes = select(cast(ClassroomSession.id, String)).where(
        ClassroomSession.instructor_id.in_(select(Instructor.id).where(teacher))
    )
    return or_(
        AuditEntry.student_id.in_(student_ids),
        and_(AuditEntry.entity == "instructors", AuditEntry.entity_id.in_(instructors)),
        and_(AuditEntry.entity == "vehicles", AuditEntry.entity_id.in_(vehicles)),
        and_(AuditEntry.entity == "classroom_sessions", AuditEntry.entity_id.in_(classes)),
    )


def _holds(text: ColumnElement[Any] | InstrumentedAttribute[Any], q: str) -> ColumnElement[bool]:
    """`q` (lower case) anywhere in `text`, whatever its case; % and _ in `q` are plain characters."""
    return func.lower(text, type_=String).contains(q, autoescape=True)


def _mentions(q: str) -> ColumnElement[bool]:
    """`q` (already lower case) in the record's name, the reason, or the values the entry recorded."""
    return or_(_named(q), _holds(AuditEntry.reason, q), _holds(AuditEntry.before, q), _holds(AuditEntry.after, q))


def history(f: AuditFilters, since: datetime | None = None, until: datetime | None = None) -> Select[AuditEntry]:
    """The filtered entries. A date range alone reads `ix_audit_log_at`; only `q` reads the entries' JSON."""
    stmt = select(AuditEntry)
    if f.student_id is not None:
        stmt = stmt.where(or_(AuditEntry.student_id == f.student_id, _lists_student(f.student_id)))
    if f.entity is not None:
        stmt = stmt.where(AuditEntry.entity == f.entity)
    if f.person is not None:
        stmt = stmt.where(_by_person(f.person))
    if since is not None:
        stmt = stmt.where(AuditEntry.at >= since)
    if until is not None:
        stmt = stmt.where(AuditEntry.at < until)
    if f.q:
        stmt = stmt.where(_mentions(f.q.lower()))
    return stmt


def before_id(stmt: Select[AuditEntry], last_id: int | None, limit: int) -> Select[AuditEntry]:
    """The next page, newest first, after entry `last_id` (a keyset page, for the CSV of a long log)."""
    if last_id is not None:
        stmt = stmt.where(AuditEntry.id < last_id)
    return stmt.order_by(AuditEntry.id.desc()).limit(limit)


def actors() -> Select[str]:
    """Every actor the log names, once each (read from `ix_audit_log_actor`)."""
    return select(AuditEntry.actor).group_by(AuditEntry.actor)


def entities() -> Select[str]:
    return select(AuditEntry.entity).group_by(AuditEntry.entity)


def page(stmt: Select[AuditEntry], offset: int, limit: int) -> Select[AuditEntry]:
    return stmt.order_by(AuditEntry.id.desc()).offset(offset).limit(limit)


def chain_after(after_id: int, limit: int) -> Select[AuditEntry]:
    """The chain in order from just after `after_id`: a keyset page, as fast at the end as at the start."""
    return select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id).limit(limit)


def count(stmt: Select[AuditEntry]) -> Select[int]:
    return select(func.count()).select_from(stmt.subquery())


def entry_hash_at(entry_id: int) -> Select[str]:
    return select(AuditEntry.hash).where(AuditEntry.id == entry_id)


def entry_count() -> Select[int]:
    return select(func.count()).select_from(AuditEntry)


def _folded_entries(entity: str, dialect: str) -> Select[str, int]:
    """(entity_id, entry id) of each record of `entity` listed inside another record's entry: a write
    that changed several records is one entry, the others under `ALSO_CHANGED` (see core.audit)."""
    marker = AuditEntry.after.like(f'%"{ALSO_CHANGED}":%')
    part_entity: ColumnElement[Any]
    part_id: ColumnElement[Any]
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import JSONB  # imported here: a school on SQLite never loads it

        doc = cast(AuditEntry.after, JSONB).op("->")(ALSO_CHANGED)
        part = func.jsonb_array_elements(doc).table_valued("value").alias("part")
        part_entity, part_id = part.c.value.op("->>")("entity"), part.c.value.op("->>")("entity_id")
    else:
        part = func.json_each(AuditEntry.after, f"$.{ALSO_CHANGED}").table_valued("value").alias("part")
        part_entity = func.json_extract(part.c.value, "$.entity")
        part_id = func.json_extract(part.c.value, "$.entity_id")
    return (
        select(cast(part_id, String).label("entity_id"), AuditEntry.id.label("entry_id"))
        .select_from(AuditEntry)
        .join(part, true())
        .where(marker, part_entity == entity)
    )


def _latest_per_record(entity: str, dialect: str) -> Subquery:
    """Each record's latest entry id, its own or one it is listed in: one grouped pass over the entries."""
    own = select(AuditEntry.entity_id, AuditEntry.id.label("entry_id")).where(AuditEntry.entity == entity)
    both = union_all(own, _folded_entries(entity, dialect)).subquery()
    stmt = select(both.c.entity_id, func.max(both.c.entry_id).label("last_id"))
    return stmt.group_by(both.c.entity_id).subquery()


def live_records_with_last_state(model: type[Any], dialect: str) -> Select[Any]:
    """Every live row with its latest entry's record (entity, id) and `after` (None: no entry at all)."""
    latest = _latest_per_record(model.__tablename__, dialect)
    return (
        select(model, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.after)
        .outerjoin(latest, latest.c.entity_id == cast(model.id, String))
        .outerjoin(AuditEntry, AuditEntry.id == latest.c.last_id)
        .order_by(model.id)
    )


def records_gone_from_table(model: type[Any], dialect: str) -> Select[Any]:
    """Records with entries but no row, with their latest entry's record (entity, id) and `after` (the caller reads
    from them whether the record was deleted through the app)."""
    latest = _latest_per_record(model.__tablename__, dialect)
    row_exists = exists().where(model.id == cast(latest.c.entity_id, Integer))
    return (
        select(latest.c.entity_id, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.after)
        .join(AuditEntry, AuditEntry.id == latest.c.last_id)
        .where(AuditEntry.after.is_not(None), ~row_exists)
        .order_by(latest.c.last_id)
    )


def latest_of_entity(entity: str, limit: int) -> Select[AuditEntry]:
    return select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id.desc()).limit(limit)


def head() -> Select[int, str]:
    return select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
