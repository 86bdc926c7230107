"""Who may be certified: one assessment serves the worklist and the certify command.

Nothing here sums the ledger or walks lessons per row. The enrollments carry running totals (kept
by enrollments.ledger.credit), so "every hour credited" is a filter on an indexed enrollments scan;
"taught by a lapsed instructor" is a covering-index probe into each done enrollment's own lessons.
Only the rows shown are built into objects; the totals are counted in the same pass. Everything is read as
rows on one connection (no ORM entity), and each row goes straight into the answer's schema.
"Hours required" and "ready to certify" are defined once, in enrollments.requirements: the SQL filters
of the repository and the Python checks below are both built from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Row

from odsm.features.enrollments.service import (
    CATEGORIES,
    PYTHON,
    ReadyFacts,
    credited,
    hours_total_fields,
    ready_checks,
    requirements,
)

from . import repository as repo
from .schemas import Unmet

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from odsm.models import SchoolSettings


@dataclass
class Assessment:
    enrollment: Row[Any]  # the enrollment's columns (repo.enrollment_rows)
    course: Row[Any]
    student_name: str
    required: dict[str, int]
    credited: dict[str, int]
    by_deadline: dict[str, int]
    consent_at: datetime | None
    lapsed_instructors: list[Row[Any]] = field(default_factory=list)  # their columns (repo.lapsed_teachers)

    def unmet(self, today: date) -> list[Unmet]:
        e = self.enrollment
        facts = ReadyFacts(e.status, self.course.kind, e.result, self.consent_at, self.by_deadline, self.required)
        checks = ready_checks(PYTHON, facts)
        found = [self._unmet(name) for name, met in checks.items() if not met]
        return found + [self._lapsed(i, today) for i in self.lapsed_instructors]

    def _unmet(self, requirement: str) -> Unmet:
        e = self.enrollment
        if requirement == "status":
            return Unmet(requirement="status", message=f"The enrollment is {e.status}.", details={"status": e.status})
        if requirement == "bde_course":
            return Unmet(requirement="bde_course", message="Only a BDE course is certified with MTO.")
        if requirement == "consent":
            return Unmet(
                requirement="consent",
                message=(
                    f"{self.student_name} has not given consent to share their records with MTO."
                    " Record it on the student's page."
                ),
            )
        if requirement == "result":
            return Unmet(
                requirement="result",
                message="The student has no passing result.",
                details={"result": e.result, "final_mark_percent": e.final_mark_percent},
            )
        c = requirement.removesuffix("_minutes")
        return Unmet(
            requirement=requirement,
            message=f"{c.replace('_', '-')} hours are short (by the deadline).",
            details={
                "required_minutes": self.required[c],
                "credited_minutes": self.credited[c],
                "credited_by_deadline_minutes": self.by_deadline[c],
                "deadline": e.deadline.isoformat() if e.deadline else None,
            },
        )

    @staticmethod
    def _lapsed(i: Row[Any], today: date) -> Unmet:
        return Unmet(
            requirement="instructor_licence",
            message=f"{i.first_name} {i.last_name} taught this student and holds no valid DI licence today.",
            details={
                "instructor_id": i.id,
                "di_licence_expiry": i.di_licence_expiry.isoformat(),
                "active": i.active,
                "date": today.isoformat(),
            },
        )

    def row(self, today: date) -> dict[str, Any]:
        """The fields of a WorklistRow: the service validates the whole answer at once."""
        e = self.enrollment
        return {
            "enrollment_id": e.id,
            "student_id": e.student_id,
            "student_name": self.student_name,
            "course_id": self.course.id,
            "course_name": self.course.name,
            "first_class_date": e.first_class_date,
            "deadline": e.deadline,
            "days_left": (e.deadline - today).days if e.deadline else None,
            "final_mark_percent": e.final_mark_percent,
            "totals": hours_total_fields(self.required, self.credited),
            "version": e.version,
        }

    def blocked_row(self, today: date) -> dict[str, Any]:
        """The fields of a BlockedRow."""
        return {**self.row(today), "reasons": self.unmet(today)}


def split_done(
    conn: Connection, settings: SchoolSettings, today: date, narrow: Sequence[ColumnElement[bool]] = ()
) -> tuple[list[Row[Any]], list[Row[Any]]]:
    """Active BDE enrollments with a pass and every hour credited, split into ready and blocked rows.

    Blocked: some hours came after the deadline, no consent, or a lapsed instructor taught the student.
    Ordered by deadline. One indexed query over the running totals, whose rows are the rows shown.
    """
    ready: list[Row[Any]] = []
    blocked: list[Row[Any]] = []
    for row in repo.done_rows(conn, settings, repo.lapsed_instructor_ids(conn, today), list(narrow)):
        (ready if row.nothing_else else blocked).append(row)
    return ready, blocked


def assess_rows(
    conn: Connection, settings: SchoolSettings, today: date, rows: list[Row[Any]], *, lapsed: bool = True
) -> list[Assessment]:
    """The rows' assessments with every reason: with `lapsed`, any lapsed instructor too, for those rows only
    (a ready row has none by definition, so the worklist asks it of the blocked rows alone)."""
    found = _assess(conn, settings, rows)
    lapsed_ids = repo.lapsed_instructor_ids(conn, today) if lapsed and found else []
    if lapsed_ids:
        for row in repo.lapsed_teachers(conn, list(found), lapsed_ids):
            found[row.enrollment_id or 0].lapsed_instructors.append(row)
    return list(found.values())


def assess_ids(conn: Connection, settings: SchoolSettings, today: date, ids: list[int]) -> list[Assessment]:
    """The enrollments' assessments with every reason."""
    return assess_rows(conn, settings, today, repo.enrollment_rows(conn, repo.with_ids(ids)))


