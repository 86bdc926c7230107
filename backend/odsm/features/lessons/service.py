"""In-car lessons: booking and rescheduling (rules in booking_rules), completion, cancellation, no-shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from odsm.core.audit import primary
from odsm.core.errors import ValidationFailed
from odsm.core.orm import utcnow
from odsm.core.resource_lock_repository import Resource, lock_resources
from odsm.core.unit_of_work import Database
from odsm.core.versioning import check_version, guard_stale
from odsm.features.billing.service import charge_lesson_fee, draw_down_for_lesson, prepaid_warning
from odsm.features.enrollments import ledger
from odsm.features.school.clock import local_today, minutes_between
from odsm.features.school.service import load_settings
from odsm.features.students.errors import StudentNotFound
from odsm.features.vehicles.service import record_lesson_odometer
from odsm.models import Lesson, LessonStatus

from .booking_facts import Proposal, Stage, gather
from .booking_rules import booking
from .calendar_rows import lesson_from_row, road_test_from_row
from .day_sheet import build_day_sheet
from .errors import LessonInFuture, LessonNotFound, LessonNotScheduled, LessonVersionConflict
from .repository import (
    LessonRepository,
    NamedLesson,
    read_calendar,
    read_calendar_road_tests,
    read_named,
    read_student_lessons,
)
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
    SchoolDay,
    SlotProposals,
    StudentLessons,
    ordered,
)
from .school_day import build_school_day
from .slot_finder import SlotQuery, find_slots

# A refused booking offers the free slots of the week from the day asked for.
PROPOSAL_DAYS = 7


def _read_row(row: NamedLesson) -> LessonRead:
    lesson, sf, sl, inf, inl, plate = row
    out = LessonRead.model_validate(lesson)
    out.student_name, out.instructor_name, out.vehicle_plate = f"{sf} {sl}", f"{inf} {inl}", plate
    return out


def _read(s: Session, lesson_id: int) -> LessonRead:
    row = LessonRepository(s).named(lesson_id)
    if row is None:
        raise LessonNotFound(details={"lesson_id": lesson_id})
    return _read_row(row)


def _proposal(data: LessonBook, lesson_id: int | None = None) -> Proposal:
    return Proposal(**data.model_dump(exclude={"pickup_location"}), lesson_id=lesson_id)


def _audit_as(s: Session, lesson: Lesson, action: str, *reasons: str | None) -> None:
    """The write is the lesson's: its one audit entry is the lesson's, with why it is booked in the past
    or outside the instructor's hours, and what else it changed (odometer readings, hours) inside it."""
    given = [r for r in reasons if r]
    primary(s, lesson, action, "; ".join(given) or None)


def _lock_calendars(
    s: Session, instructor_id: int, vehicle_id: int, student_id: int, enrollment_id: int | None = None
) -> None:
    """Before the rules read the calendars: one booking at a time per instructor, vehicle and student."""
    lock_resources(
        s,
        [
            (Resource.ENROLLMENT, enrollment_id),
            (Resource.INSTRUCTOR, instructor_id),
            (Resource.VEHICLE, vehicle_id),
            (Resource.STUDENT, student_id),
        ],
    )


def _scheduled(lesson: Lesson, version: int) -> None:
    check_version(lesson.version, version, LessonVersionConflict, lesson_id=lesson.id)
    if lesson.status != LessonStatus.SCHEDULED:
        raise LessonNotScheduled(details={"lesson_id": lesson.id, "status": lesson.status})


