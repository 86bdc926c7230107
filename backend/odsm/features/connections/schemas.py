from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# The driver this app ships (psycopg 3); main builds the URL from the workstation's connection settings.
PostgresUrl = Annotated[
    str, StringConstraints(min_length=1, max_length=2000, pattern=r"^postgresql(\+psycopg)?://[^\x00]+$")
]


class ConnectionTestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: PostgresUrl = Field(description="postgresql+psycopg://user:password@host:port/database?sslmode=...")


class ConnectionTestResult(BaseModel):
    server_version: str = Field(description="e.g. 15.8")
    schema_revision: str | None = Field(description="The app's schema revision there; null where the app never ran.")
    holds_data: bool = Field(description="Whether any table there holds a row (a school already lives there).")
