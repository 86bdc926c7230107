"""Finding a slot: the next times where every booking rule passes, for one student and one length.

The booking registry itself (booking_rules.booking) decides every candidate, so a proposal and a booking can
never disagree. Only the facts are read differently: once per window rather than once per candidate (each
instructor's, vehicle's and the student's lessons there, time off, classes taught, the day's classroom
minutes), an instructor's or vehicle's only when the search first reaches it. A candidate the registry passes
is then checked once more exactly as a booking is (`gather`, then the registry): a fact read differently in
bulk could only hide a slot, never offer one that booking would refuse.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

from sqlalchemy.orm import Session

from odsm.core.clock_text import span_text
from odsm.features.classroom.service import classroom_minutes_on, sessions_between
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import in_car_instructor_ids, load_instructor
from odsm.features.school.clock import at_local, day_bounds, local_today, zone
from odsm.features.school.service import load_settings
from odsm.features.students.service import load_student
from odsm.features.vehicles.service import active_vehicle_ids, load_vehicle
from odsm.models import Lesson

from .booking_facts import BookingFacts, Conflicts, Proposal, Stage, gather
from .booking_rules import booking
from .errors import (
    EnrollmentStudentMismatch,
    InstructorDoubleBooked,
    InstructorLicenceInvalid,
    InstructorNotAuthorised,
    InstructorOnTimeOff,
    InstructorTeachingClass,
    OutsideAvailability,
    VehicleDoubleBooked,
    VehicleInactive,
    VehicleInspectionLapsed,
    VehicleInsuranceLapsed,
)
from .repository import LessonRepository
from .schemas import SlotProposal, SlotProposals

if TYPE_CHECKING:
    from odsm.models import Enrollment, Instructor, SchoolSettings, Student, Vehicle

# A refusal of these depends on the instructor (or the vehicle) alone: another one may pass at the same time.
# Any other refusal (the student's, the enrollment's, the time's) holds whoever teaches, so the search moves
# on to the next time.
_INSTRUCTOR_REFUSALS = (
    InstructorDoubleBooked,
    InstructorLicenceInvalid,
    InstructorNotAuthorised,
    InstructorOnTimeOff,
    InstructorTeachingClass,
    OutsideAvailability,
)
_VEHICLE_REFUSALS = (VehicleDoubleBooked, VehicleInactive, VehicleInspectionLapsed, VehicleInsuranceLapsed)


@dataclass(frozen=True)
class SlotQuery:
    """A student, a length, and a window of days and local hours ([earliest, latest] minutes from midnight)."""

    student_id: int
    minutes: int
    first_day: date | None = None  # today when not given
    days: int = 14
    earliest_minute: int = 8 * 60
    latest_minute: int = 20 * 60
    step_minutes: int = 30
    limit: int = 5
    enrollment_id: int | None = None
    instructor_id: int | None = None  # only this instructor's slots


class _Span(Protocol):
    starts_at: datetime
    ends_at: datetime


T = TypeVar("T", bound=_Span)


def _first_overlap(held: Sequence[T], start: datetime, end: datetime) -> T | None:
    """The earliest of `held` (sorted by start) overlapping [start, end): as the repository's overlap reads."""
    return next((x for x in held if x.starts_at < end and x.ends_at > start), None)


