from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select
from sqlalchemy.orm import Session

from odsm.core.append_only_guards import GUARD_ENTITY
from odsm.core.audit import split_actor, verify_chain
from odsm.core.durable_files import written_whole
from odsm.core.unit_of_work import Database
from odsm.features.school.service import school_clock_settings
from odsm.features.staff.service import StaffService

from . import audit_csv
from . import repository as repo
from .anchor_check import AuditAnchor, anchor_break
from .errors import AuditCsvNotWritable
from .record_check import record_drift
from .record_names import KINDS, kind_label, record_names

if TYPE_CHECKING:
    from odsm.models import AuditEntry

from .schemas import (
    AuditChainEntry,
    AuditChainPage,
    AuditCsvRequest,
    AuditCsvResult,
    AuditEntryRead,
    AuditFilterOptions,
    AuditFilters,
    AuditHead,
    AuditIntegrity,
    AuditKind,
    AuditPage,
    AuditPerson,
    ChainReport,
    GuardRestored,
)

# The CSV reads the log this many entries at a time, so a long log never sits in memory whole.
CSV_PAGE = 500

# Enough to act on; the total says how many more there are.
DRIFT_SHOWN = 100
GUARD_RESTORES_SHOWN = 20


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    """The start of `day` on the school's clock, in UTC (a DST day is 23 or 25 hours long)."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


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

    def history(self, filters: AuditFilters, offset: int, limit: int) -> AuditPage:
        filters = filters.checked()

        def fn(s: Session) -> AuditPage:
            stmt = self._filtered(s, filters)
            total = s.scalar(repo.count(stmt)) or 0
            rows = s.scalars(repo.page(stmt, offset, limit)).all()
            return AuditPage(items=self._named(s, rows), total=total)

        page = self.db.read(fn)
        return self._with_staff(page)

    @staticmethod
    def _filtered(s: Session, f: AuditFilters) -> Select[Any]:
        """The filters' days as the school's local days, from midnight to midnight (both days included)."""
        since: datetime | None = None
        until: datetime | None = None
        if f.from_day is not None or f.to_day is not None:
            tz = ZoneInfo(school_clock_settings(s)[0])
            since = _midnight(f.from_day, tz) if f.from_day is not None else None
            until = _midnight(f.to_day + timedelta(days=1), tz) if f.to_day is not None else None
        return repo.history(f, since, until)

    @staticmethod
    def _named(s: Session, rows: Sequence[AuditEntry]) -> list[AuditEntryRead]:
        zone, time_format = school_clock_settings(s)
        names = record_names(s, rows, ZoneInfo(zone), time_format)
        items = [AuditEntryRead.model_validate(r) for r in rows]
        for item in items:
            item.entity_label = names.get(item.id, f"#{item.entity_id}")
        return items

    def filter_options(self) -> AuditFilterOptions:
        """The people and the kinds of record the log names, for the screen's pickers."""
        actors, entities = self.db.read(lambda s: (list(s.scalars(repo.actors())), list(s.scalars(repo.entities()))))
        accounts: set[str] = set()
        staff_ids: set[int] = set()
        for actor in actors:
            os_account, staff_id = split_actor(actor)
            if staff_id is None:
                accounts.add(os_account)
            else:
                staff_ids.add(staff_id)
        names = StaffService(self.db).staff_names(staff_ids)
        people = [AuditPerson(key=f"staff:{i}", label=names.get(i, f"Staff account #{i}")) for i in staff_ids]
        people += [AuditPerson(key=f"os:{a}", label=a) for a in accounts]
        people.sort(key=lambda p: p.label.casefold())
        kinds = [AuditKind(entity=e, label=kind_label(e)) for e in entities]
        kinds.sort(key=lambda k: (k.entity not in KINDS, k.label.casefold()))
        return AuditFilterOptions(people=people, kinds=kinds)

    def write_csv(self, request: AuditCsvRequest) -> AuditCsvResult:
        """The filtered entries, newest first, a page at a time, up to the entry that was last when it began
        (so a school that keeps writing meanwhile doesn't stretch it). Written under a temporary name and
        renamed: a file under its real name is always whole."""
        filters = request.filters().checked()
        head = self.db.read(lambda s: s.execute(repo.head()).first())
        zone, fmt = self.db.read(school_clock_settings)
        tz = ZoneInfo(zone)
        rows = 0
        # newline="": the csv module writes its own CRLF line ends; the BOM tells a spreadsheet it is UTF-8.
        with (
            written_whole(request.file, AuditCsvNotWritable) as temp,
            open(temp, "w", encoding="utf-8-sig", newline="") as out,
        ):
            writer = audit_csv.start(out)
            last_id = head[0] + 1 if head else None
            while last_id is not None:
                page = self._csv_page(filters, last_id)
                rows += audit_csv.write_rows(writer, page, tz, fmt)
                last_id = page[-1].id if len(page) == CSV_PAGE else None
        target = Path(request.file)
        return AuditCsvResult(file=str(target), bytes=target.stat().st_size, rows=rows)

    def _csv_page(self, filters: AuditFilters, last_id: int) -> list[AuditEntryRead]:
        def fn(s: Session) -> list[AuditEntryRead]:
            rows = s.scalars(repo.before_id(self._filtered(s, filters), last_id, CSV_PAGE)).all()
            return self._named(s, rows)

        return self._with_staff(AuditPage(items=self.db.read(fn), total=0)).items

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
