from __future__ import annotations

from sqlalchemy.orm import Session

from odsm.core.audit import verify_chain
from odsm.core.unit_of_work import Database

from . import repository as repo
from .schemas import AuditEntryRead, AuditPage, ChainReport


class AuditService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def verify(self) -> ChainReport:
        return self.db.read(lambda s: ChainReport.model_validate(verify_chain(s)))

    def history(self, student_id: int | None, entity: str | None, offset: int, limit: int) -> AuditPage:
        def fn(s: Session) -> AuditPage:
            stmt = repo.history(student_id, entity)
            total = s.scalar(repo.count(stmt)) or 0
            rows = s.scalars(repo.page(stmt, offset, limit)).all()
            return AuditPage(items=[AuditEntryRead.model_validate(r) for r in rows], total=total)

        return self.db.read(fn)
