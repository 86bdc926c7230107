from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from odsm.core.bounded import LocalPath
from odsm.features.students.schemas import ImportProblem

from .kinds import ImportKind

# Enough to fix a file by; the count says how many more there are.
PROBLEMS_SHOWN = 200
# A spreadsheet wider than this is not a list of people or cars.
MAX_COLUMNS = 200

FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
Token = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{8,64}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class ImportRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file: LocalPath = Field(description="A .csv or .xlsx file main's open dialog returned.")
    mapping: list[FieldName | None] | None = Field(
        default=None,
        max_length=MAX_COLUMNS,
        description="The field each column feeds, in column order (null leaves the column out); "
        "absent: guessed from the headings.",
    )
    expected_sha256: Sha256 | None = Field(
        default=None, description="The preview's sha256: the run refuses a file that has changed since."
    )
    progress_token: Token | None = Field(
        default=None, description="Names the run for GET /system/imports/progress/{token}."
    )


class ColumnMapping(BaseModel):
    column: str
    field: str | None


class ImportField(BaseModel):
    name: str
    required: bool


class ImportPreview(BaseModel):
    kind: ImportKind
    file: str
    encoding: str | None
    sha256: str
    columns: list[ColumnMapping]
    # Every field a column can feed, in the form's order.
    fields: list[ImportField]
    # Required fields no column feeds: the rows are checked once a column is chosen for each.
    missing_fields: list[str]
    rows_total: int
    rows_valid: int
    rows_with_problems: int
    problems: list[ImportProblem]
    problems_total: int
    # The first valid rows as they will be saved, for the desk to check the mapping by eye.
    sample: list[dict[str, str | None]]


class ImportResult(BaseModel):
    kind: ImportKind
    rows_total: int
    imported: int
    already_on_file: int
    rows_with_problems: int
    problems: list[ImportProblem]
    problems_total: int


class ImportProgress(BaseModel):
    phase: str = Field(description="reading, checking, saving or done")
    done: int
    total: int
