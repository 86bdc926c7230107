"""The road-test booking rules: pure functions over RoadTestFacts, registered in the order they report.

Eligibility (the waiting periods, the retest wait, the class held, the programme's years) comes from
`eligibility.verdict`; the car and the instructor answer to the lesson rules' checks (credentials valid
that day, nothing else holding them during the test and its buffers), the student to nothing else
during the test itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from odsm.core.clock_text import span_text
from odsm.core.errors import AppError
from odsm.core.rule_registry import RuleRegistry
from odsm.features.instructors.service import di_licence_valid_on
from odsm.features.school.clock import zone
from odsm.features.students.errors import StudentArchived
from odsm.features.vehicles.service import vehicle_bookable_on

from .eligibility import Verdict, day_text
from .errors import (
    ELIGIBILITY_REFUSALS,
    CentreRetired,
    InstructorDoubleBooked,
    InstructorUnavailable,
    RoadTestInPast,
    StudentDoubleBooked,
    VehicleDoubleBooked,
    VehicleNotBookable,
)

if TYPE_CHECKING:
    from odsm.models import (
        ClassroomSession,
        DriveTestCentre,
        Instructor,
        InstructorTimeOff,
        Lesson,
        RoadTest,
        SchoolSettings,
        Student,
        Vehicle,
    )


class Stage(StrEnum):
    BOOK = "book"


@dataclass(frozen=True)
class Holds:
    """What already holds the car, the instructor or the student then."""

    vehicle_lesson: Lesson | None = None
    vehicle_test: RoadTest | None = None
    instructor_lesson: Lesson | None = None
    instructor_test: RoadTest | None = None
    student_lesson: Lesson | None = None
    student_test: RoadTest | None = None
    time_off: InstructorTimeOff | None = None
    class_taught: ClassroomSession | None = None
    names: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoadTestFacts:
    school: SchoolSettings
    student: Student
    student_name: str
    centre: DriveTestCentre
    vehicle: Vehicle | None
    instructor: Instructor | None
    licence_class: str
    starts_at: datetime
    ends_at: datetime
    blocked_from: datetime
    blocked_until: datetime
    day: date
    now: datetime
    verdict: Verdict
    holds: Holds = field(default_factory=Holds)


road_test_rules: RuleRegistry[Stage, RoadTestFacts] = RuleRegistry()
BOOK = {Stage.BOOK}


def _when(f: RoadTestFacts, start: datetime, end: datetime) -> str:
    return span_text(start, end, zone(f.school), f.school.time_format or "12h")


def _held_by(f: RoadTestFacts, lesson: Lesson | None, test: RoadTest | None) -> dict[str, Any] | None:
    """The booking in the way, named as the desk knows it: a lesson or another road test."""
    if lesson is not None:
        who = f.holds.names.get(lesson.student_id, "another student")
        return {
            "conflicting_lesson_id": lesson.id,
            "conflicting_student_name": who,
            "what": f"a lesson with {who}",
            "local_time": _when(f, lesson.starts_at, lesson.ends_at),
        }
    if test is not None:
        who = f.holds.names.get(test.student_id, "another student")
        return {
            "conflicting_road_test_id": test.id,
            "conflicting_student_name": who,
            "what": f"{who}'s {test.licence_class} road test",
            "local_time": _when(f, test.blocked_from, test.blocked_until),
        }
    return None


@road_test_rules.rule(on=BOOK)
def student_not_archived(f: RoadTestFacts) -> AppError | None:
    return StudentArchived(details={"student_id": f.student.id}) if f.student.archived_at is not None else None


@road_test_rules.rule(on=BOOK)
def centre_in_list(f: RoadTestFacts) -> AppError | None:
    if f.centre.active:
        return None
    return CentreRetired(details={"field": "centre_id", "centre_id": f.centre.id, "centre": f.centre.name})


@road_test_rules.rule(on=BOOK)
def not_in_the_past(f: RoadTestFacts) -> AppError | None:
    if f.starts_at >= f.now:
        return None
    return RoadTestInPast(details={"field": "starts_at", "starts_at": f.starts_at.isoformat()})


@road_test_rules.rule(on=BOOK)
def eligible_that_day(f: RoadTestFacts) -> AppError | None:
    """Before the earliest day, a retest too soon, a class already held, or the programme's years gone."""
    v = f.verdict
    if v.code is None:
        return None
    refusal = ELIGIBILITY_REFUSALS[v.code]
    earliest = v.eligible_from if v.code != "road_test.programme_expired" else None
    when = f" The earliest day is {day_text(earliest)}." if earliest else ""
    message = f"{f.student_name} cannot take the {f.licence_class} test on {day_text(f.day)}.{when} "
    message += " ".join(v.reasons)
    return refusal(
        message,
        {
            "rule": v.code.removeprefix("road_test."),
            "field": "starts_at",
            "student_id": f.student.id,
            "licence_class": f.licence_class,
            "date": f.day.isoformat(),
            "eligible_from": v.eligible_from.isoformat() if v.eligible_from else None,
            "retest_from": v.retest_from.isoformat() if v.retest_from else None,
            "programme_ends": v.programme_ends.isoformat() if v.programme_ends else None,
            "reasons": v.reasons,
        },
    )


