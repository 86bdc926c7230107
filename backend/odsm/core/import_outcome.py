"""What saving a spreadsheet's rows comes to, for every feature that can import them (students,
instructors, vehicles): how many were added, how many were already on file, and the rows refused."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

# Told (rows gone through, rows in all) as a feature saves an import, for the progress bar.
RowsDone = Callable[[int, int], None]
# Rows saved per flush: the bar moves as the rows really go in, and memory stays flat.
CHUNK = 500


def no_progress(done: int, total: int) -> None:
    pass


class ImportProblem(BaseModel):
    """One bad cell of an import: the sheet's row as Excel numbers it, the field, the rule."""

    row: int
    field: str
    rule: str
    message: str


class ImportOutcome(BaseModel):
    imported: int = 0
    already_on_file: int = 0
    problems: list[ImportProblem] = []
