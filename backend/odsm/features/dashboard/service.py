"""Home's "needs attention": lessons left unfinished and students whose record is missing what the law asks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Row

from odsm.core.unit_of_work import Database
from odsm.features.school.service import SchoolService

from . import repository as repo
from .schemas import NeedsAttention, StudentGap, UnfinishedLesson

ADULT_AGE = 18


def eighteenth_birthday_cutoff(today: date) -> date:
    """Born after this date: under 18 today (a 29 February birthday counts from 1 March)."""
    try:
        return today.replace(year=today.year - ADULT_AGE)
    except ValueError:
        return today.replace(year=today.year - ADULT_AGE, day=28)


def _gaps(rows: Sequence[Row[Any, Any, Any]]) -> list[StudentGap]:
    return [StudentGap(student_id=r.id, student_name=r.name, date_of_birth=r.date_of_birth) for r in rows]


class DashboardService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def needs_attention(self, limit: int) -> NeedsAttention:
        zone = ZoneInfo(SchoolService(self.db).get().time_zone)
        now = datetime.now(zone)
        today = now.date()

        def fn(conn: Connection) -> NeedsAttention:
            lessons, lessons_total = repo.unfinished_lessons(conn, now, limit)
            consent, consent_total = repo.students_without_consent(conn, limit)
            minors, minors_total = repo.minors_without_guardian(conn, eighteenth_birthday_cutoff(today), limit)
            return NeedsAttention(
                today=today,
                unfinished_lessons=[UnfinishedLesson.model_validate(r._mapping) for r in lessons],
                unfinished_total=lessons_total,
                no_consent=_gaps(consent),
                no_consent_total=consent_total,
                minors_without_guardian=_gaps(minors),
                minors_without_guardian_total=minors_total,
            )

        return self.db.query(fn)
