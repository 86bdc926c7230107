from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.orm import Session

from odsm.core.append_only_guards import restore_append_only_guards
from odsm.core.audit import append_entries
from odsm.core.audit_repository import chain_head
from odsm.core.maintenance_repository import schema_revision
from odsm.core.migrations import migrate, script_revisions
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.features.audit.anchor_check import AuditAnchor
from odsm.features.audit.service import AuditService

from . import repository as repo
from .errors import (
    BackupCheckFailed,
    BackupEngineUnsupported,
    BackupFolderMissing,
    BackupFolderNotWritable,
    RestoreChainBroken,
    RestoreDamaged,
    RestoreFileMissing,
    RestoreNewerVersion,
    RestoreNotABackup,
)
from .schemas import BackupChain, BackupRequest, BackupResult, RestoreRequest, RestoreResult

# The tables without which a file is not this app's database, whatever its revision.
CORE_TABLES = {"alembic_version", "audit_log", "students"}
RESTORE_ENTITY = "backups"


class BackupService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def back_up(self, request: BackupRequest) -> BackupResult:
        """Copies the school into the folder, checks the copy, and only then gives it its real name."""
        if not self.db.settings.is_sqlite:
            raise BackupEngineUnsupported(details={"engine": self.db.engine.dialect.name})
        folder = Path(request.folder)
        if not folder.is_dir():
            raise BackupFolderMissing(details={"field": "folder", "rule": "folder_exists", "folder": request.folder})
        created = utcnow()
        # To the millisecond, so the names sort by time and two quick backups never share one.
        target = _free_name(folder, f"{repo.BACKUP_PREFIX}{created:%Y%m%d-%H%M%S}-{created.microsecond // 1000:03d}")
        temp = folder / f".{target.name}.partial"
        try:
            repo.copy_database(Path(self.db.engine.url.database or ""), temp)
        except (OSError, sqlite3.Error) as exc:
            repo.remove(temp)
            raise BackupFolderNotWritable(
                details={"field": "folder", "rule": "folder_writable", "folder": request.folder, "cause": str(exc)}
            ) from exc
        try:
            integrity, chain, revision = self._check(temp, _anchor(request))
            # A copy SQLite finds damaged is worthless. A chain that fails to verify is kept (it is the
            # evidence, copied faithfully) and reported, so main can warn.
            if integrity != "ok":
                raise BackupCheckFailed(details={"integrity": integrity})
            size = temp.stat().st_size
            repo.publish(temp, target)
        finally:
            repo.remove(temp)
        removed = [p.name for p in repo.backups_in(folder)[: -request.keep]]
        for name in removed:
            repo.remove(folder / name)
        return BackupResult(
            file=str(target),
            bytes=size,
            created_at=created,
            schema_revision=revision,
            integrity=integrity,
            chain=chain,
            removed=removed,
        )

    def restore(self, request: RestoreRequest) -> RestoreResult:
        """Puts a checked backup in place of the school, keeping the school as it was in a safety copy.

        Every check runs before anything changes; the copy into the live file is one write transaction,
        so a failure part way leaves the school as it was. The restore itself goes in the audit log."""
        if not self.db.settings.is_sqlite:
            raise BackupEngineUnsupported(details={"engine": self.db.engine.dialect.name})
        file = Path(request.file)
        if not file.is_file():
            raise RestoreFileMissing(details={"field": "file", "rule": "file_exists", "file": request.file})
        restored_revision = self._check_restorable(file)
        live = Path(self.db.engine.url.database or "")
        before = self.db.read(_head)
        stamp = utcnow()
        safety = self.db.settings.backup_dir / f"before-restore-{stamp:%Y%m%d-%H%M%S}-{stamp.microsecond:06d}.sqlite3"
        safety.parent.mkdir(parents=True, exist_ok=True)
        repo.copy_database(live, safety)
        repo.copy_into_live(file, live)
        # An older backup is brought up to this version's schema (migrate keeps its own copy first).
        migrate(self.db.settings, self.db.engine)
        restore_append_only_guards(self.db)
        entry = {
            "entity": RESTORE_ENTITY,
            "entity_id": file.name[:40],
            "action": "restore",
            "before": {"head_id": before[0], "head_hash": before[1], "safety_copy": str(safety)},
            "after": {"file": str(file), "revision": restored_revision},
            "reason": "Restored from a backup; the records before are in the safety copy.",
            "student_id": None,
        }
        self.db.write(lambda s: append_entries(s.connection(), [entry]))
        _, chain, revision = self._check(live, None)
        return RestoreResult(
            file=str(file),
            safety_copy=str(safety),
            restored_revision=restored_revision,
            schema_revision=revision,
            chain=chain,
        )

    def _check_restorable(self, file: Path) -> str:
        """Refuses, by name, a file that is not a backup, is damaged, comes from a newer app, or was tampered with."""
        details = {"field": "file", "file": str(file)}
        try:
            tables, revision = repo.tables_and_revision(file)
            integrity = repo.integrity_of(file)
        except sqlite3.DatabaseError as exc:
            if repo.looks_like_sqlite(file):
                raise RestoreDamaged(details={**details, "rule": "integrity", "integrity": str(exc)}) from exc
            raise RestoreNotABackup(details={**details, "rule": "sqlite_file", "cause": str(exc)}) from exc
        if not tables >= CORE_TABLES or revision is None:
            raise RestoreNotABackup(details={**details, "rule": "odsm_database"})
        if revision not in script_revisions():
            raise RestoreNewerVersion(details={**details, "rule": "known_revision", "revision": revision})
        if integrity != "ok":
            raise RestoreDamaged(details={**details, "rule": "integrity", "integrity": integrity})
        _, chain, _ = self._check(file, None)
        if not chain.ok:
            raise RestoreChainBroken(details={**details, "rule": "audit_chain"})
        return revision

    def _check(self, copy: Path, anchor: AuditAnchor | None) -> tuple[str, BackupChain, str | None]:
        integrity = repo.integrity_of(copy)
        engine = repo.read_only_engine(copy)
        try:
            report = AuditService(Database(self.db.settings, engine)).verify(anchor)
            with engine.connect() as conn:
                revision = schema_revision(conn)
        finally:
            engine.dispose()
        chain = BackupChain(
            ok=report.first_broken_id is None and report.drifted_total == 0,
            entries=report.checked,
            head_id=report.head_id,
            head_hash=report.head_hash,
            reaches_anchor=None if anchor is None else report.anchor_break is None,
        )
        return integrity, chain, revision


def _anchor(request: BackupRequest) -> AuditAnchor | None:
    if request.anchor_id is None or request.anchor_hash is None:
        return None
    return AuditAnchor(entry_id=request.anchor_id, entry_hash=request.anchor_hash)


def _free_name(folder: Path, stem: str) -> Path:
    """Never overwrites: a second backup in the same second gets a suffix."""
    target, n = folder / f"{stem}{repo.BACKUP_SUFFIX}", 2
    while target.exists():
        target, n = folder / f"{stem}-{n}{repo.BACKUP_SUFFIX}", n + 1
    return target


def _head(s: Session) -> tuple[int | None, str | None]:
    head = chain_head(s.connection())
    return (None, None) if head is None else head
