"""The one definition of "hours required" and "ready to certify", for Python values and SQL alike.

Each rule is written once, over a small `Ops` algebra: `PYTHON` evaluates it on loaded values, and the
repository's `SQL` builds the same rule as a column expression over the enrollments and courses tables.
So the per-student view (Python) and the certification worklist (one SQL pass over running totals)
cannot drift apart: both read the rule below, and a test compares the two on every kind of course.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from odsm.features.courses.service import CourseKind
from odsm.models import EnrollmentResult, EnrollmentStatus

if TYPE_CHECKING:
    from odsm.models import SchoolSettings

CATEGORIES = ("classroom", "in_car", "flex")


@dataclass(frozen=True)
class Ops:
    """How a rule says "if", "the larger of" and "is recorded"; comparisons (==, >=) read the same on values
    and columns."""

    when: Callable[[Any, Any, Any], Any]
    greatest: Callable[[Any, Any], Any]
    present: Callable[[Any], Any]


PYTHON = Ops(when=lambda cond, then, other: then if cond else other, greatest=max, present=lambda v: v is not None)


def bde_floor(settings: SchoolSettings, category: str) -> int:
    return int(getattr(settings, f"bde_{category}_minutes"))


def required_minutes(ops: Ops, kind: Any, own: Any, settings: SchoolSettings, category: str) -> Any:
    """A BDE course never asks for less than the school's BDE settings (the Ministry's minimums, which a
    school may raise, never lower: DOMAIN.md); a non-BDE package asks exactly what it says."""
    return ops.when(kind == CourseKind.BDE, ops.greatest(own, bde_floor(settings, category)), own)


def hours_met(credited: Mapping[str, Any], required: Mapping[str, Any]) -> dict[str, Any]:
    """Per category: are the credited minutes at least the required ones?"""
    return {f"{c}_minutes": credited[c] >= required[c] for c in CATEGORIES}


@dataclass(frozen=True)
class ReadyFacts:
    """What "ready to certify" reads: values of one loaded enrollment, or the columns of the worklist's query."""

    status: Any
    kind: Any
    result: Any
    consent_at: Any  # the student's consent to share their records with MTO (DOMAIN.md), a timestamp
    credited: Mapping[str, Any]  # the minutes that count: those by the deadline
    required: Mapping[str, Any]


def ready_checks(ops: Ops, facts: ReadyFacts) -> dict[str, Any]:
    """Ready to certify, requirement by requirement (a lapsed instructor is checked apart: it is a set of
    lessons, not a column)."""
    return {
        "status": facts.status == EnrollmentStatus.ACTIVE,
        "bde_course": facts.kind == CourseKind.BDE,
        **hours_met(facts.credited, facts.required),
        "result": facts.result == EnrollmentResult.PASS,
        "consent": ops.present(facts.consent_at),
    }


def required_for_course(course_kind: str, own: Mapping[str, int], settings: SchoolSettings) -> dict[str, int]:
    return {c: int(required_minutes(PYTHON, course_kind, own[c], settings, c)) for c in CATEGORIES}
