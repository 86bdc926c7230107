"""The in-car booking rules. `evaluate` lists every rule a proposed lesson breaks.

Booking refuses with the first; the calendar's dry run (`db:lessons:check`) shows them all. Every
refusal's details name the rule, its limit, and the conflicting booking, so the UI can explain it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from odsm.core.errors import AppError
from odsm.features.classroom.service import classroom_minutes_on
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import di_licence_valid_on
from odsm.features.school.clock import at_local, day_bounds, local_date, minutes_between, zone
from odsm.features.students.errors import StudentArchived
from odsm.features.vehicles.service import vehicle_bookable_on
from odsm.models import (
    ClassroomSession,
    Enrollment,
    Instructor,
    InstructorTimeOff,
    Lesson,
    SchoolSettings,
    Student,
    Vehicle,
)

from .errors import (
    DailyInCarLimit,
    G1NightBan,
    InstructorDoubleBooked,
    InstructorLicenceInvalid,
    InstructorNotAuthorised,
    InstructorOnTimeOff,
    InstructorTeachingClass,
    StudentDoubleBooked,
    VehicleDoubleBooked,
    VehicleInactive,
    VehicleInspectionLapsed,
    VehicleInsuranceLapsed,
)
from .schemas import MAX_LESSON_SECONDS

# Lessons that hold their slot (a cancelled or missed lesson frees it).
HOLDS_SLOT = ("scheduled", "completed")
MAX_LESSON = timedelta(seconds=MAX_LESSON_SECONDS)


@dataclass(frozen=True)
class Proposal:
    student: Student
    instructor: Instructor
    vehicle: Vehicle
    enrollment: Enrollment | None
    starts_at: datetime
    ends_at: datetime
    lesson_id: int | None = None  # the lesson being rescheduled: never conflicts with itself


def _span(lesson: Lesson) -> dict[str, Any]:
    return {
        "conflicting_lesson_id": lesson.id,
        "starts_at": lesson.starts_at.isoformat(),
        "ends_at": lesson.ends_at.isoformat(),
    }


def lesson_minutes(lesson: Lesson) -> int:
    if lesson.status == "completed" and lesson.actual_start and lesson.actual_end:
        return minutes_between(lesson.actual_start, lesson.actual_end)
    return minutes_between(lesson.starts_at, lesson.ends_at)


def first_overlap(
    s: Session, owner: InstrumentedAttribute[int], owner_id: int, start: datetime, end: datetime, exclude: int | None
) -> Lesson | None:
    """Touching lessons (end == start) do not overlap. Index range scan on (owner, starts_at)."""
    stmt = select(Lesson).where(
        owner == owner_id,
        Lesson.starts_at < end,
        Lesson.starts_at > start - MAX_LESSON,
        Lesson.ends_at > start,
        Lesson.status.in_(HOLDS_SLOT),
    )
    if exclude is not None:
        stmt = stmt.where(Lesson.id != exclude)
    return s.scalars(stmt.order_by(Lesson.starts_at).limit(1)).first()


def overlaps(s: Session, p: Proposal) -> list[AppError]:
    found: list[AppError] = []
    checks: list[tuple[InstrumentedAttribute[int], int, type[AppError], str, str]] = [
        (Lesson.instructor_id, p.instructor.id, InstructorDoubleBooked, "instructor_id", "instructor_double_booking"),
        (Lesson.vehicle_id, p.vehicle.id, VehicleDoubleBooked, "vehicle_id", "vehicle_double_booking"),
        (Lesson.student_id, p.student.id, StudentDoubleBooked, "student_id", "student_double_booking"),
    ]
    for column, owner_id, error, key, rule in checks:
        other = first_overlap(s, column, owner_id, p.starts_at, p.ends_at, p.lesson_id)
        if other is not None:
            found.append(error(details={"rule": rule, key: owner_id, **_span(other)}))
    return found


def instructor_busy(s: Session, p: Proposal) -> list[AppError]:
    """Recorded time off, and classes the instructor teaches, hold the instructor as a lesson does."""
    found: list[AppError] = []
    off = s.scalars(
        select(InstructorTimeOff)
        .where(
            InstructorTimeOff.instructor_id == p.instructor.id,
            InstructorTimeOff.starts_at < p.ends_at,
            InstructorTimeOff.ends_at > p.starts_at,
        )
        .limit(1)
    ).first()
    if off is not None:
        found.append(
            InstructorOnTimeOff(
                details={
                    "rule": "instructor_time_off",
                    "instructor_id": p.instructor.id,
                    "time_off_id": off.id,
                    "starts_at": off.starts_at.isoformat(),
                    "ends_at": off.ends_at.isoformat(),
                    "reason": off.reason,
                }
            )
        )
    session = s.scalars(
        select(ClassroomSession)
        .where(
            ClassroomSession.instructor_id == p.instructor.id,
            ClassroomSession.starts_at < p.ends_at,
            ClassroomSession.starts_at > p.starts_at - MAX_LESSON,
            ClassroomSession.ends_at > p.starts_at,
        )
        .limit(1)
    ).first()
    if session is not None:
        found.append(
            InstructorTeachingClass(
                details={
                    "rule": "instructor_double_booking",
                    "instructor_id": p.instructor.id,
                    "conflicting_session_id": session.id,
                    "starts_at": session.starts_at.isoformat(),
                    "ends_at": session.ends_at.isoformat(),
                    "topic": session.topic,
                }
            )
        )
    return found


def instructor_rules(p: Proposal, day: date) -> list[AppError]:
    i = p.instructor
    found: list[AppError] = []
    if not di_licence_valid_on(i, day):
        found.append(
            InstructorLicenceInvalid(
                details={
                    "rule": "di_licence_valid",
                    "instructor_id": i.id,
                    "date": day.isoformat(),
                    "di_licence_expiry": i.di_licence_expiry.isoformat(),
                    "active": i.active,
                }
            )
        )
    if not i.authorised_in_car:
        found.append(InstructorNotAuthorised(details={"rule": "authorised_in_car", "instructor_id": i.id}))
    return found


def vehicle_rules(p: Proposal, day: date) -> list[AppError]:
    v = p.vehicle
    base = {"vehicle_id": v.id, "plate": v.plate, "date": day.isoformat()}
    by_credential: dict[str, AppError] = {
        "inactive": VehicleInactive(details={"rule": "vehicle_active", **base}),
        "insurance": VehicleInsuranceLapsed(
            details={"rule": "vehicle_insurance_valid", "insurance_expiry": v.insurance_expiry.isoformat(), **base}
        ),
        "inspection": VehicleInspectionLapsed(
            details={"rule": "vehicle_inspection_valid", "inspection_expiry": v.inspection_expiry.isoformat(), **base}
        ),
    }
    return [by_credential[c] for c in vehicle_bookable_on(v, day)]


def g1_night(settings: SchoolSettings, p: Proposal) -> list[AppError]:
    """A G1 driver may not drive between night start and night end, local time (00:00-05:00)."""
    start_min, end_min = settings.g1_night_start_minute, settings.g1_night_end_minute
    if (p.student.licence_class or "").upper() != "G1" or start_min == end_min:
        return []
    if end_min < start_min:  # a window across midnight, e.g. 23:00-05:00
        end_min += 24 * 60
    tz = zone(settings)
    first = p.starts_at.astimezone(tz).date() - timedelta(days=1)
    last = p.ends_at.astimezone(tz).date()
    day = first
    while day <= last:
        window_start, window_end = at_local(settings, day, start_min), at_local(settings, day, end_min)
        if p.starts_at < window_end and p.ends_at > window_start:
            return [
                G1NightBan(
                    details={
                        "rule": "g1_night_ban",
                        "student_id": p.student.id,
                        "licence_class": "G1",
                        "window_start_minute": settings.g1_night_start_minute,
                        "window_end_minute": settings.g1_night_end_minute,
                        "window_starts_at": window_start.isoformat(),
                        "window_ends_at": window_end.isoformat(),
                        "starts_at": p.starts_at.isoformat(),
                        "ends_at": p.ends_at.isoformat(),
                    }
                )
            ]
        day += timedelta(days=1)
    return []


def daily_in_car(s: Session, settings: SchoolSettings, p: Proposal, day: date) -> list[AppError]:
    """In-car minutes on the lesson's local day; a lower limit on a full classroom day."""
    start, end = day_bounds(settings, day)
    stmt = select(Lesson).where(
        Lesson.student_id == p.student.id,
        Lesson.starts_at >= start,
        Lesson.starts_at < end,
        Lesson.status.in_(HOLDS_SLOT),
    )
    if p.lesson_id is not None:
        stmt = stmt.where(Lesson.id != p.lesson_id)
    same_day = list(s.scalars(stmt.order_by(Lesson.starts_at)).all())
    booked = sum(lesson_minutes(x) for x in same_day)
    this = minutes_between(p.starts_at, p.ends_at)
    classroom, sessions = classroom_minutes_on(s, settings, p.student.id, day)
    if classroom >= settings.max_classroom_minutes_per_day:
        rule, limit = "max_in_car_minutes_on_full_classroom_day", settings.max_in_car_minutes_on_full_classroom_day
    else:
        rule, limit = "max_in_car_minutes_per_day", settings.max_in_car_minutes_per_day
    if booked + this <= limit:
        return []
    details: dict[str, Any] = {
        "rule": rule,
        "student_id": p.student.id,
        "date": day.isoformat(),
        "limit_minutes": limit,
        "booked_minutes": booked,
        "lesson_minutes": this,
        "classroom_minutes": classroom,
        "classroom_session_ids": sessions,
        "conflicting_lesson_ids": [x.id for x in same_day],
    }
    if same_day:
        details.update(_span(same_day[0]))
    return [DailyInCarLimit(details=details)]


def enrollment_rules(p: Proposal) -> list[AppError]:
    found: list[AppError] = []
    if p.student.archived_at is not None:
        found.append(StudentArchived(details={"student_id": p.student.id}))
    if p.enrollment is not None:
        try:
            ledger.ensure_open(p.enrollment)
        except AppError as refusal:
            found.append(refusal)
    return found


def evaluate(s: Session, settings: SchoolSettings, p: Proposal) -> list[AppError]:
    day = local_date(settings, p.starts_at)
    return [
        *enrollment_rules(p),
        *overlaps(s, p),
        *instructor_busy(s, p),
        *instructor_rules(p, day),
        *vehicle_rules(p, day),
        *g1_night(settings, p),
        *daily_in_car(s, settings, p, day),
    ]
