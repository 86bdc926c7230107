"""The courses' queries."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from odsm.models import Course


def get(s: Session, course_id: int) -> Course | None:
    return s.get(Course, course_id)


def listing(include_inactive: bool) -> Select[Course]:
    stmt = select(Course)
    if not include_inactive:
        stmt = stmt.where(Course.active.is_(True))
    return stmt.order_by(Course.kind, Course.name, Course.id)
