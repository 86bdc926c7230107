"""The reminders' rows, and the records the rules read (select() statements only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import partial

from sqlalchemy import ColumnElement, Row, and_, func, or_, select
from sqlalchemy.orm import Session

from odsm.core.resource_lock_repository import Resource, one_row
from odsm.features.billing import repository as billing_repo
from odsm.models import (
    DriveTestCentre,
    Enrollment,
    EnrollmentStatus,
    Instructor,
    Invoice,
    InvoiceOwing,
    InvoiceStatus,
    Lesson,
    LessonStatus,
    OutboxMessage,
    OutboxStatus,
    ReminderConsent,
    ReminderSettings,
    ReminderTemplate,
    RoadTest,
    RoadTestStatus,
    Student,
    Vehicle,
)

SETTINGS_ID = 1
LESSON_SCHEDULED = LessonStatus.SCHEDULED.value
LESSON_CANCELLED = (LessonStatus.CANCELLED.value, LessonStatus.LATE_CANCELLED.value)
ENROLLMENT_ACTIVE = EnrollmentStatus.ACTIVE.value
ROAD_TEST_BOOKED = RoadTestStatus.BOOKED.value
ROAD_TEST_CANCELLED = (RoadTestStatus.CANCELLED.value, RoadTestStatus.LATE_CANCELLED.value)
INVOICE_ISSUED = InvoiceStatus.ISSUED


def settings(s: Session) -> ReminderSettings:
    find = partial(s.get, ReminderSettings, SETTINGS_ID)
    return one_row(s, Resource.REMINDER_SETTINGS, find, partial(ReminderSettings, id=SETTINGS_ID))


def student(s: Session, student_id: int) -> Student | None:
    return s.get(Student, student_id)


def consent(s: Session, student_id: int) -> ReminderConsent | None:
    return s.scalars(select(ReminderConsent).where(ReminderConsent.student_id == student_id)).first()


def consenting(s: Session, student_ids: set[int]) -> set[int]:
    if not student_ids:
        return set()
    stmt = select(ReminderConsent.student_id).where(
        ReminderConsent.student_id.in_(student_ids), ReminderConsent.agreed.is_(True)
    )
    return set(s.scalars(stmt).all())


def templates(s: Session) -> Sequence[ReminderTemplate]:
    return s.scalars(select(ReminderTemplate).order_by(ReminderTemplate.rule, ReminderTemplate.channel)).all()


def template(s: Session, rule: str, channel: str) -> ReminderTemplate | None:
    stmt = select(ReminderTemplate).where(ReminderTemplate.rule == rule, ReminderTemplate.channel == channel)
    return s.scalars(stmt).first()


def existing_keys(s: Session, keys: set[str]) -> set[str]:
    if not keys:
        return set()
    return set(s.scalars(select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(keys))).all())


def lessons_between(s: Session, start: datetime, end: datetime) -> Sequence[Row[Lesson, Student, Instructor]]:
    stmt = (
        select(Lesson, Student, Instructor)
        .join(Student, Student.id == Lesson.student_id)
        .join(Instructor, Instructor.id == Lesson.instructor_id)
        .where(Lesson.starts_at >= start, Lesson.starts_at < end, Lesson.status == LessonStatus.SCHEDULED)
        .order_by(Lesson.starts_at, Lesson.id)
    )
    return s.execute(stmt).all()


def lesson(s: Session, lesson_id: int) -> Lesson | None:
    return s.get(Lesson, lesson_id)


def enrollments_due_by(s: Session, today: date, last_day: date) -> Sequence[Row[Enrollment, Student]]:
    stmt = (
        select(Enrollment, Student)
        .join(Student, Student.id == Enrollment.student_id)
        .where(
            Enrollment.status == EnrollmentStatus.ACTIVE.value,
            Enrollment.deadline.is_not(None),
            Enrollment.deadline >= today,
            Enrollment.deadline <= last_day,
        )
        .order_by(Enrollment.deadline, Enrollment.id)
    )
    return s.execute(stmt).all()


def enrollment(s: Session, enrollment_id: int) -> Enrollment | None:
    return s.get(Enrollment, enrollment_id)


def road_tests_between(s: Session, start: datetime, end: datetime) -> Sequence[Row[RoadTest, Student, DriveTestCentre]]:
    stmt = (
        select(RoadTest, Student, DriveTestCentre)
        .join(Student, Student.id == RoadTest.student_id)
        .join(DriveTestCentre, DriveTestCentre.id == RoadTest.centre_id)
        .where(RoadTest.starts_at >= start, RoadTest.starts_at < end, RoadTest.status == RoadTestStatus.BOOKED)
        .order_by(RoadTest.starts_at, RoadTest.id)
    )
    return s.execute(stmt).all()


def road_test(s: Session, road_test_id: int) -> RoadTest | None:
    return s.get(RoadTest, road_test_id)


def overdue_invoices(s: Session, due_before: date) -> Sequence[Row[Invoice, Student]]:
    """Issued invoices with money left whose due date is before `due_before`: billing's own "overdue"
    conditions (what is owing decided in the database), with the student each is for."""
    open_overdue = billing_repo.invoice_filters(None, None, True, None, None, due_before)
    stmt = (
        select(Invoice, Student)
        .join(InvoiceOwing, InvoiceOwing.invoice_id == Invoice.id)
        .join(Student, Student.id == Invoice.student_id)
        .where(*open_overdue.where)
        .order_by(Invoice.due_on, Invoice.id)
    )
    return s.execute(stmt).all()


def invoice(s: Session, invoice_id: int) -> Invoice | None:
    return s.get(Invoice, invoice_id)


def credited_on(s: Session, invoice_id: int) -> int:
    return billing_repo.credited_on(s, [invoice_id]).get(invoice_id, 0)


def last_reminded(s: Session, rule: str, ref_kind: str, ref_ids: set[int]) -> dict[int, datetime]:
    """When each record was last reminded of by this rule (a message queued, sent or failing; a dropped one
    never reached anyone and does not count)."""
    if not ref_ids:
        return {}
    stmt = (
        select(OutboxMessage.ref_id, func.max(OutboxMessage.due_at))
        .where(
            OutboxMessage.rule == rule,
            OutboxMessage.ref_kind == ref_kind,
            OutboxMessage.ref_id.in_(ref_ids),
            OutboxMessage.status != OutboxStatus.DROPPED,
        )
        .group_by(OutboxMessage.ref_id)
    )
    return {ref_id: at for ref_id, at in s.execute(stmt).all()}


def instructors_lapsing(s: Session, today: date, last_day: date) -> Sequence[Instructor]:
    stmt = select(Instructor).where(
        Instructor.active.is_(True), Instructor.di_licence_expiry >= today, Instructor.di_licence_expiry <= last_day
    )
    return s.scalars(stmt.order_by(Instructor.di_licence_expiry, Instructor.id)).all()


def instructor(s: Session, instructor_id: int) -> Instructor | None:
    return s.get(Instructor, instructor_id)


def active_vehicles(s: Session) -> Sequence[Vehicle]:
    return s.scalars(select(Vehicle).where(Vehicle.active.is_(True)).order_by(Vehicle.id)).all()


def vehicle(s: Session, vehicle_id: int) -> Vehicle | None:
    return s.get(Vehicle, vehicle_id)


def due_messages(
    s: Session, now: datetime, max_attempts: int, abandoned_before: datetime | None = None
) -> Sequence[int]:
    """The due messages waiting to go; with `abandoned_before`, also those a send run claimed before then
    and never finished."""
    waiting: ColumnElement[bool] = OutboxMessage.status.in_((OutboxStatus.QUEUED, OutboxStatus.FAILED))
    if abandoned_before is not None:
        abandoned = and_(OutboxMessage.status == OutboxStatus.SENDING, OutboxMessage.updated_at < abandoned_before)
        waiting = or_(waiting, abandoned)
    stmt = (
        select(OutboxMessage.id)
        .where(
            waiting,
            OutboxMessage.attempts < max_attempts,
            OutboxMessage.due_at <= now,
        )
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
    )
    return s.scalars(stmt).all()


def message(s: Session, message_id: int) -> OutboxMessage | None:
    return s.get(OutboxMessage, message_id)


def messages(s: Session, status: str | None, limit: int, due_before: datetime | None = None) -> Sequence[OutboxMessage]:
    stmt = select(OutboxMessage)
    if status is not None:
        stmt = stmt.where(OutboxMessage.status == status)
    if due_before is not None:
        stmt = stmt.where(OutboxMessage.due_at < due_before)
    return s.scalars(stmt.order_by(OutboxMessage.due_at.desc(), OutboxMessage.id.desc()).limit(limit)).all()
