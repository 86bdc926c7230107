"""The audit trail's queries (the chain itself is written and verified by core.audit)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, Select, String, Subquery, cast, exists, func, select

from odsm.models import AuditEntry


def history(student_id: int | None, entity: str | None) -> Select[AuditEntry]:
    stmt = select(AuditEntry)
    if student_id is not None:
        stmt = stmt.where(AuditEntry.student_id == student_id)
    if entity is not None:
        stmt = stmt.where(AuditEntry.entity == entity)
    return stmt


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


def _latest_per_record(entity: str) -> Subquery:
    """Each record's latest entry id: one grouped pass over the entity's entries."""
    stmt = select(AuditEntry.entity_id, func.max(AuditEntry.id).label("last_id")).where(AuditEntry.entity == entity)
    return stmt.group_by(AuditEntry.entity_id).subquery()


def live_records_with_last_state(model: type[Any]) -> Select[Any, str | None]:
    """Every live row with its latest entry's `after` (None: no entry, or the last one deleted it)."""
    latest = _latest_per_record(model.__tablename__)
    return (
        select(model, AuditEntry.after)
        .outerjoin(latest, latest.c.entity_id == cast(model.id, String))
        .outerjoin(AuditEntry, AuditEntry.id == latest.c.last_id)
        .order_by(model.id)
    )


def records_gone_from_table(model: type[Any]) -> Select[str]:
    """Records whose latest entry says they exist (it has an `after`) but whose row is gone."""
    latest = _latest_per_record(model.__tablename__)
    row_exists = exists().where(model.id == cast(latest.c.entity_id, Integer))
    return (
        select(latest.c.entity_id)
        .join(AuditEntry, AuditEntry.id == latest.c.last_id)
        .where(AuditEntry.after.is_not(None), ~row_exists)
        .order_by(latest.c.last_id)
    )


def latest_of_entity(entity: str, limit: int) -> Select[AuditEntry]:
    return select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id.desc()).limit(limit)


def head() -> Select[int, str]:
    return select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
