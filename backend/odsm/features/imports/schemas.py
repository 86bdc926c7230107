from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from odsm.core.bounded import NulFree
from odsm.features.students.schemas import ImportProblem

LocalPath = Annotated[str, StringConstraints(min_length=1, max_length=4096), NulFree]
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
    problems: list[ImportProblem]
    problems_total: int
    # The first valid rows as they will be saved, for the desk to check the mapping by eye.
    sample: list[dict[str, str | None]]


class ImportResult(BaseModel):
    rows_total: int
    imported: int
    already_on_file: int
    problems: list[ImportProblem]
    problems_total: int
