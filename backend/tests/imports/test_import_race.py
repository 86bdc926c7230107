"""Two desks importing the same file at the same moment, each with its own connections: the import lock
(Resource.IMPORT on PostgreSQL; SQLite's one write lock) makes the second wait for the first, then find
its rows on file, so nobody is added twice.

Each desk, once it has read who is on file, waits (up to a second) for the other to have read too. Without
the lock both read "nobody", both add everyone, and the test fails; with it, the second cannot read until
the first has committed, so the first waits out the second and goes on alone."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import pytest

from odsm.app import open_database
from odsm.core.config import Settings
from odsm.core.unit_of_work import Database
from odsm.features.imports.kinds import ImportKind
from odsm.features.imports.progress import Progress
from odsm.features.imports.schemas import ImportRequest, ImportResult
from odsm.features.imports.service import ImportService

from .spreadsheets import student_rows, write_csv
from .test_import_mapping_and_kinds import INSTRUCTOR_HEADINGS


class _MeetAfterReading(Progress):
    """Reports "saving 0" right after the desk has read who is on file: there it waits for the other desk."""

    def __init__(self, meeting: threading.Barrier) -> None:
        self.meeting = meeting

    def report(self, phase: str, done: int, total: int) -> None:
        if phase == "saving" and done == 0:
            # Broken: the other desk is held by the lock, so this one goes on alone.
            with contextlib.suppress(threading.BrokenBarrierError):
                self.meeting.wait(timeout=1.0)


def _race(settings: Settings, kind: ImportKind, file: Path) -> list[ImportResult]:
    meeting = threading.Barrier(2)
    results: list[ImportResult] = []
    errors: list[BaseException] = []
    desks: list[Database] = [open_database(settings), open_database(settings)]

    def desk(db: Database) -> None:
        try:
            results.append(ImportService(db).run(kind, ImportRequest(file=str(file)), _MeetAfterReading(meeting)))
        except BaseException as exc:  # reported by the test below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(db,)) for db in desks]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        for db in desks:
            db.dispose()
    assert not errors, errors
    assert len(results) == 2
    return sorted(results, key=lambda r: r.imported)


@pytest.mark.usefixtures("db")  # builds the schema
def test_two_desks_importing_the_same_students_at_once_add_each_once(settings: Settings, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "students.csv", student_rows(200))
    second, first = _race(settings, ImportKind.students, file)
    assert (first.imported, first.already_on_file) == (200, 0)
    assert (second.imported, second.already_on_file) == (0, 200)
    check = open_database(settings)
    try:
        from odsm.features.students.service import StudentService

        assert StudentService(check).list(None, 0, 1, include_archived=True).total == 200
    finally:
        check.dispose()


@pytest.mark.usefixtures("db")
def test_two_desks_importing_the_same_instructors_at_once_add_each_once(settings: Settings, tmp_path: Path) -> None:
    rows = [[f"Given{n}", f"Family{n}", f"DI-{n:05d}", "2030-03-31", "", ""] for n in range(1, 51)]
    file = write_csv(tmp_path / "instructors.csv", rows, headings=INSTRUCTOR_HEADINGS)
    second, first = _race(settings, ImportKind.instructors, file)
    assert (first.imported, second.imported, second.already_on_file) == (50, 0, 50)
