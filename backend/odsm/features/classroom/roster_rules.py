"""The roster rules: pure functions over facts loaded once.

A student joins a class's roster ahead of time when their enrollment is open, they are not on it already, and
the roster has a seat: its size stays within the class's capacity and the school's class size, whichever is
smaller (the school may have lowered its class size since the class was made)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from odsm.core.errors import AppError
from odsm.core.rule_registry import RuleRegistry, refusal_of
from odsm.features.enrollments import ledger

from .errors import AlreadyOnRoster, RosterFull

if TYPE_CHECKING:
    from odsm.models import Enrollment


class Stage(StrEnum):
    REGISTER = "register"


@dataclass(frozen=True)
class RegisterFacts:
    session_id: int
    enrollment: Enrollment
    student_name: str
    on_roster: bool  # the enrollment is on this class's roster already
    roster_size: int  # students on the roster before this one
    capacity: int  # the class's own size
    class_size_max: int  # the school's class size today


registering: RuleRegistry[Stage, RegisterFacts] = RuleRegistry()


@registering.rule(on={Stage.REGISTER})
def enrollment_open(f: RegisterFacts) -> AppError | None:
    return refusal_of(lambda: ledger.ensure_open(f.enrollment))


@registering.rule(on={Stage.REGISTER})
def not_registered_twice(f: RegisterFacts) -> AppError | None:
    if not f.on_roster:
        return None
    details = {"rule": "roster_once", "session_id": f.session_id, "enrollment_id": f.enrollment.id}
    return AlreadyOnRoster(details={**details, "student_name": f.student_name})


@registering.rule(on={Stage.REGISTER})
def roster_within_class_size(f: RegisterFacts) -> AppError | None:
    limit = min(f.capacity, f.class_size_max)
    if f.roster_size < limit:
        return None
    return RosterFull(
        details={
            "rule": "roster_size",
            "session_id": f.session_id,
            "limit": limit,
            "capacity": f.capacity,
            "class_size_max": f.class_size_max,
            "roster_size": f.roster_size,
            "student_name": f.student_name,
        }
    )
