"""The classroom rules: pure functions over facts loaded once, registered in order.

A new session answers to `creating` (the school's class size, an authorised instructor with a valid DI
licence); each attendance entry answers to `attending` (its enrollment open, minutes within the session,
the student's daily classroom limit, the session's capacity). The service gathers the facts and enforces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from odsm.core.errors import AppError
from odsm.core.rule_registry import RuleRegistry, refusal_of
from odsm.features.enrollments import ledger
from odsm.features.instructors.errors import InstructorNotFound
from odsm.features.instructors.service import di_licence_valid_on

from .errors import ClassSizeExceeded, DailyLimitExceeded, InstructorNotAuthorised, MinutesExceedSession, SessionFull

if TYPE_CHECKING:
    from odsm.models import Enrollment, Instructor


class Stage(StrEnum):
    CREATE = "create"
    ATTEND = "attend"


@dataclass(frozen=True)
class NewSessionFacts:
    instructor_id: int
    instructor: Instructor | None  # None: no instructor has that id
    day: date  # the session's local date
    capacity: int
    class_size_max: int


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