@road_test_rules.rule(on=BOOK)
def vehicle_bookable(f: RoadTestFacts) -> AppError | None:
    if f.vehicle is None:
        return None
    lapsed = vehicle_bookable_on(f.vehicle, f.day)
    if not lapsed:
        return None
    return VehicleNotBookable(
        details={
            "field": "vehicle_id",
            "vehicle_id": f.vehicle.id,
            "plate": f.vehicle.plate,
            "date": f.day.isoformat(),
            "lapsed": lapsed,
        }
    )


@road_test_rules.rule(on=BOOK)
def instructor_may_go(f: RoadTestFacts) -> AppError | None:
    i = f.instructor
    if i is None:
        return None
    details: dict[str, Any] = {"field": "instructor_id", "instructor_id": i.id, "date": f.day.isoformat()}
    if not di_licence_valid_on(i, f.day):
        return InstructorUnavailable(
            "The instructor's DI licence is not valid that day.", {**details, "rule": "di_licence_valid"}
        )
    off = f.holds.time_off
    if off is not None:
        when = _when(f, off.starts_at, off.ends_at)
        return InstructorUnavailable(
            f"The instructor has time off {when}.",
            {**details, "rule": "instructor_time_off", "time_off_id": off.id, "local_time": when},
        )
    session = f.holds.class_taught
    if session is not None:
        when = _when(f, session.starts_at, session.ends_at)
        return InstructorUnavailable(
            f"The instructor is teaching a class {when}.",
            {**details, "rule": "instructor_teaching", "conflicting_session_id": session.id, "local_time": when},
        )
    return None


@road_test_rules.rule(on=BOOK)
def vehicle_free(f: RoadTestFacts) -> AppError | None:
    held = _held_by(f, f.holds.vehicle_lesson, f.holds.vehicle_test)
    if held is None or f.vehicle is None:
        return None
    return VehicleDoubleBooked(
        f"The car {f.vehicle.plate} is booked for {held['what']} {held['local_time']}.",
        {"rule": "vehicle_double_booking", "field": "vehicle_id", "vehicle_id": f.vehicle.id, **held},
    )


@road_test_rules.rule(on=BOOK)
def instructor_free(f: RoadTestFacts) -> AppError | None:
    held = _held_by(f, f.holds.instructor_lesson, f.holds.instructor_test)
    if held is None or f.instructor is None:
        return None
    return InstructorDoubleBooked(
        f"The instructor is booked for {held['what']} {held['local_time']}.",
        {"rule": "instructor_double_booking", "field": "instructor_id", "instructor_id": f.instructor.id, **held},
    )


@road_test_rules.rule(on=BOOK)
def student_free(f: RoadTestFacts) -> AppError | None:
    held = _held_by(f, f.holds.student_lesson, f.holds.student_test)
    if held is None:
        return None
    test = f.holds.student_test
    what = f"a {test.licence_class} road test" if test is not None and f.holds.student_lesson is None else "a lesson"
    return StudentDoubleBooked(
        f"{f.student_name} already has {what} {held['local_time']}.",
        {"rule": "student_double_booking", "field": "starts_at", "student_id": f.student.id, **held},
    )
