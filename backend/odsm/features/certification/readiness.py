"""Who may be certified: one assessment serves the worklist and the certify command.

Hours are summed in SQL (one grouped query over the ledger's covering index), and the lapsed
instructors of completed lessons come from a second query driven by the same enrollment filter; no
Python loop ever walks lessons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from odsm.features.courses.models import Course
from odsm.features.enrollments import ledger
from odsm.features.enrollments.models import Enrollment, HoursEntry
from odsm.features.enrollments.schemas import HoursTotal
from odsm.features.instructors.models import Instructor
from odsm.features.lessons.models import Lesson
from odsm.features.school.models import SchoolSettings
from odsm.features.students.models import Student

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

    def hours_met(self) -> bool:
        return all(self.credited[c] >= self.required[c] for c in ledger.CATEGORIES)

    def short(self) -> bool:
        return not self.hours_met()

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


def _sum(category: str, by_deadline: bool) -> ColumnElement[Any]:
    cond: ColumnElement[bool] = HoursEntry.category == category
    if by_deadline:
        cond = and_(cond, HoursEntry.occurred_on <= Enrollment.deadline)
    return func.coalesce(func.sum(case((cond, HoursEntry.minutes), else_=0)), 0)


def assess(
    s: Session, settings: SchoolSettings, today: date, *where: ColumnElement[bool], limit: int | None = None
) -> list[Assessment]:
    cats = ledger.CATEGORIES
    stmt = (
        select(
            Enrollment,
            Course,
            Student.first_name,
            Student.last_name,
            *[_sum(c, False) for c in cats],
            *[_sum(c, True) for c in cats],
        )
        .join(Course, Course.id == Enrollment.course_id)
        .join(Student, Student.id == Enrollment.student_id)
        .outerjoin(HoursEntry, HoursEntry.enrollment_id == Enrollment.id)
        .where(*where)
        .group_by(Enrollment.id, Course.id, Student.id)
        .order_by(Enrollment.deadline, Enrollment.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    found: dict[int, Assessment] = {}
    for row in s.execute(stmt).all():
        enrollment, course, first, last, *sums = row
        found[enrollment.id] = Assessment(
            enrollment=enrollment,
            course=course,
            student_name=f"{first} {last}",
            required=ledger.requirements(course, settings),
            credited={c: int(v) for c, v in zip(cats, sums[:3], strict=True)},
            by_deadline={c: int(v) for c, v in zip(cats, sums[3:], strict=True)},
        )
    if found:
        lapsed = s.execute(
            select(Lesson.enrollment_id, Instructor)
            .join(Instructor, Instructor.id == Lesson.instructor_id)
            .where(
                Lesson.enrollment_id.in_(list(found)),
                Lesson.status == "completed",
                or_(Instructor.di_licence_expiry < today, Instructor.active == false()),
            )
            .distinct()
        ).all()
        for enrollment_id, instructor in lapsed:
            found[enrollment_id or 0].lapsed_instructors.append(instructor)
    return list(found.values())