def at_risk(
    conn: Connection, settings: SchoolSettings, today: date, limit: int, narrow: Sequence[ColumnElement[bool]] = ()
) -> tuple[list[Assessment], int]:
    """The first `limit` at-risk enrollments, and how many there are."""
    return _first(conn, settings, [*repo.at_risk_filter(settings, today), *narrow], limit)


def expired(
    conn: Connection, settings: SchoolSettings, today: date, limit: int, narrow: Sequence[ColumnElement[bool]] = ()
) -> tuple[list[Assessment], int]:
    """The first `limit` enrollments past their deadline and still short of hours, and how many there are."""
    return _first(conn, settings, [*repo.expired_filter(settings, today), *narrow], limit)


def _first(
    conn: Connection, settings: SchoolSettings, where: list[ColumnElement[bool]], limit: int
) -> tuple[list[Assessment], int]:
    """Short of hours, these rows show their hours alone: no lapsed-instructor scan (only ready and blocked
    rows list reasons)."""
    rows = repo.enrollment_rows(conn, *where, limit=limit)
    return list(_assess(conn, settings, rows).values()), repo.count(conn, where)


def _assess(conn: Connection, settings: SchoolSettings, rows: list[Row[Any]]) -> dict[int, Assessment]:
    """From the enrollments' running totals (no ledger scan)."""
    courses = repo.courses(conn)
    # A course's requirement is the same for each of its rows: worked out once.
    required = {i: requirements(c, settings) for i, c in courses.items()}  # type: ignore[arg-type]  # course rows
    found: dict[int, Assessment] = {}
    for row in rows:
        found[row.id] = Assessment(
            enrollment=row,
            course=courses[row.course_id],
            student_name=f"{row.first_name} {row.last_name}",
            required=required[row.course_id],
            credited=credited(row),  # type: ignore[arg-type]  # the same running-total columns
            by_deadline={c: getattr(row, f"{c}_minutes_on_time") for c in CATEGORIES},
            consent_at=row.consent_at,
        )
    return found
