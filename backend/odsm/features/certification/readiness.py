"""Who may be certified: one assessment serves the worklist and the certify command.

Nothing here sums the ledger or walks lessons per row. The enrollments carry running totals (kept
by enrollments.ledger.credit), so "every hour credited" is a filter on an indexed enrollments scan;
"taught by a lapsed instructor" is one covering-index scan over those few instructors' lessons.
Only the rows shown are built into objects; the totals are counted in the same pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from odsm.features.enrollments import ledger
from odsm.features.enrollments.schemas import HoursTotal
from odsm.models import Course, Enrollment, Instructor, Lesson, SchoolSettings, Student

from .schemas import BlockedRow, Unmet, WorklistRow


@dataclass
class Assessment:
    enrollment: Enrollment
    course: Course
    student_name: str
    required: dict[str, int]
    credited: dict[str, int]
    by_deadline: dict[str, int]
    lapsed_instructors: list[Instructor] = field(default_factory=list)

    def unmet(self, today: date) -> list[Unmet]:
        e, found = self.enrollment, []
        if e.status != "active":
            found.append(
                Unmet(requirement="status", message=f"The enrollment is {e.status}.", details={"status": e.status})
            )
        if self.course.kind != "bde":
            found.append(Unmet(requirement="bde_course", message="Only a BDE course is certified with MTO."))
        for c in ledger.CATEGORIES:
            if self.by_deadline[c] < self.required[c]:
                found.append(
                    Unmet(
                        requirement=f"{c}_minutes",
                        message=f"{c.replace('_', '-')} hours are short (by the deadline).",
                        details={
                            "required_minutes": self.required[c],
                            "credited_minutes": self.credited[c],
                            "credited_by_deadline_minutes": self.by_deadline[c],
                            "deadline": e.deadline.isoformat() if e.deadline else None,
                        },
                    )
                )
        if e.result != "pass":
            found.append(
                Unmet(
                    requirement="result",
                    message="The student has no passing result.",
                    details={"result": e.result, "final_mark_percent": e.final_mark_percent},
                )
            )
        for i in self.lapsed_instructors:
            found.append(
                Unmet(
                    requirement="instructor_licence",
                    message=f"{i.first_name} {i.last_name} taught this student and holds no valid DI licence today.",
                    details={
                        "instructor_id": i.id,
                        "di_licence_expiry": i.di_licence_expiry.isoformat(),
                        "active": i.active,
                        "date": today.isoformat(),
                    },
                )
            )
        return found

    def row(self, today: date) -> WorklistRow:
        e = self.enrollment
        return WorklistRow(
            enrollment_id=e.id,
            student_id=e.student_id,
            student_name=self.student_name,
            course_id=self.course.id,
            course_name=self.course.name,
            first_class_date=e.first_class_date,
            deadline=e.deadline,
            days_left=(e.deadline - today).days if e.deadline else None,
            final_mark_percent=e.final_mark_percent,
            totals=[
                HoursTotal(
                    category=c,
                    required_minutes=self.required[c],
                    credited_minutes=self.credited[c],
                    remaining_minutes=max(0, self.required[c] - self.credited[c]),
                )
                for c in ledger.CATEGORIES
            ],
        )

    def blocked_row(self, today: date) -> BlockedRow:
        return BlockedRow(**self.row(today).model_dump(), reasons=self.unmet(today))


def _required(settings: SchoolSettings, category: str) -> ColumnElement[int]:
    """The course's requirement, never below the school's BDE setting (as ledger.requirements)."""
    own = getattr(Course, f"{category}_minutes")
    floor = getattr(settings, f"bde_{category}_minutes")
    return case((own > floor, own), else_=floor)


def _met(settings: SchoolSettings, suffix: str = "") -> list[ColumnElement[bool]]:
    return [getattr(Enrollment, f"{c}_minutes{suffix}") >= _required(settings, c) for c in ledger.CATEGORIES]


def lapsed_instructor_ids(s: Session, today: date) -> list[int]:
    """Instructors whose DI licence has lapsed today: a handful, so an IN list stays short.

    Only the licence counts (DOMAIN.md): an instructor who left the school with a valid licence still
    taught validly, and their former students may be certified.
    """
    return list(s.scalars(select(Instructor.id).where(Instructor.di_licence_expiry < today)))


def taught_by_lapsed(s: Session, lapsed_ids: list[int]) -> set[int]:
    """Enrollments with a completed lesson by a lapsed instructor (a covering index scan per instructor)."""
    if not lapsed_ids:
        return set()
    stmt = (
        select(Lesson.enrollment_id)
        .where(Lesson.instructor_id.in_(lapsed_ids), Lesson.status == "completed", Lesson.enrollment_id.is_not(None))
        .distinct()
    )
    return {int(i) for i in s.scalars(stmt) if i is not None}


def split_done(s: Session, settings: SchoolSettings, today: date) -> tuple[list[int], list[int]]:
    """Active BDE enrollments with a pass and every hour credited, split into ready and blocked ids.

    Blocked: some hours came after the deadline, or a lapsed instructor taught the student. Ordered
    by deadline. One indexed query over the running totals, no per-row subqueries.
    """
    done = [
        Enrollment.status == "active",
        Course.kind == "bde",
        Enrollment.result == "pass",
        *_met(settings),
    ]
    stmt = (
        select(Enrollment.id, and_(*_met(settings, "_on_time")))
        .join(Course, Course.id == Enrollment.course_id)
        .where(*done)
        .order_by(Enrollment.deadline, Enrollment.id)
    )
    lapsed = taught_by_lapsed(s, lapsed_instructor_ids(s, today))
    ready: list[int] = []
    blocked: list[int] = []
    for enrollment_id, on_time in s.execute(stmt).all():
        (ready if on_time and enrollment_id not in lapsed else blocked).append(enrollment_id)
    return ready, blocked


def at_risk_filter(settings: SchoolSettings, today: date) -> list[ColumnElement[bool]]:
    horizon = today + timedelta(days=settings.at_risk_days)
    short = or_(*[getattr(Enrollment, f"{c}_minutes") < _required(settings, c) for c in ledger.CATEGORIES])
    return [
        Enrollment.status == "active",
        Course.kind == "bde",
        Enrollment.deadline >= today,
        Enrollment.deadline <= horizon,
        short,
    ]


def count(s: Session, where: list[ColumnElement[bool]]) -> int:
    stmt = select(func.count()).select_from(Enrollment).join(Course, Course.id == Enrollment.course_id).where(*where)
    return int(s.scalar(stmt) or 0)


def assess(
    s: Session, settings: SchoolSettings, today: date, *where: ColumnElement[bool], limit: int | None = None
) -> list[Assessment]:
    """Reads the enrollments' running totals (no ledger scan) and, for those rows, any lapsed instructor."""
    courses = {c.id: c for c in s.scalars(select(Course)).all()}
    stmt = (
        select(Enrollment.__table__, Student.first_name, Student.last_name)
        .join(Course, Course.id == Enrollment.course_id)
        .join(Student, Student.id == Enrollment.student_id)
        .where(*where)
        .order_by(Enrollment.deadline, Enrollment.id)
        .limit(limit)
    )
    found: dict[int, Assessment] = {}
    for row in s.execute(stmt).all():
        course = courses[row.course_id]
        found[row.id] = Assessment(
            enrollment=row,  # type: ignore[arg-type]  # a Row with the enrollment's columns
            course=course,
            student_name=f"{row.first_name} {row.last_name}",
            required=ledger.requirements(course, settings),
            credited={c: getattr(row, f"{c}_minutes") for c in ledger.CATEGORIES},
            by_deadline={c: getattr(row, f"{c}_minutes_on_time") for c in ledger.CATEGORIES},
        )
    lapsed_ids = lapsed_instructor_ids(s, today)
    if found and lapsed_ids:
        taught = s.execute(
            select(Lesson.enrollment_id, Instructor)
            .join(Instructor, Instructor.id == Lesson.instructor_id)
            .where(
                Lesson.enrollment_id.in_(list(found)),
                Lesson.status == "completed",
                Lesson.instructor_id.in_(lapsed_ids),
            )
            .distinct()
        ).all()
        for enrollment_id, instructor in taught:
            found[enrollment_id or 0].lapsed_instructors.append(instructor)
    return list(found.values())
