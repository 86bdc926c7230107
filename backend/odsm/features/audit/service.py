from __future__ import annotations

import json

from sqlalchemy.orm import Session

from odsm.core.append_only_guards import GUARD_ENTITY
from odsm.core.audit import split_actor, verify_chain
from odsm.core.unit_of_work import Database
from odsm.features.staff.service import StaffService

from . import repository as repo
from .anchor_check import AuditAnchor, anchor_break
from .record_check import record_drift
from .schemas import (
    AuditChainEntry,
    AuditChainPage,
    AuditEntryRead,
    AuditHead,
    AuditIntegrity,
    AuditPage,
    ChainReport,
    GuardRestored,
)

# Enough to act on; the total says how many more there are.
DRIFT_SHOWN = 100
GUARD_RESTORES_SHOWN = 20


class AuditService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def verify(self, anchor: AuditAnchor | None) -> ChainReport:
        def fn(s: Session) -> ChainReport:
            report = ChainReport.model_validate(verify_chain(s))
            report.anchor_break = anchor_break(s, anchor) if anchor is not None else None
            report.drifted_records, report.drifted_total = record_drift(s, limit=DRIFT_SHOWN)
            report.ok = report.ok and report.anchor_break is None and report.drifted_total == 0
            return report

        return self.db.read(fn)

    def head(self, anchor: AuditAnchor | None) -> AuditHead:
        def fn(s: Session) -> AuditHead:
            last = s.execute(repo.head()).first()
            entry_id, entry_hash = (last[0], last[1]) if last else (None, None)
            broken = anchor_break(s, anchor) if anchor is not None else None
            return AuditHead(entry_id=entry_id, entry_hash=entry_hash, anchor_break=broken)

        return self.db.read(fn)

    def integrity(self) -> AuditIntegrity:
        def fn(s: Session) -> AuditIntegrity:
            entries = s.scalars(repo.latest_of_entity(GUARD_ENTITY, GUARD_RESTORES_SHOWN)).all()
            restored = [
                GuardRestored(trigger=e.entity_id, table=json.loads(e.after or "{}").get("table", ""), restored_at=e.at)
                for e in entries
            ]
            return AuditIntegrity(guards_restored=restored)

        return self.db.read(fn)

    def history(self, student_id: int | None, entity: str | None, offset: int, limit: int) -> AuditPage:
        def fn(s: Session) -> AuditPage:
            stmt = repo.history(student_id, entity)
            total = s.scalar(repo.count(stmt)) or 0
            rows = s.scalars(repo.page(stmt, offset, limit)).all()
            return AuditPage(items=[AuditEntryRead.model_validate(r) for r in rows], total=total)

        page = self.db.read(fn)
        return self._with_staff(page)

    def _with_staff(self, page: AuditPage) -> AuditPage:
        """Each entry's OS account and staff account apart, with the staff account's name."""
        for item in page.items:
            item.os_account, item.staff_account_id = split_actor(item.actor)
        names = StaffService(self.db).staff_names({i.staff_account_id for i in page.items if i.staff_account_id})
        for item in page.items:
            item.staff_name = names.get(item.staff_account_id) if item.staff_account_id else None
        return page

    def chain(self, after_id: int, limit: int) -> AuditChainPage:
        def fn(s: Session) -> AuditChainPage:
            items = [AuditChainEntry.model_validate(r) for r in s.scalars(repo.chain_after(after_id, limit)).all()]
            return AuditChainPage(items=items, next_after_id=items[-1].id if len(items) == limit else None)

        return self.db.read(fn)
