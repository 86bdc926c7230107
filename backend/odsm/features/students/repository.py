"""select() statements for students; the service runs them inside its unit of work.

Search matches the START of the first or last name, of the licence number, or of the phone number (with or
without its area code). Each is an index range scan (`term <= key < prefix_upper_bound(term)`), which both
SQLite and PostgreSQL answer from a plain B-tree index: a search stays fast at 100,000 students, where a
`LIKE '%term%'` would read every row. Names are compared folded (see search_keys.fold): accents and case
do not count.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Row,
    Select,
    bindparam,
    exists,
    func,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session

from odsm.models import Attendance, ClassroomSession, Lesson, LessonStatus, LicenceStep, RosterEntry, Student

from .search_keys import digits_of, fold, prefix_upper_bound

# The table itself, for the reads that change nothing: Core statements on a connection, their rows
# validated straight into the answer, with no Session or identity map built for them.
students = Student.__table__
c = students.c


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
        return [_prefix(c.search_first_last, term), _prefix(c.search_last_first, term)]
    return [_prefix(c.search_first_last_joined, term), _prefix(c.search_last_first_joined, term)]


def ids_named(q: str) -> Select[Any] | None:
    """The ids of the students whose name matches `q` as the list's search does (index range scans on the
    name keys), for another feature's filter; None when `q` folds to nothing."""
    term = fold(q)
    if not term:
        return None
    return select(c.id).where(or_(*_name_conditions(term)))


def _search(q: str) -> ColumnElement[bool] | None:
    term = fold(q)
    if not term:
        return None
    conditions = _name_conditions(term)
    compact = term.replace("-", "").replace(" ", "").upper()
    if compact[:1].isalpha() and compact[1:].isdigit():
        conditions.append(_prefix(c.licence_number, compact))
    digits = digits_of(term)
    if len(digits) >= 3 and len(digits) >= len(term.replace(" ", "")) - 4:
        conditions += [_prefix(c.phone_digits, digits), _prefix(c.phone_local, digits)]
    return or_(*conditions)


def taught_by(instructor_id: int) -> CompoundSelect[int]:
    """The ids of the students an instructor teaches: a lesson with them, or a place in a class they teach."""
    lessons = select(Lesson.student_id).where(Lesson.instructor_id == instructor_id)
    rosters = (
        select(RosterEntry.student_id)
        .join(ClassroomSession, ClassroomSession.id == RosterEntry.session_id)
        .where(ClassroomSession.instructor_id == instructor_id)
    )
    attended = (
        select(Attendance.student_id)
        .join(ClassroomSession, ClassroomSession.id == Attendance.session_id)
        .where(ClassroomSession.instructor_id == instructor_id)
    )
    return union(lessons, rosters, attended)


def is_taught_by(student_id: int, instructor_id: int) -> Select[bool]:
    return select(exists().where(c.id == student_id, c.id.in_(taught_by(instructor_id))))


def filtered(q: str | None, include_archived: bool, instructor_id: int | None = None) -> Select[Any]:
    stmt = select(students)
    if not include_archived:
        stmt = stmt.where(c.archived_at.is_(None))
    if instructor_id is not None:
        stmt = stmt.where(c.id.in_(taught_by(instructor_id)))
    condition = _search(q) if q else None
    if condition is not None:
        stmt = stmt.where(condition)
    return stmt


def page(
    q: str | None, include_archived: bool, offset: int, limit: int, instructor_id: int | None = None
) -> Select[Any]:
    # The "last first" key orders like the table shows (case-insensitively). Unfiltered, walking its index
    # is the fastest way to a page. Filtered, it is ordered as an expression on purpose: given the bare
    # column, SQLite prefers to walk that whole index to skip the sort, reading 100,000 rows to find a
    # sparse match (160 ms), instead of sorting the few hundred rows the OR of index ranges found (5 ms).
    searching = bool(q and fold(q))
    order = c.search_last_first.concat("") if searching else c.search_last_first
    return filtered(q, include_archived, instructor_id).order_by(order, c.id).offset(offset).limit(limit)


def count(q: str | None, include_archived: bool, instructor_id: int | None = None) -> Select[int]:
    return select(func.count()).select_from(filtered(q, include_archived, instructor_id).subquery())


def by_licence_number(licence_number: str) -> Select[Student]:
    return select(Student).where(Student.licence_number == licence_number)


def get(s: Session, student_id: int) -> Student | None:
    return s.get(Student, student_id)


# The hot reads' statements are built once, their values bound as parameters: a statement built per
# request costs more to build and to find in SQLAlchemy's compiled cache than its query costs to run.
_ONE = select(students).where(c.id == bindparam("student_id"))


@functools.cache
def _unsearched(include_archived: bool) -> tuple[Select[Any], Select[int]]:
    """The page and the count of the list without a search term: the list a screen opens on."""
    stmt = filtered(None, include_archived).order_by(c.search_last_first, c.id)
    return stmt.offset(bindparam("offset")).limit(bindparam("limit")), count(None, include_archived)


def read_one(conn: Connection, student_id: int) -> Row[Any] | None:
    """One student's row, for a read that changes nothing."""
    return conn.execute(_ONE, {"student_id": student_id}).first()


def read_page(
    conn: Connection, q: str | None, include_archived: bool, offset: int, limit: int, instructor_id: int | None = None
) -> tuple[list[Row[Any]], int]:
    """A page of students' rows and how many match in all, for a read that changes nothing."""
    if (q and fold(q)) or instructor_id is not None:
        rows = conn.execute(page(q, include_archived, offset, limit, instructor_id)).all()
        return list(rows), conn.scalar(count(q, include_archived, instructor_id)) or 0
    page_stmt, count_stmt = _unsearched(include_archived)
    rows = conn.execute(page_stmt, {"offset": offset, "limit": limit}).all()
    return list(rows), conn.scalar(count_stmt) or 0


def identities() -> Select[str | None, str, str, date]:
    """Every student's licence number, name and birth date: what an import matches its rows against."""
    return select(Student.licence_number, Student.first_name, Student.last_name, Student.date_of_birth)


def licence_steps(student_id: int) -> Select[LicenceStep]:
    return select(LicenceStep).where(LicenceStep.student_id == student_id)


def books_in_car(s: Session, student_id: int) -> bool:
    """Whether the student has an in-car lesson booked (scheduled): such a record needs a licence class."""
    stmt = select(exists().where(Lesson.student_id == student_id, Lesson.status == LessonStatus.SCHEDULED))
    return bool(s.scalar(stmt))
