"""The first-run demo school loads in a background thread; the renderer polls its progress."""

from __future__ import annotations

import threading
from dataclasses import asdict
from typing import Literal

import structlog

from odsm.core.unit_of_work import Database

from .builder import load_demo, school_is_empty
from .errors import DemoLoadInProgress, DemoRefused
from .schemas import DemoStatus

log = structlog.get_logger("odsm.demo")

State = Literal["idle", "running", "done", "failed"]


class DemoJob:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._status = DemoStatus(state="idle", stage="", done=0, total=0)

    def status(self) -> DemoStatus:
        with self._lock:
            status = self._status.model_copy()
        if status.state == "idle":
            status.database_empty = school_is_empty(self.db)
        return status

    def start(self, students: int) -> DemoStatus:
        with self._lock:
            if self._status.state == "running":
                raise DemoLoadInProgress()
            if not school_is_empty(self.db):
                raise DemoRefused()
            self._status = DemoStatus(state="running", stage="starting", done=0, total=0)
        threading.Thread(target=self._run, args=(students,), name="demo-load", daemon=True).start()
        return self.status()

    def _progress(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._status = self._status.model_copy(update={"stage": stage, "done": done, "total": total})

    def _run(self, students: int) -> None:
        try:
            summary = load_demo(self.db, students, self._progress)
        except Exception as exc:  # the thread must report, never die silently
            log.exception("demo.failed")
            with self._lock:
                self._status = self._status.model_copy(update={"state": "failed", "error": str(exc)})
            return
        log.info("demo.loaded", **asdict(summary))
        with self._lock:
            self._status = self._status.model_copy(update={"state": "done", "summary": asdict(summary)})
