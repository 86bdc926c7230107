"""In-car lessons: booking and rescheduling (rules in booking_rules), completion, cancellation, no-shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from odsm.core.errors import ValidationFailed
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.core.versioning import check_version, guard_stale
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import load_instructor
from odsm.features.school.clock import local_date, minutes_between
from odsm.features.school.service import load_settings
from odsm.features.students.errors import StudentNotFound
from odsm.features.vehicles.service import load_vehicle, record_odometer
from odsm.models import Instructor, Lesson, Student, Vehicle

from . import booking_rules as rules
from .day_sheet import build_day_sheet
from .errors import EnrollmentStudentMismatch, LessonInFuture, LessonNotFound, LessonNotScheduled, LessonVersionConflict
from .schemas import (
    CheckResult,
    Conflict,
    DaySheet,
    LessonBook,
    LessonCancel,
    LessonComplete,
    LessonPage,
    LessonRead,
    LessonUpdate,
    ordered,
)


def _with_names() -> Select[Lesson, str, str, str, str, str]:
    return (
        select(
            Lesson, Student.first_name, Student.last_name, Instructor.first_name, Instructor.last_name, Vehicle.plate
        )
        .join(Student, Student.id == Lesson.student_id)
        .join(Instructor, Instructor.id == Lesson.instructor_id)
        .join(Vehicle, Vehicle.id == Lesson.vehicle_id)
    )


def _read_row(row: Any) -> LessonRead:
    lesson, sf, sl, inf, inl, plate = row
    out = LessonRead.model_validate(lesson)
    out.student_name, out.instructor_name, out.vehicle_plate = f"{sf} {sl}", f"{inf} {inl}", plate
    return out


def _read(s: Session, lesson_id: int) -> LessonRead:
    row = s.execute(_with_names().where(Lesson.id == lesson_id)).first()
    if row is None:
        raise LessonNotFound(details={"lesson_id": lesson_id})
    return _read_row(row)


def load_lesson(s: Session, lesson_id: int) -> Lesson:
    row = s.get(Lesson, lesson_id)
    if row is None:
        raise LessonNotFound(details={"lesson_id": lesson_id})
    return row


def _proposal(
    s: Session,
    student_id: int,
    enrollment_id: int | None,
    instructor_id: int,
    vehicle_id: int,
    starts_at: datetime,
    ends_at: datetime,
    lesson_id: int | None = None,
) -> rules.Proposal:
    student = s.get(Student, student_id)
    if student is None:
        raise StudentNotFound(details={"student_id": student_id})
    enrollment = ledger.load_enrollment(s, enrollment_id) if enrollment_id is not None else None
    if enrollment is not None and enrollment.student_id != student.id:
        raise EnrollmentStudentMismatch(
            details={"field": "enrollment_id", "enrollment_id": enrollment.id, "student_id": student.id}
        )
    return rules.Proposal(
        student=student,
        instructor=load_instructor(s, instructor_id),
        vehicle=load_vehicle(s, vehicle_id),
        enrollment=enrollment,
        starts_at=starts_at,
        ends_at=ends_at,
        lesson_id=lesson_id,
    )


def _scheduled(lesson: Lesson, version: int) -> None:
    check_version(lesson.version, version, LessonVersionConflict, lesson_id=lesson.id)
    if lesson.status != "scheduled":
        raise LessonNotScheduled(details={"lesson_id": lesson.id, "status": lesson.status})


def _check_actual_times(s: Session, lesson: Lesson, data: LessonComplete) -> None:
    """The hours that count are the actual ones, so they answer to the rules the booking did: the G1
    night ban, the daily in-car limit, and the instructor's and vehicle's credentials on that day.
    (Overlap is not re-checked: a lesson that ran ten minutes into the next slot still happened.)"""
    settings = load_settings(s)
    p = _proposal(
        s,
        lesson.student_id,
        lesson.enrollment_id,
        lesson.instructor_id,
        lesson.vehicle_id,
        data.actual_start,
        data.actual_end,
        lesson_id=lesson.id,
    )
    day = local_date(settings, data.actual_start)
    broken = [
        *rules.instructor_rules(p, day),
        *rules.vehicle_rules(p, day),
        *rules.g1_night(settings, p),
        *rules.daily_in_car(s, settings, p, day),
    ]
    if broken:
        raise broken[0]


class LessonService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(
        self,
        start: datetime,
        end: datetime,
        instructor_id: int | None,
        vehicle_id: int | None,
        student_id: int | None,
        include_cancelled: bool,
        limit: int,
    ) -> LessonPage:
        stmt = _with_names().where(
            Lesson.starts_at < end, Lesson.starts_at > start - rules.MAX_LESSON, Lesson.ends_at > start
        )
        for column, value in ((Lesson.instructor_id, instructor_id), (Lesson.vehicle_id, vehicle_id)):
            if value is not None:
                stmt = stmt.where(column == value)
        if student_id is not None:
            stmt = stmt.where(Lesson.student_id == student_id)
        if not include_cancelled:
            stmt = stmt.where(Lesson.status.in_((*rules.HOLDS_SLOT, "no_show")))
        stmt = stmt.order_by(Lesson.starts_at, Lesson.id).limit(limit)

        def fn(s: Session) -> LessonPage:
            items = [_read_row(r) for r in s.execute(stmt).all()]
            return LessonPage(items=items, total=len(items))

        return self.db.read(fn)

    def day_sheet(self, instructor_id: int, day: date) -> DaySheet:
        return self.db.read(lambda s: build_day_sheet(s, instructor_id, day))

    def get(self, lesson_id: int) -> LessonRead:
        return self.db.read(lambda s: _read(s, lesson_id))

    def check(self, data: LessonBook, lesson_id: int | None) -> CheckResult:
        def fn(s: Session) -> CheckResult:
            p = _proposal(s, **data.model_dump(exclude={"pickup_location"}), lesson_id=lesson_id)
            found = rules.evaluate(s, load_settings(s), p)
            conflicts = [Conflict(code=e.code, message=e.message, details=e.details) for e in found]
            return CheckResult(ok=not conflicts, conflicts=conflicts)

        return self.db.read(fn)

    def book(self, data: LessonBook) -> LessonRead:
        def fn(s: Session) -> LessonRead:
            p = _proposal(s, **data.model_dump(exclude={"pickup_location"}))
            found = rules.evaluate(s, load_settings(s), p)
            if found:
                raise found[0]
            lesson = Lesson(**data.model_dump())
            s.add(lesson)
            s.flush()
            return _read(s, lesson.id)

        return self.db.write(fn)

    def update(self, lesson_id: int, data: LessonUpdate) -> LessonRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}

        def fn(s: Session) -> LessonRead:
            lesson = load_lesson(s, lesson_id)
            _scheduled(lesson, data.version)
            merged = {
                k: changes.get(k) or getattr(lesson, k) for k in ("instructor_id", "vehicle_id", "starts_at", "ends_at")
            }
            try:
                ordered(merged["starts_at"], merged["ends_at"], "lesson")
            except ValueError as exc:
                raise ValidationFailed.for_field("ends_at", "order", str(exc)) from exc
            p = _proposal(s, lesson.student_id, lesson.enrollment_id, lesson_id=lesson.id, **merged)
            found = rules.evaluate(s, load_settings(s), p)
            if found:
                raise found[0]
            for name, value in changes.items():
                if value is not None or name == "pickup_location":
                    setattr(lesson, name, value)
            s.flush()
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)

    def complete(self, lesson_id: int, data: LessonComplete) -> LessonRead:
        def fn(s: Session) -> LessonRead:
            lesson = load_lesson(s, lesson_id)
            _scheduled(lesson, data.version)
            enrollment = ledger.load_enrollment(s, lesson.enrollment_id) if lesson.enrollment_id else None
            if enrollment is not None:
                ledger.ensure_open(enrollment)
            if data.actual_end > utcnow():
                raise LessonInFuture(details={"field": "actual_end", "actual_end": data.actual_end.isoformat()})
            _check_actual_times(s, lesson, data)
            record_odometer(s, lesson.vehicle_id, data.odometer_start, "lesson_start", lesson_id=lesson.id)
            record_odometer(s, lesson.vehicle_id, data.odometer_end, "lesson_end", lesson_id=lesson.id)
            for name, value in data.model_dump(exclude={"version"}).items():
                setattr(lesson, name, value)
            lesson.status = "completed"
            s.flush()
            if enrollment is not None:
                minutes = minutes_between(data.actual_start, data.actual_end)
                day = local_date(load_settings(s), data.actual_start)
                ledger.credit(s, enrollment, "in_car", minutes, day, "lesson", lesson.id)
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)

    def cancel(self, lesson_id: int, data: LessonCancel) -> LessonRead:
        """Inside the notice window the lesson is late-cancelled and carries the late-cancel fee.

        Allowed on a certified enrollment: cancelling frees the calendar and credits no hours.
        """

        def fn(s: Session) -> LessonRead:
            settings = load_settings(s)
            lesson = load_lesson(s, lesson_id)
            _scheduled(lesson, data.version)
            now = utcnow()
            # "Less than the notice ahead" is late: exactly the notice ahead is still on time.
            late = now > lesson.starts_at - timedelta(hours=settings.late_cancel_notice_hours)
            lesson.status = "late_cancelled" if late else "cancelled"
            lesson.fee_cents = settings.late_cancel_fee_cents if late else 0
            lesson.cancelled_at, lesson.cancel_reason = now, data.reason
            s.flush()
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)

    def mark_no_show(self, lesson_id: int, data: LessonCancel) -> LessonRead:
        def fn(s: Session) -> LessonRead:
            settings = load_settings(s)
            lesson = load_lesson(s, lesson_id)
            _scheduled(lesson, data.version)
            if lesson.starts_at > utcnow():
                raise LessonInFuture(details={"lesson_id": lesson.id, "starts_at": lesson.starts_at.isoformat()})
            lesson.status = "no_show"
            # No-shows carry the same fee as a late cancellation (DOMAIN.md: "Money").
            lesson.fee_cents = settings.late_cancel_fee_cents
            lesson.cancel_reason = data.reason
            s.flush()
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)
