"""The classroom rules: pure functions over facts loaded once, registered in order.

A new session answers to `creating` (the school's class size, an authorised instructor with a valid DI
licence, the instructor free of lessons, other classes, road tests and time off, a reason for a past date); each
attendance entry answers to `attending` (its enrollment open, minutes within the session, the student's
daily classroom limit, the session's capacity, a session that has begun, a reason when entered late).
The service gathers the facts and enforces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from odsm.core.backdating import backdated_details
from odsm.core.clock_text import moment_text, span_text
from odsm.core.errors import AppError
from odsm.core.rule_registry import RuleRegistry, refusal_of
from odsm.features.enrollments import ledger
from odsm.features.instructors.errors import InstructorNotFound
from odsm.features.instructors.service import LessonTaught, di_licence_valid_on

from .errors import (
    BackdatedWithoutReason,
    ClassSizeExceeded,
    DailyLimitExceeded,
    InstructorAtRoadTest,
    InstructorDoubleBooked,
    InstructorNotAuthorised,
    InstructorOnTimeOff,
    InstructorTeachingLesson,
    MinutesExceedSession,
    SessionFull,
    SessionNotYetHappened,
)

if TYPE_CHECKING:
    from odsm.models import ClassroomSession, Enrollment, Instructor, InstructorTimeOff


class Stage(StrEnum):
    CREATE = "create"
    ATTEND = "attend"


@dataclass(frozen=True)
class Timing:
    """The session's times against the school's clock, and why it is entered after the fact, if it is."""

    starts_at: datetime
    ends_at: datetime
    now: datetime
    tz: tzinfo  # the school's time zone, for the local times a refusal names
    grace_hours: int
    reason: str | None = None
    time_format: str = "12h"  # the school's: "4:00 p.m." or "16:00", in every time a refusal names


@dataclass(frozen=True)
class Clashes:
    """What already holds the instructor during a new session."""

    lesson: LessonTaught | None = None
    session: ClassroomSession | None = None
    time_off: InstructorTimeOff | None = None
    road_test: RoadTestHeld | None = None


@dataclass(frozen=True)
class RoadTestHeld:
    """A road test the instructor goes to, as the classroom rules name it: the time it holds him."""

    road_test_id: int
    student_id: int
    student_name: str
    licence_class: str
    held_from: datetime
    held_until: datetime


@dataclass(frozen=True)
class NewSessionFacts:
    instructor_id: int
    instructor: Instructor | None  # None: no instructor has that id
    day: date  # the session's local date
    capacity: int
    class_size_max: int
    timing: Timing
    clashes: Clashes = field(default_factory=Clashes)


@dataclass(frozen=True)
class AttendanceFacts:
    enrollment: Enrollment
    session_id: int
    minutes: int  # the entry's minutes present (0 = absent)
    session_minutes: int
    day: date
    daily_limit: int
    other_minutes: int  # the student's credited classroom minutes that day, in other sessions
    other_session_ids: list[int]
    existing_minutes: int | None  # None: no attendance recorded yet for this enrollment
    present: int  # attendees with minutes > 0 so far
    capacity: int
    timing: Timing


creating: RuleRegistry[Stage, NewSessionFacts] = RuleRegistry()
attending: RuleRegistry[Stage, AttendanceFacts] = RuleRegistry()


@creating.rule(on={Stage.CREATE})
def class_size(f: NewSessionFacts) -> AppError | None:
    if f.capacity <= f.class_size_max:
        return None
    return ClassSizeExceeded(
        details={"rule": "class_size_max", "field": "capacity", "limit": f.class_size_max, "capacity": f.capacity}
    )


@creating.rule(on={Stage.CREATE})
def instructor_exists(f: NewSessionFacts) -> AppError | None:
    return InstructorNotFound(details={"instructor_id": f.instructor_id}) if f.instructor is None else None


@creating.rule(on={Stage.CREATE})
def instructor_authorised(f: NewSessionFacts) -> AppError | None:
    i = f.instructor
    if i is None or (i.authorised_classroom and di_licence_valid_on(i, f.day)):
        return None
    return InstructorNotAuthorised(
        details={
            "rule": "classroom_instructor",
            "instructor_id": i.id,
            "date": f.day.isoformat(),
            "authorised_classroom": i.authorised_classroom,
            "active": i.active,
            "di_licence_expiry": i.di_licence_expiry.isoformat(),
        }
    )


@attending.rule(on={Stage.ATTEND})
def enrollment_open(f: AttendanceFacts) -> AppError | None:
    return refusal_of(lambda: ledger.ensure_open(f.enrollment))


@attending.rule(on={Stage.ATTEND})
def minutes_within_session(f: AttendanceFacts) -> AppError | None:
    if f.minutes <= f.session_minutes:
        return None
    return MinutesExceedSession(
        details={
            "rule": "minutes_exceed_session",
            "enrollment_id": f.enrollment.id,
            "limit_minutes": f.session_minutes,
            "minutes": f.minutes,
        }
    )


@attending.rule(on={Stage.ATTEND})
def daily_classroom_limit(f: AttendanceFacts) -> AppError | None:
    if f.other_minutes + f.minutes <= f.daily_limit:
        return None
    return DailyLimitExceeded(
        details={
            "rule": "max_classroom_minutes_per_day",
            "enrollment_id": f.enrollment.id,
            "date": f.day.isoformat(),
            "limit_minutes": f.daily_limit,
            "already_minutes": f.other_minutes,
            "minutes": f.minutes,
            "conflicting_session_ids": f.other_session_ids,
        }
    )


@attending.rule(on={Stage.ATTEND})
def session_capacity(f: AttendanceFacts) -> AppError | None:
    """Only a newly present student takes a seat; changing a present student's minutes takes none."""
    newly_present = not f.existing_minutes and f.minutes > 0
    if not newly_present or f.present < f.capacity:
        return None
    return SessionFull(details={"rule": "capacity", "session_id": f.session_id, "limit": f.capacity})


