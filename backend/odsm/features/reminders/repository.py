"""The reminders' rows, and the records the rules read (select() statements only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, Row, and_, or_, select
from sqlalchemy.orm import Session

from odsm.models import (
    Enrollment,
    EnrollmentStatus,
    Instructor,
    Lesson,
    LessonStatus,
    OutboxMessage,
    OutboxStatus,
    ReminderConsent,
    ReminderSettings,
    ReminderTemplate,
    Student,
    Vehicle,
)

SETTINGS_ID = 1
LESSON_SCHEDULED = LessonStatus.SCHEDULED.value
LESSON_CANCELLED = (LessonStatus.CANCELLED.value, LessonStatus.LATE_CANCELLED.value)
ENROLLMENT_ACTIVE = EnrollmentStatus.ACTIVE.value


def settings(s: Session) -> ReminderSettings:
    row = s.get(ReminderSettings, SETTINGS_ID)
    if row is None:
        row = ReminderSettings(id=SETTINGS_ID)
        s.add(row)
        s.flush()
    return row


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
