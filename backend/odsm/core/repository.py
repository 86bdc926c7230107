"""The base of every feature's repository: one aggregate's queries, run in the caller's session.

A feature's `repository.py` subclasses `Repository[Model]` and owns every `select()` of that aggregate; the
service decides what to do with the rows. What every repository needs lives here once: `load` (a
primary-key read that refuses with the feature's own not-found error), `RetirableRepository.listed` (the
list of records retired rather than deleted) and `overlaps` (the one definition of "two time spans
overlap", which every overlap query shares).

This module imports SQLAlchemy and `odsm.core.errors` alone, so any feature may build on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from odsm.core.errors import AppError

M = TypeVar("M")


class Repository(Generic[M]):
    """`LessonRepository(s).load(lesson_id)`: the lesson, or `LessonNotFound` naming `lesson_id`."""

    model: ClassVar[type[Any]]
    # What `load` refuses with, and the detail that names the id.
    not_found: ClassVar[type[AppError]]
    id_name: ClassVar[str]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, id: int) -> M | None:
        row: M | None = self.session.get(self.model, id)
        return row

    def get_or_raise(self, id: int, error: type[AppError], detail: str) -> M:
        """The row with that primary key, or `error(details={detail: id})`."""
        row = self.get(id)
        if row is None:
            raise error(details={detail: id})
        return row

    def load(self, id: int) -> M:
        return self.get_or_raise(id, self.not_found, self.id_name)

    def rows_and_total(self, stmt: Select[M], *order_by: Any) -> tuple[Sequence[M], int]:
        """The rows of `stmt` in that order, and how many there are (counted without the ordering)."""
        rows = self.session.scalars(stmt.order_by(*order_by)).all()
        total = self.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        return rows, total


class RetirableRepository(Repository[M]):
    """The records of a model retired rather than deleted: an `active` flag, and lists that leave the
    retired out unless asked."""

    listing_order: ClassVar[tuple[Any, ...]]

    def listed(self, include_inactive: bool) -> tuple[Sequence[M], int]:
        stmt = select(self.model)
        if not include_inactive:
            stmt = stmt.where(self.model.active.is_(True))
        return self.rows_and_total(stmt, *self.listing_order)


def overlaps(
    start_col: InstrumentedAttribute[datetime],
    end_col: InstrumentedAttribute[datetime],
    start: datetime,
    end: datetime,
    *,
    longest: timedelta | None = None,
) -> ColumnElement[bool]:
    """Rows whose [start_col, end_col) overlaps [start, end). Touching spans (end == start) do not overlap.

    `longest`, the longest a row may last, bounds `start_col` on both sides as well: an index on
    (owner, start_col) then answers with a range scan instead of reading every earlier row.
    """
    condition = and_(start_col < end, end_col > start)
    if longest is not None:
        condition = and_(condition, start_col > start - longest)
    return condition
