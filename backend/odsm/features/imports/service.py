"""Students from a school's spreadsheet: read, map, validate every row with the form's own rules, then
import the good rows in one transaction (the students service skips anyone already on file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from odsm.core.unit_of_work import Database
from odsm.features.students.schemas import ImportProblem, StudentCreate
from odsm.features.students.service import StudentService

from .errors import ImportColumnsMissing, ImportFileMissing, ImportFileUnreadable
from .mapping import DATE_FIELDS, guess_mapping
from .reader import Cell, Table, UnreadableFile, read_table
from .schemas import PROBLEMS_SHOWN, ColumnMapping, ImportPreview, ImportResult

REQUIRED = ("first_name", "last_name", "date_of_birth")
SAMPLE_ROWS = 5


class ImportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def preview(self, file: str) -> ImportPreview:
        table, fields = self._open(file)
        valid, problems = _validate(table, fields)
        return ImportPreview(
            file=file,
            encoding=table.encoding,
            columns=[ColumnMapping(column=h, field=f) for h, f in zip(table.headings, fields, strict=False)],
            rows_total=len(table.rows),
            rows_valid=len(valid),
            rows_with_problems=len({p.row for p in problems}),
            problems=problems[:PROBLEMS_SHOWN],
            problems_total=len(problems),
            sample=[
                {
                    k: None if v is None else str(v)
                    for k, v in data.model_dump(include=set(REQUIRED) | {"phone", "licence_number"}).items()
                }
                for _, data in valid[:SAMPLE_ROWS]
            ],
        )

    def run(self, file: str) -> ImportResult:
        table, fields = self._open(file)
        valid, problems = _validate(table, fields)
        outcome = StudentService(self.db).import_many(valid, source=Path(file).name)
        every = sorted(problems + outcome.problems, key=lambda p: p.row)
        return ImportResult(
            rows_total=len(table.rows),
            imported=outcome.imported,
            already_on_file=outcome.already_on_file,
            rows_with_problems=len({p.row for p in every}),
            problems=every[:PROBLEMS_SHOWN],
            problems_total=len(every),
        )

    @staticmethod
    def _open(file: str) -> tuple[Table, list[str | None]]:
        path = Path(file)
        if not path.is_file():
            raise ImportFileMissing(details={"field": "file", "rule": "file_exists", "file": file})
        try:
            table = read_table(path)
        except UnreadableFile as exc:
            raise ImportFileUnreadable(str(exc), details={"field": "file", "rule": exc.rule, "file": file}) from exc
        fields = guess_mapping(table.headings)
        missing = [f for f in REQUIRED if f not in fields]
        if missing:
            raise ImportColumnsMissing(
                details={"field": "file", "rule": "required_columns", "missing": missing, "headings": table.headings}
            )
        return table, fields


def _validate(table: Table, fields: list[str | None]) -> tuple[list[tuple[int, StudentCreate]], list[ImportProblem]]:
    valid: list[tuple[int, StudentCreate]] = []
    problems: list[ImportProblem] = []
    for number, cells in table.rows:
        data = {f: _value(f, c) for f, c in zip(fields, cells, strict=False) if f is not None and c is not None}
        try:
            valid.append((number, StudentCreate.model_validate(data)))
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else "row"
                problems.append(ImportProblem(row=number, field=field, rule=error["type"], message=_in_words(error)))
    return valid, problems


# Pydantic's wording for the commonest slips, in the desk's words (the rule keeps pydantic's stable name).
_WORDS = {
    "missing": "This cell is empty, and the field is required.",
    "date_parsing": "Write the date as year-month-day, such as 2008-03-15.",
    "date_from_datetime_parsing": "Write the date as year-month-day, such as 2008-03-15.",
    "enum": "Use one of the values the form offers.",
}


def _in_words(error: Any) -> str:
    words = _WORDS.get(error["type"])
    if words:
        return words
    message = str(error["msg"])
    for prefix in ("Value error, ", "value is not a valid email address: "):
        message = message.removeprefix(prefix)
    return message


def _value(field: str, cell: Cell) -> str:
    if isinstance(cell, date):
        return cell.isoformat()
    text = str(cell)
    # Excel writes a date cell typed as text in a CSV with slashes; ISO is the one order nobody misreads.
    if field in DATE_FIELDS and len(text) >= 10 and text[4] == "/" and text[7] == "/":
        return text[:10].replace("/", "-")
    return text