def _local(t: Timing, at: datetime) -> str:
    return moment_text(at, t.tz, t.time_format)


def _held(f: NewSessionFacts, rule: str, starts_at: datetime, ends_at: datetime, **named: Any) -> dict[str, Any]:
    """A clash's details: the rule, what holds the instructor (`named`), and its times in UTC and as the
    front desk reads them."""
    t = f.timing
    return {
        "rule": rule,
        "field": "starts_at",
        "instructor_id": f.instructor_id,
        **named,
        "starts_at": starts_at.isoformat(),
        "ends_at": ends_at.isoformat(),
        "local_time": span_text(starts_at, ends_at, t.tz, t.time_format),
    }


@creating.rule(on={Stage.CREATE})
def instructor_free_of_lessons(f: NewSessionFacts) -> AppError | None:
    """An in-car lesson holds the instructor as a class does (the lessons' rule, seen from the class)."""
    x = f.clashes.lesson
    if x is None:
        return None
    named = {"conflicting_lesson_id": x.lesson_id, "student_name": x.student_name}
    return InstructorTeachingLesson(details=_held(f, "instructor_double_booking", x.starts_at, x.ends_at, **named))


@creating.rule(on={Stage.CREATE})
def instructor_free_of_classes(f: NewSessionFacts) -> AppError | None:
    x = f.clashes.session
    if x is None:
        return None
    named = {"conflicting_session_id": x.id, "topic": x.topic, "room": x.room}
    return InstructorDoubleBooked(details=_held(f, "instructor_double_booking", x.starts_at, x.ends_at, **named))


@creating.rule(on={Stage.CREATE})
def instructor_free_of_road_tests(f: NewSessionFacts) -> AppError | None:
    """A road test holds its instructor from blocked_from to blocked_until (the lessons' rule, from the class)."""
    x = f.clashes.road_test
    if x is None:
        return None
    named = {
        "conflicting_road_test_id": x.road_test_id,
        "conflicting_student_id": x.student_id,
        "conflicting_student_name": x.student_name,
        "licence_class": x.licence_class,
    }
    details = _held(f, "instructor_double_booking", x.held_from, x.held_until, **named)
    return InstructorAtRoadTest(
        f"The instructor is going with {x.student_name} to a road test {details['local_time']}.", details
    )


@creating.rule(on={Stage.CREATE})
def instructor_not_on_time_off(f: NewSessionFacts) -> AppError | None:
    x = f.clashes.time_off
    if x is None:
        return None
    named = {"time_off_id": x.id, "reason": x.reason}
    return InstructorOnTimeOff(details=_held(f, "instructor_time_off", x.starts_at, x.ends_at, **named))


def _backdated(t: Timing, event: str, at: datetime, grace_hours: int) -> AppError:
    return BackdatedWithoutReason(
        details={**backdated_details(event, at, t.tz, grace_hours), "local_time": _local(t, at)}
    )


@creating.rule(on={Stage.CREATE})
def past_session_has_reason(f: NewSessionFacts) -> AppError | None:
    """A class created with a start already past is back-dated (DOMAIN.md: only with a logged reason)."""
    t = f.timing
    return None if t.starts_at >= t.now or t.reason else _backdated(t, "starts_at", t.starts_at, 0)


@attending.rule(on={Stage.ATTEND})
def session_has_begun(f: AttendanceFacts) -> AppError | None:
    """Attendance is taken once the class has begun: a class ahead has no one present yet."""
    t = f.timing
    if t.starts_at <= t.now:
        return None
    details = {"rule": "not_yet_happened", "field": "session", "starts_at": t.starts_at.isoformat()}
    return SessionNotYetHappened(details={**details, "local_time": _local(t, t.starts_at)})


@attending.rule(on={Stage.ATTEND})
def late_attendance_has_reason(f: AttendanceFacts) -> AppError | None:
    t = f.timing
    if t.ends_at + timedelta(hours=t.grace_hours) >= t.now or t.reason:
        return None
    return _backdated(t, "ends_at", t.ends_at, t.grace_hours)
