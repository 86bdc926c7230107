from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from odsm.core.append_only_guards import restore_append_only_guards
from odsm.core.audit import append_entries
from odsm.core.audit_repository import chain_head
from odsm.core.durable_files import publish
from odsm.core.engine import create_db_engine
from odsm.core.maintenance_repository import schema_revision
from odsm.core.migrations import migrate, script_revisions
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.features.audit.anchor_check import AuditAnchor
from odsm.features.audit.service import AuditService

from . import repository as repo
from .errors import (
    BackupCheckFailed,
    BackupFolderMissing,
    BackupFolderNotWritable,
    RestoreChainBroken,
    RestoreDamaged,
    RestoreFailed,
    RestoreFileMissing,
    RestoreNewerVersion,
    RestoreNotABackup,
)
from .progress import BackupProgress
from .schemas import BackupChain, BackupRequest, BackupResult, RestoreRequest, RestoreResult

# The tables without which a file is not this app's database, whatever its revision.
CORE_TABLES = {"alembic_version", "audit_log", "students"}
RESTORE_ENTITY = "backups"
# The checks a copy passes: integrity, then the audit chain.
CHECKS = 2
log = structlog.get_logger("odsm.backups")


def _no_step(_done: int, _total: int) -> None:
    return None


class BackupService:
    def __init__(self, db: Database, progress: BackupProgress | None = None) -> None:
        self.db = db
        self.progress = progress or BackupProgress()

    def back_up(self, request: BackupRequest) -> BackupResult:
        """Copies the school into the folder, checks the copy, and only then gives it its real name."""
        self.progress.copying(0, 0)
        try:
            result = self._back_up(request)
        except BaseException:
            self.progress.failed()
            raise
        self.progress.done()
        return result

    def _back_up(self, request: BackupRequest) -> BackupResult:
        folder = Path(request.folder)
        if not folder.is_dir():
            raise BackupFolderMissing(details={"field": "folder", "rule": "folder_exists", "folder": request.folder})
        created = utcnow()
        # To the millisecond, so the names sort by time and two quick backups never share one.
        target = _free_name(folder, f"{repo.BACKUP_PREFIX}{created:%Y%m%d-%H%M%S}-{created.microsecond // 1000:03d}")
        temp = folder / f".{target.name}.partial"
        try:
            self._copy_school(temp)
        except (OSError, sqlite3.Error) as exc:
            repo.remove(temp)
            raise BackupFolderNotWritable(
                details={"field": "folder", "rule": "folder_writable", "folder": request.folder, "cause": str(exc)}
            ) from exc
        try:
            integrity, chain, revision = self._check(temp, _anchor(request), self.progress.checking)
            # A copy SQLite finds damaged is worthless. A chain that fails to verify is kept (it is the
            # evidence, copied faithfully) and reported, so main can warn.
            if integrity != "ok":
                raise BackupCheckFailed(details={"field": "folder", "rule": "integrity", "integrity": integrity})
            size = temp.stat().st_size
            publish(temp, target)
        finally:
            repo.remove(temp)
        # Older backups go only when this one verified: after tampering, they are the evidence.
        removed: list[str] = []
        if chain.ok and chain.reaches_anchor is not False:
            for old in repo.backups_in(folder)[: -request.keep]:
                try:
                    repo.remove(old)
                    removed.append(old.name)
                except OSError as exc:  # a sync client or a virus scanner holding it: next time
                    log.warning("backup.not_removed", file=old.name, error=str(exc))
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

        The backup is copied aside, brought up to this version's schema and checked there, before anything
        of the school changes. Then, with every other unit of work held back, the school as it is goes to
        the safety copy and the staged copy goes in as one write transaction: a failure leaves the school as
        it was, and no write can land between the two copies and be lost. The restore is audited."""
        file = Path(request.file)
        if not file.is_file():
            raise RestoreFileMissing(details={"field": "file", "rule": "file_exists", "file": request.file})
        restored_revision = self._check_restorable(file)
        self.db.settings.backup_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.db.settings.backup_dir, prefix=".restore-") as work:
            staged = self._stage(file, Path(work))
            stamp = utcnow()
            safety = self.db.settings.backup_dir / f"{repo.SAFETY_PREFIX}{stamp:%Y%m%d-%H%M%S-%f}{repo.BACKUP_SUFFIX}"
            entry = {
                "entity": RESTORE_ENTITY,
                "entity_id": file.name[:40],
                "action": "restore",
                "after": {"file": str(file), "revision": restored_revision},
                "reason": "Restored from a backup; the records as they were are in the safety copy.",
                "student_id": None,
            }
            with self.db.exclusive():
                try:
                    if self.db.settings.is_sqlite:
                        self._restore_file(staged, safety, entry)
                    else:
                        self._restore_server(staged, safety, entry)
                except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
                    raise RestoreFailed(
                        details={"field": "file", "rule": "copy", "file": request.file, "cause": str(exc)}
                    ) from exc
                restore_append_only_guards(self.db)
        self._prune_safety_copies()
        chain, revision = self._chain_and_revision()
        return RestoreResult(
            file=str(file),
            safety_copy=str(safety),
            restored_revision=restored_revision,
            schema_revision=revision,
            chain=chain,
        )

    def _copy_school(self, target: Path) -> None:
        """The school as one SQLite file: SQLite's online copy, or a server's rows read from one snapshot into
        a file the migrations built."""
        if self.db.settings.is_sqlite:
            repo.copy_database(Path(self.db.engine.url.database or ""), target, self.progress.copying)
            return
        rows = lambda _table, done, total: self.progress.copying(done, total)  # noqa: E731
        with tempfile.TemporaryDirectory(dir=_made(self.db.settings.backup_dir), prefix=".export-") as work:
            built = Path(work) / target.name
            self.db.read(lambda s: repo.export_to_file(repo.snapshot(s), built, self.db.settings, rows))
            repo.copy_database(built, target)

    def _restore_file(self, staged: Path, safety: Path, entry: dict[str, Any]) -> None:
        """SQLite: the safety copy, then the staged pages copied in as one write transaction."""
        live = Path(self.db.engine.url.database or "")
        repo.wait_for_writers(live)
        before = self.db.read(_head)
        repo.copy_database(live, safety)
        repo.copy_into_live(staged, live)
        entry = {**entry, "before": {"head_id": before[0], "head_hash": before[1], "safety_copy": str(safety)}}
        self.db.write(lambda s: append_entries(s.connection(), [entry]))

    def _restore_server(self, staged: Path, safety: Path, entry: dict[str, Any]) -> None:
        """PostgreSQL: one transaction holds every workstation's writes back, writes the safety copy from what
        it reads, empties the tables, copies the staged rows in and records the restore; it commits whole or
        not at all. Straight on the engine: this thread holds the maintenance gate."""
        with self.db.engine.begin() as conn:
            repo.hold_server_writers(conn)
            before = chain_head(conn) or (None, None)
            repo.export_to_file(conn, safety, self.db.settings)
            repo.replace_rows_from_file(conn, staged)
            entry = {**entry, "before": {"head_id": before[0], "head_hash": before[1], "safety_copy": str(safety)}}
            append_entries(conn, [entry])

    def _prune_safety_copies(self) -> None:
        """After a restore that succeeded: the newest safety copies stay, the older ones go."""
        for old in repo.safety_copies_in(self.db.settings.backup_dir)[: -self.db.settings.safety_copies_kept]:
            try:
                repo.remove(old)
                log.info("restore.safety_copy_removed", file=old.name)
            except OSError as exc:  # a virus scanner holding it: after the next restore
                log.warning("restore.safety_copy_not_removed", file=old.name, error=str(exc))

    def _chain_and_revision(self) -> tuple[BackupChain, str | None]:
        """The school's chain and revision after a restore, on either engine."""
        live = self.db.settings.sqlite_path
        if live is not None:
            _, chain, revision = self._check(live, None)
            return chain, revision
        report = AuditService(self.db).verify(None)
        chain = BackupChain(
            ok=report.ok,
            first_broken_id=report.first_broken_id,
            entries=report.checked,
            head_id=report.head_id,
            head_hash=report.head_hash,
            reaches_anchor=None,
        )
        return chain, self.db.read(lambda s: schema_revision(s.connection()))

    def _stage(self, file: Path, work: Path) -> Path:
        """The backup copied into `work`, migrated to this version's schema, its audit chain verified there."""
        settings = self.db.settings.model_copy(update={"data_dir": work, "database_url": ""})
        staged = settings.sqlite_path
        assert staged is not None  # a SQLite URL, by construction
        repo.copy_database(file, staged)
        engine = create_db_engine(settings)
        try:
            migrate(settings, engine)
        finally:
            engine.dispose()
        repo.make_standalone(staged)
        _, chain, _ = self._check(staged, None)
        if chain.first_broken_id is not None:
            raise RestoreChainBroken(details={"field": "file", "rule": "audit_chain", "file": str(file)})
        return staged

    def _check_restorable(self, file: Path) -> str:
        """Refuses, by name, a file that is not a backup, is damaged, or comes from a newer app."""
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
        return revision

    def _check(
        self, copy: Path, anchor: AuditAnchor | None, step: Callable[[int, int], None] = _no_step
    ) -> tuple[str, BackupChain, str | None]:
        """The copy's integrity, then its audit chain; `step` hears (checks made, checks in all)."""
        step(0, CHECKS)
        integrity = repo.integrity_of(copy)
        step(1, CHECKS)
        engine = repo.read_only_engine(copy)
        try:
            report = AuditService(Database(self.db.settings, engine)).verify(anchor)
            with engine.connect() as conn:
                revision = schema_revision(conn)
        finally:
            engine.dispose()
        step(CHECKS, CHECKS)
        chain = BackupChain(
            ok=report.first_broken_id is None and report.drifted_total == 0,
            first_broken_id=report.first_broken_id,
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


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _head(s: Session) -> tuple[int | None, str | None]:
    head = chain_head(s.connection())
    return (None, None) if head is None else head