@dataclass
class _Window:
    """What the window holds, each part read once, when the search first needs it."""

    s: Session
    settings: SchoolSettings
    student: Student
    start: datetime
    end: datetime
    student_lessons: list[Lesson]
    _instructor_lessons: dict[int, list[Lesson]] = field(default_factory=dict)
    _vehicle_lessons: dict[int, list[Lesson]] = field(default_factory=dict)
    _classes: dict[int, list[_Span]] = field(default_factory=dict)
    _classroom: dict[date, tuple[int, list[int]]] = field(default_factory=dict)

    def instructor_lessons(self, instructor_id: int) -> list[Lesson]:
        if instructor_id not in self._instructor_lessons:
            found = LessonRepository(self.s).holding_between(Lesson.instructor_id, instructor_id, self.start, self.end)
            self._instructor_lessons[instructor_id] = found
        return self._instructor_lessons[instructor_id]

    def vehicle_lessons(self, vehicle_id: int) -> list[Lesson]:
        if vehicle_id not in self._vehicle_lessons:
            found = LessonRepository(self.s).holding_between(Lesson.vehicle_id, vehicle_id, self.start, self.end)
            self._vehicle_lessons[vehicle_id] = found
        return self._vehicle_lessons[vehicle_id]

    def classes(self, instructor_id: int) -> list[_Span]:
        if instructor_id not in self._classes:
            self._classes[instructor_id] = list(sessions_between(self.s, self.start, self.end, instructor_id))
        return self._classes[instructor_id]

    def classroom(self, day: date) -> tuple[int, list[int]]:
        if day not in self._classroom:
            self._classroom[day] = classroom_minutes_on(self.s, self.settings, self.student.id, day)
        return self._classroom[day]

    def busy(self, instructor_id: int, start: datetime, end: datetime) -> bool:
        """Held then by a lesson or a class: the registry would refuse; the search skips it unbuilt."""
        return any(
            _first_overlap(held, start, end) is not None
            for held in (self.instructor_lessons(instructor_id), self.classes(instructor_id))
        )


@dataclass(frozen=True)
class _Candidate:
    instructor: Instructor
    vehicle: Vehicle
    starts_at: datetime
    ends_at: datetime


def _facts(w: _Window, enrollment: Enrollment | None, c: _Candidate, now: datetime) -> BookingFacts:
    """The facts `gather` would read for this candidate, taken from the window."""
    day = c.starts_at.astimezone(zone(w.settings)).date()
    day_start, day_end = day_bounds(w.settings, day)
    span = (c.starts_at, c.ends_at)
    classroom, sessions = w.classroom(day)
    return BookingFacts(
        settings=w.settings,
        student=w.student,
        instructor=c.instructor,
        vehicle=c.vehicle,
        enrollment=enrollment,
        starts_at=c.starts_at,
        ends_at=c.ends_at,
        day=day,
        now=now,
        conflicts=Conflicts(
            instructor_lesson=_first_overlap(w.instructor_lessons(c.instructor.id), *span),
            vehicle_lesson=_first_overlap(w.vehicle_lessons(c.vehicle.id), *span),
            student_lesson=_first_overlap(w.student_lessons, *span),
            time_off=_first_overlap(c.instructor.time_off, *span),
            class_taught=_first_overlap(w.classes(c.instructor.id), *span),  # type: ignore[arg-type]
        ),
        same_day=[x for x in w.student_lessons if day_start <= x.starts_at < day_end],
        classroom_minutes=classroom,
        classroom_session_ids=sessions,
    )


def _starts(settings: SchoolSettings, q: SlotQuery, first_day: date, now: datetime) -> Iterator[datetime]:
    """Every candidate start in the window, in time order, none in the past."""
    for offset in range(q.days):
        day = first_day + timedelta(days=offset)
        for minute in range(q.earliest_minute, q.latest_minute - q.minutes + 1, q.step_minutes):
            start = at_local(settings, day, minute)
            if start >= now:
                yield start


