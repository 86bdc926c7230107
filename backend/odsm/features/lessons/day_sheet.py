"""An instructor's printable day: lessons and classroom sessions in order. Data only; the renderer prints."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from odsm.features.classroom.service import sessions_between
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import load_instructor
from odsm.features.school.clock import day_bounds
from odsm.features.school.service import load_settings
from odsm.models import Attendance, Course, Enrollment, Lesson, Student, Vehicle

from . import booking_rules as rules
from .schemas import DaySheet, DaySheetItem, InCarProgress


def _bde_enrollments(s: Session, student_ids: set[int]) -> dict[int, tuple[Enrollment, Course]]:
    """Each student's current BDE enrollment (the newest active one, else the newest)."""
    rows = s.execute(
        select(Enrollment, Course)
        .join(Course, Course.id == Enrollment.course_id)
        .where(Enrollment.student_id.in_(student_ids), Course.kind == "bde")
        .order_by(Enrollment.status != "active", Enrollment.id.desc())
    ).all()
    found: dict[int, tuple[Enrollment, Course]] = {}
    for enrollment, course in rows:
        found.setdefault(enrollment.student_id, (enrollment, course))
    return found


def build_day_sheet(s: Session, instructor_id: int, day: date) -> DaySheet:
    settings = load_settings(s)
    instructor = load_instructor(s, instructor_id)
    start, end = day_bounds(settings, day)
    lessons = s.execute(
        select(Lesson, Student, Vehicle.plate)
        .join(Student, Student.id == Lesson.student_id)
        .join(Vehicle, Vehicle.id == Lesson.vehicle_id)
        .where(
            Lesson.instructor_id == instructor_id,
            Lesson.starts_at >= start,
            Lesson.starts_at < end,
            Lesson.status.in_(rules.HOLDS_SLOT),
        )
    ).all()
    bde = _bde_enrollments(s, {student.id for _, student, _ in lessons})
    credited = ledger.totals(s, [e.id for e, _ in bde.values()])
    items: list[DaySheetItem] = []
    for lesson, student, plate in lessons:
        progress = None
        if student.id in bde:
            enrollment, course = bde[student.id]
            required = ledger.requirements(course, settings)["in_car"]
            done = credited[enrollment.id]["in_car"]
            progress = InCarProgress(
                enrollment_id=enrollment.id,
                credited_minutes=done,
                required_minutes=required,
                remaining_minutes=max(0, required - done),
            )
        items.append(
            DaySheetItem(
                kind="lesson",
                starts_at=lesson.starts_at,
                ends_at=lesson.ends_at,
                lesson_id=lesson.id,
                status=lesson.status,
                student_id=student.id,
                student_name=f"{student.first_name} {student.last_name}",
                student_phone=student.phone,
                pickup_location=lesson.pickup_location,
                vehicle_plate=plate,
                bde_in_car=progress,
            )
        )
    for session in sessions_between(s, start, end, instructor_id):
        if not start <= session.starts_at < end:
            continue
        count = s.scalar(select(func.count()).where(Attendance.session_id == session.id, Attendance.minutes > 0))
        items.append(
            DaySheetItem(
                kind="classroom",
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                session_id=session.id,
                room=session.room,
                topic=session.topic,
                attendee_count=count or 0,
            )
        )
    items.sort(key=lambda item: (item.starts_at, item.kind))
    return DaySheet(
        instructor_id=instructor.id,
        instructor_name=f"{instructor.first_name} {instructor.last_name}",
        date=day,
        time_zone=settings.time_zone,
        items=items,
    )
