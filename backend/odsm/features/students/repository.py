"""select() statements for students; the service runs them inside its unit of work.

Search matches the START of the first or last name, of the licence number, or of the phone number (with or
without its area code). Each is an index range scan (`term <= key < prefix_upper_bound(term)`), which both
SQLite and PostgreSQL answer from a plain B-tree index: a search stays fast at 100,000 students, where a
`LIKE '%term%'` would read every row. Names are compared folded (see search_keys.fold): accents and case
do not count.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from odsm.models import Student

from .search_keys import digits_of, fold, prefix_upper_bound


def _prefix(column: Any, term: str) -> ColumnElement[bool]:
    condition: ColumnElement[bool] = column >= term
    bound = prefix_upper_bound(term)
    if bound is not None:
        condition = condition & (column < bound)
    return condition


def _name_conditions(term: str) -> list[ColumnElement[bool]]:
    """A term typed with a space matches word for word: "ben tr" finds Ben Tremblay, not Bent Rasmussen.
    A term without one matches the names with their spaces taken out: a Chinese name is typed run together
    ("王小明" and "小明王" find 王 小明), and so is a compound surname ("desouza" finds de Souza). A one-word
    term finds all it found before, plus a name it runs over ("bent" also finds Ben Tremblay). Either way it
    is one range scan on each of two keys.
    """
    if " " in term:
        return [_prefix(Student.search_first_last, term), _prefix(Student.search_last_first, term)]
    return [_prefix(Student.search_first_last_joined, term), _prefix(Student.search_last_first_joined, term)]


def _search(q: str) -> ColumnElement[bool] | None:
    term = fold(q)
    if not term:
        return None
    conditions = _name_conditions(term)
    compact = term.replace("-", "").replace(" ", "").upper()
    if compact[:1].isalpha() and compact[1:].isdigit():
        conditions.append(_prefix(Student.licence_number, compact))
    digits = digits_of(term)
    if len(digits) >= 3 and len(digits) >= len(term.replace(" ", "")) - 4:
        conditions += [_prefix(Student.phone_digits, digits), _prefix(Student.phone_local, digits)]
    return or_(*conditions)


def filtered(q: str | None, include_archived: bool) -> Select[Student]:
    stmt = select(Student)
    if not include_archived:
        stmt = stmt.where(Student.archived_at.is_(None))
    condition = _search(q) if q else None
    if condition is not None:
        stmt = stmt.where(condition)
    return stmt


def page(q: str | None, include_archived: bool, offset: int, limit: int) -> Select[Student]:
    # The "last first" key orders like the table shows (case-insensitively). Unfiltered, walking its index
    # is the fastest way to a page. Filtered, it is ordered as an expression on purpose: given the bare
    # column, SQLite prefers to walk that whole index to skip the sort, reading 100,000 rows to find a
    # sparse match (160 ms), instead of sorting the few hundred rows the OR of index ranges found (5 ms).
    searching = bool(q and fold(q))
    order = Student.search_last_first.concat("") if searching else Student.search_last_first
    return filtered(q, include_archived).order_by(order, Student.id).offset(offset).limit(limit)


def count(q: str | None, include_archived: bool) -> Select[int]:
    return select(func.count()).select_from(filtered(q, include_archived).subquery())


def by_licence_number(licence_number: str) -> Select[Student]:
    return select(Student).where(Student.licence_number == licence_number)


def get(s: Session, student_id: int) -> Student | None:
    return s.get(Student, student_id)


def identities() -> Select[str | None, str, str, date]:
    """Every student's licence number, name and birth date: what an import matches its rows against."""
    return select(Student.licence_number, Student.first_name, Student.last_name, Student.date_of_birth)
