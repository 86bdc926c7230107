from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict


class DemoStatus(BaseModel):
    state: Literal["idle", "running", "done", "failed"]
    stage: str
    done: int
    total: int
    database_empty: bool | None = Field(default=None, description="when idle: may the demo be loaded here")
    summary: dict[str, int] | None = None
    error: str | None = None


class DemoLoad(BaseModel):
    model_config = ConfigDict(extra="forbid")

    students: Annotated[int, Strict()] = Field(default=200, ge=10, le=2000)
