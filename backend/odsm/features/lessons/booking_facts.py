"""Every fact the booking rules decide on, gathered once per check through the lessons repository and
the other features' services. The rules (booking_rules.py) then run no query of their own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from odsm.features.classroom.service import class_taught_during, classroom_minutes_on
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import load_instructor, time_off_during
from odsm.features.school.clock import day_bounds, local_date
from odsm.features.school.service import load_settings
from odsm.features.students.service import full_name, load_student
from odsm.features.vehicles.service import load_vehicle
from odsm.models import Lesson

from .errors import EnrollmentStudentMismatch
from .repository import LessonRepository, holds_during, load_parties

if TYPE_CHECKING:
    from odsm.models import (
        ClassroomSession,
        Enrollment,
        Instructor,
        InstructorTimeOff,
        RoadTest,
        SchoolSettings,
        Student,
        Vehicle,
    )


class Stage(StrEnum):
    BOOK = "book"
    RESCHEDULE = "reschedule"
    COMPLETE = "complete"


@dataclass(frozen=True)
class Proposal:
    """What is asked for: a new lesson, a lesson moved, or a lesson's actual times on completion."""

    student_id: int
    enrollment_id: int | None
    instructor_id: int
    vehicle_id: int
    starts_at: datetime
    ends_at: datetime
    lesson_id: int | None = None  # the lesson being rescheduled or completed: never conflicts with itself
    reason: str | None = None  # why it is entered after the fact (back-dating rules)
    override_reason: str | None = None  # why the lesson may fall outside the instructor's weekly hours


@dataclass(frozen=True)
class Conflicts:
    """What already holds the instructor, the vehicle or the student then (the overlap rules' facts)."""

    instructor_lesson: Lesson | None = None
    vehicle_lesson: Lesson | None = None
    student_lesson: Lesson | None = None
    time_off: InstructorTimeOff | None = None
    class_taught: ClassroomSession | None = None
    # Road tests hold the car and the instructor (with their buffers) and the student as lessons do.
    instructor_road_test: RoadTest | None = None
    vehicle_road_test: RoadTest | None = None
    student_road_test: RoadTest | None = None
    # The names of the students in the lessons above, so a refusal names a booking as the desk knows it.
    student_names: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BookingFacts:
    settings: SchoolSettings
    student: Student
    instructor: Instructor
    vehicle: Vehicle
    enrollment: Enrollment | None
    starts_at: datetime
    ends_at: datetime
    day: date  # the local date the lesson starts on
    now: datetime
    conflicts: Conflicts = field(default_factory=Conflicts)
    same_day: list[Lesson] = field(default_factory=list)  # the student's other lessons that day, holding a slot
    classroom_minutes: int = 0  # the student's credited classroom minutes that day
    classroom_session_ids: list[int] = field(default_factory=list)
    reason: str | None = None  # why a past lesson is booked or moved, or a completion entered late
    override_reason: str | None = None
    previous_starts_at: datetime | None = None  # when rescheduling: the start the lesson had until now


def gather(s: Session, stage: Stage, p: Proposal, now: datetime) -> BookingFacts:
    """Loads the records named (refusing a missing one, or an enrollment of another student), then what
    the stage's rules read. Completion re-checks no overlap, so its overlap facts are not loaded."""
    settings = load_settings(s)
    # One read for the three parties. The Session keeps what it loaded only while someone holds it, so this
    # holds them: the loads below then answer from its identity map, or refuse a missing one in their words.
    parties = load_parties(s, p.student_id, p.instructor_id, p.vehicle_id)
    student = load_student(s, p.student_id)
    enrollment = ledger.load_enrollment(s, p.enrollment_id) if p.enrollment_id is not None else None
    if enrollment is not None and enrollment.student_id != student.id:
        raise EnrollmentStudentMismatch(
            details={"field": "enrollment_id", "enrollment_id": enrollment.id, "student_id": student.id}
        )
    instructor, vehicle = load_instructor(s, p.instructor_id), load_vehicle(s, p.vehicle_id)
    day = local_date(settings, p.starts_at)
    start, end = day_bounds(settings, day)
    classroom, sessions = classroom_minutes_on(s, settings, student.id, day)
    del parties
    moving = LessonRepository(s).get(p.lesson_id) if stage is Stage.RESCHEDULE and p.lesson_id is not None else None
    return BookingFacts(
        settings=settings,
        student=student,
        instructor=instructor,
        vehicle=vehicle,
        enrollment=enrollment,
        starts_at=p.starts_at,
        ends_at=p.ends_at,
        day=day,
        now=now,
        conflicts=Conflicts() if stage is Stage.COMPLETE else _conflicts(s, p),
        same_day=LessonRepository(s).student_lessons_starting(student.id, start, end, p.lesson_id),
        classroom_minutes=classroom,
        classroom_session_ids=sessions,
        reason=p.reason,
        override_reason=p.override_reason,
        previous_starts_at=moving.starts_at if moving is not None else None,
    )


def _conflicts(s: Session, p: Proposal) -> Conflicts:
    # One statement answers all six holds; most proposals clash with nothing and load no record.
    found = holds_during(s, (p.instructor_id, p.vehicle_id, p.student_id), p.starts_at, p.ends_at, p.lesson_id)
    # Only a refusal needs these names.
    names = {x.student_id: full_name(load_student(s, x.student_id)) for x in found.values() if x is not None}
    return Conflicts(
        **found,  # type: ignore[arg-type]
        time_off=time_off_during(s, p.instructor_id, p.starts_at, p.ends_at),
        class_taught=class_taught_during(s, p.instructor_id, p.starts_at, p.ends_at),
        student_names=names,
    )
