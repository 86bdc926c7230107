from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from odsm.core.bounded import NulFree

ServerUrl = Annotated[str, StringConstraints(min_length=1, max_length=2000), NulFree]


class MoveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    target_url: ServerUrl = Field(
        description="postgresql+psycopg://user:password@host:port/database?sslmode=… ; an empty database."
    )


class MovedTable(BaseModel):
    table: str
    source_rows: int
    target_rows: int


class MoveResult(BaseModel):
    tables: list[MovedTable]
    total_rows: int
    # The audit chain's last entry hash, the same on both sides (the last entry records the move).
    audit_head: str


MoveState = Literal["idle", "copying", "verifying", "done", "failed"]


class MoveProgressRead(BaseModel):
    state: MoveState
    table: str | None
    rows_done: int
    rows_total: int
