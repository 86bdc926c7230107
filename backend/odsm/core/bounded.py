"""Bounded types for the API's inputs: every integer, date and string has limits the database can hold.

The limits live in the schemas, so they reach the OpenAPI and the channel manifest, and main refuses a bad
value before any HTTP call. Three classes of input once reached the database and crashed it with a 500:
an integer beyond 64 bits (SQLite's OverflowError), a date in year 1 (overflow converting to UTC or adding
a day), and `null` in an update for a column that can't be null (IntegrityError).

Body integers and booleans are strict: JSON `true` is not the id 1 and `1.0` is not a count. Dates stay
parseable from ISO text (JSON has no date type) but refuse numbers, which lax parsing reads as Unix time.
Path and query parameters arrive as text, so they are parsed, then bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath, PureWindowsPath
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

# Ids are held as JavaScript numbers in main and the renderer: past 2^53 - 1 they lose digits there.
MAX_ID = 2**53 - 1

# Dates of birth reach back past 1900 only for nobody now alive; expiries and deadlines lie decades ahead
# at most. Far from year 1 and year 9999, converting to UTC or adding a day can't overflow, and every year
# has four digits, so ISO text sorts as dates do.
FIRST_YEAR, LAST_YEAR = 1900, 2200
_YEAR_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-"


def _refuse_number(value: Any) -> Any:
    if isinstance(value, int | float):  # bool is an int too
        raise PydanticCustomError("date_type", "Give the date as text, YYYY-MM-DD")
    return value


def _within_school_years(value: date) -> Any:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_range", "The year must be between {first} and {last}", {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return value


def _refuse_nul(value: str) -> str:
    if "\x00" in value:
        raise PydanticCustomError("text_nul", "Text cannot contain a NUL character")
    return value


@dataclass(frozen=True)
class _Published:
    """Publishes a pattern that the validators above enforce, so main's Ajv refuses the same values."""

    pattern: str

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        published = handler(schema)
        published["pattern"] = self.pattern
        return published


_SCHOOL_YEARS = _Published(_YEAR_PATTERN)
SchoolDate = Annotated[date, BeforeValidator(_refuse_number), AfterValidator(_within_school_years), _SCHOOL_YEARS]
SchoolDateTime = Annotated[
    AwareDatetime, BeforeValidator(_refuse_number), AfterValidator(_within_school_years), _SCHOOL_YEARS
]

Id = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
Flag = Annotated[bool, Strict()]
DayMinutes = Annotated[int, Strict(), Field(ge=0, le=24 * 60)]
Cents = Annotated[int, Strict(), Field(ge=0, le=100_000_000)]

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int, Query(ge=1, le=MAX_ID)]
OptionalQueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ID)]


class _NulFreeText:
    """Refuses NUL in text, and publishes that as a pattern for main: SQLite and C strings cut text at NUL."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(_refuse_nul, handler(source))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        published = handler(schema)
        published["pattern"] = "^[^\\u0000]*$"
        return published


# `Annotated[str, Field(max_length=300), NulFree]` for a width the names below don't cover.
NulFree = _NulFreeText()


# By column width. Required text is at least one character; optional text may be empty.
Name = Annotated[str, StringConstraints(min_length=1, max_length=100), NulFree]
Label = Annotated[str, StringConstraints(min_length=1, max_length=200), NulFree]
Code = Annotated[str, StringConstraints(min_length=1, max_length=60), NulFree]
Phone = Annotated[str, StringConstraints(max_length=40), NulFree]
Short = Annotated[str, StringConstraints(max_length=40), NulFree]
Line = Annotated[str, StringConstraints(max_length=200), NulFree]
Address = Annotated[str, StringConstraints(max_length=500), NulFree]
Notes = Annotated[str, StringConstraints(max_length=5000), NulFree]
Zone = Annotated[str, StringConstraints(min_length=1, max_length=60), NulFree]


def _no_default_in_schema(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def omitted() -> Any:
    """The default of an update's field whose column can't hold null: leave it out to keep it, never send null.

    The field's type is not nullable, so `null` is refused as `validation_failed` naming the field. The
    default None only marks "not sent" and is not published, so the schema shows no null anywhere.
    """
    return Field(default=None, json_schema_extra=_no_default_in_schema)


class VersionedChange(BaseModel):
    """A change to a versioned record: the version it was read at (a stale one is a conflict, never an
    overwrite), no field the API does not know, and text without surrounding spaces."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    version: Version


def nul_free(value: str) -> str:
    """For fields with their own validator (a plate, a VIN): the same NUL refusal as the text types."""
    return _refuse_nul(value)


def _absolute(path: str) -> str:
    # A relative path would resolve beside the backend's working directory, which no user ever sees.
    if not PurePath(path).is_absolute() and not PureWindowsPath(path).is_absolute():
        raise ValueError("This must be a full path, such as E:\\Backups or /Volumes/USB, as the app's dialog gives.")
    return path


# A file or folder on this machine, as main's native dialogs give it (never typed by the renderer).
LocalPath = Annotated[str, StringConstraints(min_length=1, max_length=4096), NulFree, AfterValidator(_absolute)]
