"""select() statements for students; the service runs them inside its unit of work."""

from __future__ import annotations

from sqlalchemy import Select, func, or_, select

from .models import Student


def search_key(text: str) -> str:
    return " ".join(text.lower().split())


def digits_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(q: str | None, include_archived: bool) -> Select[Student]:
    stmt = select(Student)
    if not include_archived:
        stmt = stmt.where(Student.archived_at.is_(None))
    if q and q.strip():
        term = search_key(q)
        conditions = [Student.search_name.like(f"%{_escape_like(term)}%", escape="\\")]
        compact = term.replace("-", "").replace(" ", "").upper()
        if compact[:1].isalpha() and compact[1:].isdigit():
            conditions.append(Student.licence_number.like(f"{compact}%"))
        digits = digits_of(term)
        if len(digits) >= 3:
            conditions.append(Student.phone_digits.like(f"%{digits}%"))
        stmt = stmt.where(or_(*conditions))
    return stmt


def page(q: str | None, include_archived: bool, offset: int, limit: int) -> Select[Student]:
    return (
        filtered(q, include_archived)
        .order_by(Student.last_name, Student.first_name, Student.id)
        .offset(offset)
        .limit(limit)
    )


def count(q: str | None, include_archived: bool) -> Select[int]:
    return select(func.count()).select_from(filtered(q, include_archived).subquery())


def by_licence_number(licence_number: str) -> Select[Student]:
    return select(Student).where(Student.licence_number == licence_number)
