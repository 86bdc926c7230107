"""Students, instructors or vehicles from a school's spreadsheet: read, map (as guessed, or as the person
chose), validate every row with the form's own rules, then import the good rows in one transaction (the
feature's service skips anything already on file). The run checks the file is still the one previewed."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from odsm.core.import_outcome import ImportOutcome, ImportProblem
from odsm.core.unit_of_work import Database
from odsm.features.instructors.service import InstructorService
from odsm.features.students.service import StudentService
from odsm.features.vehicles.service import VehicleService

from .errors import (
    ImportColumnsMissing,
    ImportFileChanged,
    ImportFileMissing,
    ImportFileUnreadable,
    ImportMappingInvalid,
)
from .kinds import SPECS, ImportKind, KindSpec
from .mapping import guess_mapping, mapping_problem
from .progress import Progress
from .reader import Cell, Table, UnreadableFile, read_table
from .schemas import PROBLEMS_SHOWN, ColumnMapping, ImportField, ImportPreview, ImportRequest, ImportResult

SAMPLE_ROWS = 5
Rows = list[tuple[int, BaseModel]]
Checked = tuple[Rows, list[ImportProblem]]


class _CheckedFiles:
    """The rows a preview checked, by what fixes them: the kind, the file's sha256 and the mapping. The run
    of the same bytes with the same mapping saves those rows without checking them again (the rules read
    the row alone, never the database). A few previews are kept; a restart keeps none."""

    KEPT = 4

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._checked: OrderedDict[tuple[str, str, tuple[str | None, ...]], Checked] = OrderedDict()

    def get(self, key: tuple[str, str, tuple[str | None, ...]]) -> Checked | None:
        with self._lock:
            return self._checked.get(key)

    def put(self, key: tuple[str, str, tuple[str | None, ...]], checked: Checked) -> None:
        with self._lock:
            self._checked[key] = checked
            self._checked.move_to_end(key)
            while len(self._checked) > self.KEPT:
                self._checked.popitem(last=False)


_CHECKED = _CheckedFiles()


@dataclass(frozen=True)
class _Opened:
    spec: KindSpec
    table: Table
    fields: list[str | None]
    missing: list[str]


class ImportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def preview(self, kind: ImportKind, request: ImportRequest) -> ImportPreview:
        opened = _open(kind, request)
        spec, table = opened.spec, opened.table
        valid, problems = ([], []) if opened.missing else _checked(kind, opened, Progress(), keep=True)
        return ImportPreview(
            kind=kind,
            file=request.file,
            encoding=table.encoding,
            sha256=table.sha256,
            columns=[ColumnMapping(column=h, field=f) for h, f in zip(table.headings, opened.fields, strict=True)],
            fields=[ImportField(name=f, required=f in spec.required) for f in spec.fields],
            missing_fields=opened.missing,
            rows_total=len(table.rows),
            rows_valid=len(valid),
            rows_with_problems=len({p.row for p in problems}),
            problems=problems[:PROBLEMS_SHOWN],
            problems_total=len(problems),
            sample=[
                {k: None if v is None else str(v) for k, v in data.model_dump(include=set(spec.sample)).items()}
                for _, data in valid[:SAMPLE_ROWS]
            ],
        )

    def run(self, kind: ImportKind, request: ImportRequest, progress: Progress | None = None) -> ImportResult:
        report = progress or Progress()
        opened = _open(kind, request)
        table = opened.table
        if request.expected_sha256 is not None and request.expected_sha256 != table.sha256:
            name = Path(request.file).name
            raise ImportFileChanged(
                f"{name} has changed since its preview. Nothing was imported: check the new preview, then import.",
                details={"field": "file", "rule": "unchanged_since_preview", "file": name},
            )
        if opened.missing:
            raise ImportColumnsMissing(
                details={"field": "mapping", "rule": "required_columns", "missing": opened.missing}
            )
        valid, problems = _checked(kind, opened, report, keep=False)
        outcome = self._save(kind, valid, Path(request.file).name, report)
        every = sorted(problems + outcome.problems, key=lambda p: p.row)
        report.report("done", len(table.rows), len(table.rows))
        return ImportResult(
            kind=kind,
            rows_total=len(table.rows),
            imported=outcome.imported,
            already_on_file=outcome.already_on_file,
            rows_with_problems=len({p.row for p in every}),
            problems=every[:PROBLEMS_SHOWN],
            problems_total=len(every),
        )

    def _save(self, kind: ImportKind, valid: Rows, source: str, report: Progress) -> ImportOutcome:
        def saved(done: int, total: int) -> None:
            if done in (0, total):
                report.report("saving", done, total)
            else:
                report.every("saving", done, total)

        rows: Sequence[Any] = valid
        if kind is ImportKind.students:
            return StudentService(self.db).import_many(rows, source=source, progress=saved)
        if kind is ImportKind.instructors:
            return InstructorService(self.db).import_many(rows, source=source, progress=saved)
        return VehicleService(self.db).import_many(rows, source=source, progress=saved)


def _open(kind: ImportKind, request: ImportRequest) -> _Opened:
    spec = SPECS[kind]
    path = Path(request.file)
    if not path.is_file():
        raise ImportFileMissing(details={"field": "file", "rule": "file_exists", "file": request.file})
    try:
        table = read_table(path)
    except UnreadableFile as exc:
        raise ImportFileUnreadable(str(exc), details={"field": "file", "rule": exc.rule, "file": request.file}) from exc
    if request.mapping is None:
        fields = guess_mapping(table.headings, spec)
    else:
        fields = list(request.mapping)
        problem = mapping_problem(fields, table.headings, spec)
        if problem is not None:
            raise ImportMappingInvalid(details={"field": "mapping", **problem})
    missing = [f for f in spec.required if f not in fields]
    return _Opened(spec, table, fields, missing)


def _checked(kind: ImportKind, opened: _Opened, report: Progress, keep: bool) -> Checked:
    key = (kind.value, opened.table.sha256, tuple(opened.fields))
    known = _CHECKED.get(key)
    if known is not None:
        report.report("checking", len(opened.table.rows), len(opened.table.rows))
        return known
    checked = _validate(opened.spec, opened.table, opened.fields, report)
    if keep:
        _CHECKED.put(key, checked)
    return checked


def _validate(
    spec: KindSpec, table: Table, fields: list[str | None], report: Progress
) -> tuple[Rows, list[ImportProblem]]:
    valid: Rows = []
    problems: list[ImportProblem] = []
    total = len(table.rows)
    report.report("checking", 0, total)
    for done, (number, cells) in enumerate(table.rows, start=1):
        data = {f: _value(spec, f, c) for f, c in zip(fields, cells, strict=False) if f is not None and c is not None}
        try:
            valid.append((number, spec.schema.model_validate(data)))
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else "row"
                problems.append(ImportProblem(row=number, field=field, rule=error["type"], message=_in_words(error)))
        report.every("checking", done, total)
    return valid, problems


# Pydantic's wording for the commonest slips, in the desk's words (the rule keeps pydantic's stable name).
_WORDS = {
    "missing": "This cell is empty, and the field is required.",
    "date_parsing": "Write the date as year-month-day, such as 2008-03-15.",
    "date_from_datetime_parsing": "Write the date as year-month-day, such as 2008-03-15.",
    "date_type": "Write the date as year-month-day, such as 2008-03-15.",
    "bool_type": "Write yes or no.",
    "int_type": "Write a whole number, such as 2021.",
}


def _in_words(error: Any) -> str:
    words = _WORDS.get(error["type"])
    if words:
        return words
    if error["type"] == "enum":
        return f"Write one of {error.get('ctx', {}).get('expected', 'the values the form offers')}."
    message = str(error["msg"])
    for prefix in ("Value error, ", "value is not a valid email address: "):
        message = message.removeprefix(prefix)
    return message


_YES = {"yes", "y", "true", "1", "x", "oui", "o", "vrai"}
_NO = {"no", "n", "false", "0", "non", "faux"}
_WHOLE = re.compile(r"^[0-9]{1,9}$")


def _value(spec: KindSpec, field: str, cell: Cell) -> Any:
    if isinstance(cell, date):
        return cell.isoformat()
    text = str(cell)
    if field in spec.dates:
        # Excel writes a date cell typed as text in a CSV with slashes; ISO is the one order nobody misreads.
        if len(text) >= 10 and text[4] == "/" and text[7] == "/":
            return text[:10].replace("/", "-")
        return text
    if field in spec.yes_no:
        word = text.strip().lower()
        return True if word in _YES else False if word in _NO else text
    if field in spec.whole_numbers:
        plain = text.strip().replace(" ", "")
        return int(plain) if _WHOLE.match(plain) else text
    if field in spec.lower_case:
        return text.strip().lower()
    return text