def lesson_holding(s: Session, owner: str, owner_id: int, start: datetime, end: datetime) -> Lesson | None:
    """For the road tests: the instructor's, vehicle's or student's (`owner`) earliest lesson holding a
    slot in [start, end)."""
    column = {"instructor": Lesson.instructor_id, "vehicle": Lesson.vehicle_id, "student": Lesson.student_id}[owner]
    return LessonRepository(s).first_overlap(column, owner_id, start, end, None)


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
        owners = {"instructor_id": instructor_id, "vehicle_id": vehicle_id, "student_id": student_id}
        rows = self.db.query(lambda conn: read_calendar(conn, start, end, owners, include_cancelled, limit))
        items = [lesson_from_row(r) for r in rows]
        tests = self.db.query(lambda conn: read_calendar_road_tests(conn, start, end, owners, limit))
        road_tests = [road_test_from_row(r) for r in tests]
        return LessonPage(items=items, total=len(items), road_tests=road_tests)

    def for_student(self, student_id: int, upcoming_limit: int, past_limit: int) -> StudentLessons:
        now = utcnow()
        found, upcoming_rows, past_rows = self.db.query(
            lambda conn: read_student_lessons(conn, student_id, now, upcoming_limit, past_limit)
        )
        if not found:
            raise StudentNotFound(details={"student_id": student_id})
        upcoming = [lesson_from_row(r) for r in upcoming_rows]
        following = (lesson for lesson in upcoming if lesson.status == "scheduled")
        return StudentLessons(
            student_id=student_id,
            next=next(following, None),
            upcoming=upcoming,
            past=[lesson_from_row(r) for r in past_rows],
        )

    def day_sheet(self, instructor_id: int, day: date) -> DaySheet:
        return self.db.read(lambda s: build_day_sheet(s, instructor_id, day))

    def school_day(self, day: date) -> SchoolDay:
        return self.db.read(lambda s: build_school_day(s, day))

    def get(self, lesson_id: int) -> LessonRead:
        row = self.db.query(lambda conn: read_named(conn, lesson_id))
        if row is None:
            raise LessonNotFound(details={"lesson_id": lesson_id})
        return lesson_from_row(row)

    def check(self, data: LessonBook, lesson_id: int | None) -> CheckResult:
        stage = Stage.BOOK if lesson_id is None else Stage.RESCHEDULE

        def fn(s: Session) -> CheckResult:
            now = utcnow()
            facts = gather(s, stage, _proposal(data, lesson_id), now)
            found = booking.broken(stage, facts)
            conflicts = [Conflict(code=e.code, message=e.message, details=e.details) for e in found]
            minutes = minutes_between(data.starts_at, data.ends_at)
            low = prepaid_warning(s, data.student_id, data.enrollment_id, minutes)
            warnings = [Conflict(**low)] if low else []
            if not conflicts or stage is not Stage.BOOK:
                return CheckResult(ok=not conflicts, conflicts=conflicts, warnings=warnings)
            # Refused: the next free slots for the same student and length, from the day asked for.
            q = SlotQuery(
                student_id=data.student_id,
                enrollment_id=data.enrollment_id,
                minutes=minutes,
                first_day=max(facts.day, local_today(facts.settings)),
                days=PROPOSAL_DAYS,
            )
            return CheckResult(
                ok=False, conflicts=conflicts, warnings=warnings, proposals=find_slots(s, q, now).proposals
            )

        return self.db.read(fn)

    def find_slots(self, q: SlotQuery) -> SlotProposals:
        """The next free slots where every booking rule passes (a read: nothing is held or booked)."""
        return self.db.read(lambda s: find_slots(s, q, utcnow()))

    def book(self, data: LessonBook) -> LessonRead:
        def fn(s: Session) -> LessonRead:
            _lock_calendars(s, data.instructor_id, data.vehicle_id, data.student_id)
            booking.enforce(Stage.BOOK, gather(s, Stage.BOOK, _proposal(data), utcnow()))
            # The reasons are not columns: they live in the lesson's audit entry.
            lesson = Lesson(**data.model_dump(exclude={"reason", "override_reason"}))
            s.add(lesson)
            _audit_as(s, lesson, "create", data.reason, data.override_reason)
            s.flush()
            return _read(s, lesson.id)

        return self.db.write(fn)

    def update(self, lesson_id: int, data: LessonUpdate) -> LessonRead:
        reasons = {"reason", "override_reason"}
        changes = {k: getattr(data, k) for k in data.model_fields_set if k not in {"version", *reasons}}

        def fn(s: Session) -> LessonRead:
            lesson = LessonRepository(s).load(lesson_id)
            _scheduled(lesson, data.version)
            merged = {
                k: changes.get(k) or getattr(lesson, k) for k in ("instructor_id", "vehicle_id", "starts_at", "ends_at")
            }
            try:
                ordered(merged["starts_at"], merged["ends_at"], "lesson")
            except ValueError as exc:
                raise ValidationFailed.for_field("ends_at", "order", str(exc)) from exc
            student, enrollment, why = lesson.student_id, lesson.enrollment_id, data.model_dump(include=reasons)
            _lock_calendars(s, merged["instructor_id"], merged["vehicle_id"], student)
            p = Proposal(student, enrollment, lesson_id=lesson.id, **why, **merged)
            booking.enforce(Stage.RESCHEDULE, gather(s, Stage.RESCHEDULE, p, utcnow()))
            for name, value in changes.items():
                if value is not None or name == "pickup_location":
                    setattr(lesson, name, value)
            _audit_as(s, lesson, "update", data.reason, data.override_reason)
            s.flush()
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)

    def complete(self, lesson_id: int, data: LessonComplete) -> LessonRead:
        def fn(s: Session) -> LessonRead:
            lesson = LessonRepository(s).load(lesson_id)
            _lock_calendars(s, lesson.instructor_id, lesson.vehicle_id, lesson.student_id, lesson.enrollment_id)
            # Another desk may have completed or moved it while this one waited: read it again.
            s.refresh(lesson)
            _scheduled(lesson, data.version)
            # The hours that count are the actual ones, so they answer to the rules again (those the
            # registry runs on completion).
            p = Proposal(
                lesson.student_id,
                lesson.enrollment_id,
                lesson.instructor_id,
                lesson.vehicle_id,
                data.actual_start,
                data.actual_end,
                lesson_id=lesson.id,
                reason=data.reason,
            )
            facts = gather(s, Stage.COMPLETE, p, utcnow())
            booking.enforce(Stage.COMPLETE, facts)
            _audit_as(s, lesson, "update", data.reason)
            record_lesson_odometer(s, lesson.vehicle_id, lesson.id, data.odometer_start, data.odometer_end)
            for name, value in data.model_dump(exclude={"version", "reason"}).items():
                setattr(lesson, name, value)
            lesson.status = LessonStatus.COMPLETED
            s.flush()
            minutes = minutes_between(data.actual_start, data.actual_end)
            if facts.enrollment is not None:
                ledger.credit(s, facts.enrollment, "in_car", minutes, facts.day, "lesson", lesson.id)
            draw_down_for_lesson(s, lesson, minutes)
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)

    def cancel(self, lesson_id: int, data: LessonCancel) -> LessonRead:
        """Inside the notice window the lesson is late-cancelled and carries the late-cancel fee.

        Allowed on a certified enrollment: cancelling frees the calendar and credits no hours.
        """

        def fn(s: Session) -> LessonRead:
            settings = load_settings(s)
            lesson = LessonRepository(s).load(lesson_id)
            _scheduled(lesson, data.version)
            now = utcnow()
            # "Less than the notice ahead" is late: exactly the notice ahead is still on time.
            late = now > lesson.starts_at - timedelta(hours=settings.late_cancel_notice_hours)
            lesson.status = LessonStatus.LATE_CANCELLED if late else LessonStatus.CANCELLED
            lesson.fee_cents = settings.late_cancel_fee_cents if late else 0
            lesson.cancelled_at, lesson.cancel_reason = now, data.reason
            s.flush()
            charge_lesson_fee(s, lesson)
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)

    def mark_no_show(self, lesson_id: int, data: LessonCancel) -> LessonRead:
        def fn(s: Session) -> LessonRead:
            settings = load_settings(s)
            lesson = LessonRepository(s).load(lesson_id)
            _scheduled(lesson, data.version)
            if lesson.starts_at > utcnow():
                raise LessonInFuture(details={"lesson_id": lesson.id, "starts_at": lesson.starts_at.isoformat()})
            lesson.status = LessonStatus.NO_SHOW
            # No-shows carry the same fee as a late cancellation (DOMAIN.md: "Money").
            lesson.fee_cents = settings.late_cancel_fee_cents
            lesson.cancel_reason = data.reason
            s.flush()
            charge_lesson_fee(s, lesson)
            return _read(s, lesson.id)

        return guard_stale(lambda: self.db.write(fn), LessonVersionConflict, lesson_id=lesson_id)
