"""The audit trail's queries (the chain itself is written and verified by core.audit)."""

from __future__ import annotations

from sqlalchemy import Select, func, select

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


def count(stmt: Select[AuditEntry]) -> Select[int]:
    return select(func.count()).select_from(stmt.subquery())
