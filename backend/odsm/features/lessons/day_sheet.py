"""An instructor's printable day: lessons and classroom sessions in order. Data only; the renderer prints."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from odsm.features.classroom.service import present_counts, sessions_between
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import load_instructor
from odsm.features.school.clock import day_bounds
from odsm.features.school.service import load_settings

from .repository import LessonRepository
from .schemas import DaySheet, DaySheetItem, InCarProgress


def build_day_sheet(s: Session, instructor_id: int, day: date) -> DaySheet:
    settings = load_settings(s)
    instructor = load_instructor(s, instructor_id)
    start, end = day_bounds(settings, day)
    lessons = LessonRepository(s).instructor_day(instructor_id, start, end)
    standing = ledger.bde_in_car_standing(s, {student.id for _, student, _ in lessons})
    items: list[DaySheetItem] = []
    for lesson, student, plate in lessons:
        progress = None
        if student.id in standing:
            enrollment_id, done, required = standing[student.id]
            progress = InCarProgress(
                enrollment_id=enrollment_id,
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
    # Sessions that start this day (the range query also returns one that began the day before).
    sessions = [x for x in sessions_between(s, start, end, instructor_id) if start <= x.starts_at < end]
    attendees = present_counts(s, [x.id for x in sessions])
    items += [
        DaySheetItem(
            kind="classroom",
            starts_at=x.starts_at,
            ends_at=x.ends_at,
            session_id=x.id,
            room=x.room,
            topic=x.topic,
            attendee_count=attendees.get(x.id, 0),
        )
        for x in sessions
    ]
    items.sort(key=lambda item: (item.starts_at, item.kind))
    return DaySheet(
        instructor_id=instructor.id,
        instructor_name=f"{instructor.first_name} {instructor.last_name}",
        date=day,
        time_zone=settings.time_zone,
        items=items,
    )
