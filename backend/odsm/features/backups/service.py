from __future__ import annotations

import sqlite3
from pathlib import Path

from odsm.core.maintenance_repository import schema_revision
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.features.audit.anchor_check import AuditAnchor
from odsm.features.audit.service import AuditService

from . import repository as repo
from .errors import BackupCheckFailed, BackupEngineUnsupported, BackupFolderMissing, BackupFolderNotWritable
from .schemas import BackupChain, BackupRequest, BackupResult


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