def find_slots(s: Session, q: SlotQuery, now: datetime) -> SlotProposals:
    """The first `q.limit` free starts in the window, one proposal each: the usual instructor when free, else
    the first other instructor with a free vehicle (the usual vehicle first). Listed usual instructor first."""
    settings = load_settings(s)
    student = load_student(s, q.student_id)
    enrollment = ledger.load_enrollment(s, q.enrollment_id) if q.enrollment_id is not None else None
    if enrollment is not None and enrollment.student_id != student.id:
        raise EnrollmentStudentMismatch(
            details={"field": "enrollment_id", "enrollment_id": enrollment.id, "student_id": student.id}
        )
    lessons = LessonRepository(s)
    usual_instructor = lessons.usual(Lesson.instructor_id, student.id)
    usual_vehicle = lessons.usual(Lesson.vehicle_id, student.id)
    instructors = [i for i in in_car_instructor_ids(s) if q.instructor_id in (None, i)]
    instructors.sort(key=lambda i: i != usual_instructor)
    vehicles = sorted(active_vehicle_ids(s), key=lambda v: v != usual_vehicle)
    first_day = q.first_day or local_today(settings)
    last_day = first_day + timedelta(days=q.days - 1)
    start, end = at_local(settings, first_day, q.earliest_minute), at_local(settings, last_day, q.latest_minute)
    # The student's lessons over whole days: the daily in-car limit counts the day's, not the window's.
    whole = (day_bounds(settings, first_day)[0], day_bounds(settings, last_day)[1])
    w = _Window(s, settings, student, start, end, lessons.holding_between(Lesson.student_id, student.id, *whole))

    found: list[SlotProposal] = []
    length = timedelta(minutes=q.minutes)
    for starts_at in _starts(settings, q, first_day, now):
        if len(found) == q.limit:
            break
        chosen = _first_passing(w, enrollment, instructors, vehicles, starts_at, starts_at + length, now)
        if chosen is not None:
            found.append(_proposal(settings, chosen, usual_instructor))
    found.sort(key=lambda p: not p.usual_instructor)
    return SlotProposals(student_id=student.id, usual_instructor_id=usual_instructor, proposals=found)


def _first_passing(
    w: _Window,
    enrollment: Enrollment | None,
    instructor_ids: list[int],
    vehicle_ids: list[int],
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
) -> _Candidate | None:
    for instructor_id in instructor_ids:
        if w.busy(instructor_id, starts_at, ends_at):
            continue
        for vehicle_id in vehicle_ids:
            if _first_overlap(w.vehicle_lessons(vehicle_id), starts_at, ends_at) is not None:
                continue
            # Loaded once reached (the session's identity map keeps them): most searches need one or two.
            instructor, vehicle = load_instructor(w.s, instructor_id), load_vehicle(w.s, vehicle_id)
            candidate = _Candidate(instructor, vehicle, starts_at, ends_at)
            refusals = booking.broken(Stage.BOOK, _facts(w, enrollment, candidate, now))
            if not refusals:
                if _books(w, enrollment, candidate, now):
                    return candidate
                continue
            if any(not isinstance(r, _INSTRUCTOR_REFUSALS + _VEHICLE_REFUSALS) for r in refusals):
                return None  # the student or the time stands in the way: no one else passes then either
            if any(isinstance(r, _INSTRUCTOR_REFUSALS) for r in refusals):
                break
    return None


def _books(w: _Window, enrollment: Enrollment | None, c: _Candidate, now: datetime) -> bool:
    """The booking's own check, its facts and the registry, on a candidate the window's facts passed."""
    p = Proposal(
        student_id=w.student.id,
        enrollment_id=enrollment.id if enrollment is not None else None,
        instructor_id=c.instructor.id,
        vehicle_id=c.vehicle.id,
        starts_at=c.starts_at,
        ends_at=c.ends_at,
    )
    return not booking.broken(Stage.BOOK, gather(w.s, Stage.BOOK, p, now))


def _proposal(settings: SchoolSettings, c: _Candidate, usual_instructor: int | None) -> SlotProposal:
    i, v = c.instructor, c.vehicle
    return SlotProposal(
        starts_at=c.starts_at,
        ends_at=c.ends_at,
        instructor_id=i.id,
        instructor_name=f"{i.first_name} {i.last_name}",
        vehicle_id=v.id,
        vehicle_plate=v.plate,
        usual_instructor=i.id == usual_instructor,
        local_time=span_text(c.starts_at, c.ends_at, zone(settings), settings.time_format or "12h"),
    )
