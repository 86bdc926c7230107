from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from odsm.core.bounded import LocalPath
from odsm.features.students.schemas import ImportProblem

# Enough to fix a file by; the count says how many more there are.
PROBLEMS_SHOWN = 200


class ImportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: LocalPath = Field(description="A .csv or .xlsx file main's open dialog returned.")


class ColumnMapping(BaseModel):
    column: str
    field: str | None


class ImportPreview(BaseModel):
    file: str
    encoding: str | None
    columns: list[ColumnMapping]
    rows_total: int
    rows_valid: int
    rows_with_problems: int
    problems: list[ImportProblem]
    problems_total: int
    # The first valid rows as they will be saved, for the desk to check the mapping by eye.
    sample: list[dict[str, str | None]]


class ImportResult(BaseModel):
    rows_total: int
    imported: int
    already_on_file: int
    rows_with_problems: int
    problems: list[ImportProblem]
    problems_total: int
