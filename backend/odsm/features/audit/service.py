from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odsm.core.audit import verify_chain
from odsm.core.unit_of_work import Database
from odsm.models import AuditEntry

from .schemas import AuditEntryRead, AuditPage, ChainReport


class AuditService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def verify(self) -> ChainReport:
        return self.db.read(lambda s: ChainReport.model_validate(verify_chain(s)))

    def history(self, student_id: int | None, entity: str | None, offset: int, limit: int) -> AuditPage:
        def fn(s: Session) -> AuditPage:
            stmt = select(AuditEntry)
            if student_id is not None:
                stmt = stmt.where(AuditEntry.student_id == student_id)
            if entity is not None:
                stmt = stmt.where(AuditEntry.entity == entity)
            total = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = s.scalars(stmt.order_by(AuditEntry.id.desc()).offset(offset).limit(limit)).all()
            return AuditPage(items=[AuditEntryRead.model_validate(r) for r in rows], total=total)

        return self.db.read(fn)
