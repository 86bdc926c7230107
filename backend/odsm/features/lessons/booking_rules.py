"""The in-car booking rules: pure functions over BookingFacts, registered in the order they are reported.

Booking refuses with the first broken rule; the calendar's dry run (`db:lessons:check`) shows them all.
Each rule says when it applies: booking, rescheduling, or completing (the actual times answer to the
rules of the day: credentials, the G1 night ban, the daily limit; a lesson that ran ten minutes into the
next slot still happened, so overlaps are not re-checked). Every refusal's details name the rule, its
limit, and the conflicting booking, so the UI can explain it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from odsm.core.backdating import backdated_details
from odsm.core.clock_text import minute_range_text, minute_text, moment_text, span_text
from odsm.core.errors import AppError
from odsm.core.rule_registry import RuleRegistry, refusal_of
from odsm.features.enrollments import ledger
from odsm.features.instructors.service import di_licence_valid_on
from odsm.features.school.clock import at_local, minutes_between, zone
from odsm.features.students.errors import StudentArchived
from odsm.features.vehicles.service import vehicle_bookable_on
from odsm.models import LessonStatus

from .booking_facts import BookingFacts, Stage
from .errors import (
    BackdatedWithoutReason,
    DailyInCarLimit,
    G1NightBan,
    InstructorDoubleBooked,
    InstructorLicenceInvalid,
    InstructorNotAuthorised,
    InstructorOnTimeOff,
    InstructorTeachingClass,
    LessonInFuture,
    OutsideAvailability,
    StudentDoubleBooked,
    StudentLicenceExpired,
    StudentLicenceMissing,
    VehicleDoubleBooked,
    VehicleInactive,
    VehicleInspectionLapsed,
    VehicleInsuranceLapsed,
)
from .weekly_hours import hours_on, within_weekly_hours

if TYPE_CHECKING:
    from odsm.models import Lesson, RoadTest

booking: RuleRegistry[Stage, BookingFacts] = RuleRegistry()
BOOKING = {Stage.BOOK, Stage.RESCHEDULE}
ALWAYS = {Stage.BOOK, Stage.RESCHEDULE, Stage.COMPLETE}


def _fmt(f: BookingFacts) -> str:
    return f.settings.time_format or "12h"


def _when(f: BookingFacts, starts_at: datetime, ends_at: datetime) -> str:
    """ "4:00 to 5:00 p.m. on Tue, Mar 4", in the school's zone and time format."""
    return span_text(starts_at, ends_at, zone(f.settings), _fmt(f))


def _student_name(f: BookingFacts, lesson: Lesson) -> str:
    if lesson.student_id is None or lesson.student_id == f.student.id:
        return _own_name(f)
    return f.conflicts.student_names.get(lesson.student_id, "another student")


def _own_name(f: BookingFacts) -> str:
    first, last = f.student.first_name, f.student.last_name
    return " ".join(p for p in (first, last) if p) or "The student"


def _span(f: BookingFacts, lesson: Lesson) -> dict[str, Any]:
    """The other booking, by student and time as the desk reads it (its id stays for the calendar's link)."""
    return {
        "conflicting_lesson_id": lesson.id,
        "conflicting_student_id": lesson.student_id,
        "conflicting_student_name": _student_name(f, lesson),
        "starts_at": lesson.starts_at.isoformat(),
        "ends_at": lesson.ends_at.isoformat(),
        "local_time": _when(f, lesson.starts_at, lesson.ends_at),
    }


def lesson_minutes(lesson: Lesson) -> int:
    if lesson.status == LessonStatus.COMPLETED and lesson.actual_start and lesson.actual_end:
        return minutes_between(lesson.actual_start, lesson.actual_end)
    return minutes_between(lesson.starts_at, lesson.ends_at)


@booking.rule(on=BOOKING)
def student_not_archived(f: BookingFacts) -> AppError | None:
    return StudentArchived(details={"student_id": f.student.id}) if f.student.archived_at is not None else None


@booking.rule(on=ALWAYS)
def enrollment_open(f: BookingFacts) -> AppError | None:
    enrollment = f.enrollment
    return None if enrollment is None else refusal_of(lambda: ledger.ensure_open(enrollment))


@booking.rule(on={Stage.COMPLETE})
def lesson_has_happened(f: BookingFacts) -> AppError | None:
    if f.ends_at <= f.now:
        return None
    return LessonInFuture(details={"field": "actual_end", "actual_end": f.ends_at.isoformat()})


def _road_test(f: BookingFacts, test: RoadTest) -> dict[str, Any]:
    """A road test in the way, as the desk reads it: whose, which class, and the time it holds."""
    held_from, held_until = (
        (test.starts_at, test.ends_at) if test.student_id == f.student.id else (test.blocked_from, test.blocked_until)
    )
    name = (
        _own_name(f)
        if test.student_id == f.student.id
        else f.conflicts.student_names.get(test.student_id, "another student")
    )
    return {
        "conflicting_road_test_id": test.id,
        "conflicting_student_id": test.student_id,
        "conflicting_student_name": name,
        "licence_class": test.licence_class,
        "starts_at": held_from.isoformat(),
        "ends_at": held_until.isoformat(),
        "local_time": _when(f, held_from, held_until),
    }


@booking.rule(on=BOOKING)
def instructor_free(f: BookingFacts) -> AppError | None:
    other = f.conflicts.instructor_lesson
    test = f.conflicts.instructor_road_test
    if other is None and test is not None:
        details = {"rule": "instructor_double_booking", "instructor_id": f.instructor.id, **_road_test(f, test)}
        who, when = details["conflicting_student_name"], details["local_time"]
        return InstructorDoubleBooked(f"The instructor is going with {who} to a road test {when}.", details)
    if other is None:
        return None
    details = {"rule": "instructor_double_booking", "instructor_id": f.instructor.id, **_span(f, other)}
    who, when = details["conflicting_student_name"], details["local_time"]
    return InstructorDoubleBooked(f"The instructor is already booked with {who} {when}.", details)


@booking.rule(on=BOOKING)
def vehicle_free(f: BookingFacts) -> AppError | None:
    other = f.conflicts.vehicle_lesson
    test = f.conflicts.vehicle_road_test
    if other is None and test is not None:
        details = {"rule": "vehicle_double_booking", "vehicle_id": f.vehicle.id, **_road_test(f, test)}
        who, when = details["conflicting_student_name"], details["local_time"]
        return VehicleDoubleBooked(f"The car {f.vehicle.plate} is rented to {who} for a road test {when}.", details)
    if other is None:
        return None
    details = {"rule": "vehicle_double_booking", "vehicle_id": f.vehicle.id, **_span(f, other)}
    who, when = details["conflicting_student_name"], details["local_time"]
    return VehicleDoubleBooked(f"The car {f.vehicle.plate} is already booked with {who} {when}.", details)


@booking.rule(on=BOOKING)
def student_free(f: BookingFacts) -> AppError | None:
    other = f.conflicts.student_lesson
    test = f.conflicts.student_road_test
    if other is None and test is not None:
        details = {"rule": "student_double_booking", "student_id": f.student.id, **_road_test(f, test)}
        return StudentDoubleBooked(f"{_own_name(f)} has a road test {details['local_time']}.", details)
    if other is None:
        return None
    details = {"rule": "student_double_booking", "student_id": f.student.id, **_span(f, other)}
    return StudentDoubleBooked(f"{_own_name(f)} already has a lesson {details['local_time']}.", details)


@booking.rule(on=BOOKING)
def instructor_not_on_time_off(f: BookingFacts) -> AppError | None:
    off = f.conflicts.time_off
    if off is None:
        return None
    when = _when(f, off.starts_at, off.ends_at)
    return InstructorOnTimeOff(
        f"The instructor has time off {when}.",
        {
            "rule": "instructor_time_off",
            "instructor_id": f.instructor.id,
            "time_off_id": off.id,
            "starts_at": off.starts_at.isoformat(),
            "ends_at": off.ends_at.isoformat(),
            "local_time": when,
            "reason": off.reason,
        },
    )


@booking.rule(on=BOOKING)
def instructor_not_teaching(f: BookingFacts) -> AppError | None:
    """A class the instructor teaches holds the instructor as a lesson does."""
    session = f.conflicts.class_taught
    if session is None:
        return None
    when = _when(f, session.starts_at, session.ends_at)
    topic = f" ({session.topic})" if session.topic else ""
    return InstructorTeachingClass(
        f"The instructor is teaching a class{topic} {when}.",
        {
            "rule": "instructor_double_booking",
            "instructor_id": f.instructor.id,
            "conflicting_session_id": session.id,
            "starts_at": session.starts_at.isoformat(),
            "ends_at": session.ends_at.isoformat(),
            "local_time": when,
            "topic": session.topic,
        },
    )


@booking.rule(on=BOOKING)
def instructor_available(f: BookingFacts) -> AppError | None:
    """Inside the instructor's weekly hours, unless the front desk gives a reason (kept in the audit log).

    An instructor with no hours recorded at all is taken as available whenever: schools that never
    entered hours keep booking as before, rather than finding every lesson refused."""
    slots = list(f.instructor.availability)
    if not slots or (f.override_reason or "").strip() or within_weekly_hours(slots, f.settings, f.starts_at, f.ends_at):
        return None
    weekday = f.starts_at.astimezone(zone(f.settings)).weekday()
    hours = [minute_range_text(a, b, _fmt(f)) for a, b in hours_on(slots, weekday)]
    works = f"works {', '.join(hours)} that day" if hours else "does not work that day"
    when = _when(f, f.starts_at, f.ends_at)
    return OutsideAvailability(
        f"The lesson, {when}, is outside the instructor's hours: the instructor {works}. "
        "Give a reason to book it anyway.",
        {
            "rule": "instructor_availability",
            "instructor_id": f.instructor.id,
            "weekday": weekday,
            "date": f.day.isoformat(),
            "hours": hours,
            "starts_at": f.starts_at.isoformat(),
            "ends_at": f.ends_at.isoformat(),
            "local_time": when,
        },
    )


@booking.rule(on=ALWAYS)
def instructor_licence_valid(f: BookingFacts) -> AppError | None:
    i = f.instructor
    if di_licence_valid_on(i, f.day):
        return None
    return InstructorLicenceInvalid(
        details={
            "rule": "di_licence_valid",
            "instructor_id": i.id,
            "date": f.day.isoformat(),
            "di_licence_expiry": i.di_licence_expiry.isoformat(),
            "active": i.active,
        }
    )


@booking.rule(on=ALWAYS)
def instructor_authorised_in_car(f: BookingFacts) -> AppError | None:
    if f.instructor.authorised_in_car:
        return None
    return InstructorNotAuthorised(details={"rule": "authorised_in_car", "instructor_id": f.instructor.id})


def _vehicle(f: BookingFacts) -> dict[str, Any]:
    return {"vehicle_id": f.vehicle.id, "plate": f.vehicle.plate, "date": f.day.isoformat()}


@booking.rule(on=ALWAYS)
def vehicle_active(f: BookingFacts) -> AppError | None:
    if "inactive" not in vehicle_bookable_on(f.vehicle, f.day):
        return None
    return VehicleInactive(details={"rule": "vehicle_active", **_vehicle(f)})


@booking.rule(on=ALWAYS)
def vehicle_insured(f: BookingFacts) -> AppError | None:
    if "insurance" not in vehicle_bookable_on(f.vehicle, f.day):
        return None
    expiry = f.vehicle.insurance_expiry.isoformat()
    details = {"rule": "vehicle_insurance_valid", "insurance_expiry": expiry, **_vehicle(f)}
    return VehicleInsuranceLapsed(details=details)


@booking.rule(on=ALWAYS)
def vehicle_inspected(f: BookingFacts) -> AppError | None:
    if "inspection" not in vehicle_bookable_on(f.vehicle, f.day):
        return None
    expiry = f.vehicle.inspection_expiry.isoformat()
    details = {"rule": "vehicle_inspection_valid", "inspection_expiry": expiry, **_vehicle(f)}
    return VehicleInspectionLapsed(details=details)


# The student's licence is checked when the lesson is booked or moved, not on completion: completing
# records a drive that already happened, and refusing that record would hide the drive, not prevent it.
@booking.rule(on=BOOKING)
def student_licence_on_file(f: BookingFacts) -> AppError | None:
    missing = [name for name in ("licence_number", "licence_class") if not getattr(f.student, name)]
    if not missing:
        return None
    details = {"rule": "student_licence_on_file", "student_id": f.student.id, "field": missing[0], "missing": missing}
    return StudentLicenceMissing(details=details)


@booking.rule(on=BOOKING)
def student_licence_valid(f: BookingFacts) -> AppError | None:
    expiry = f.student.licence_expiry
    if expiry is None or expiry >= f.day:
        return None
    return StudentLicenceExpired(
        details={
            "rule": "student_licence_valid",
            "student_id": f.student.id,
            "field": "licence_expiry",
            "licence_expiry": expiry.isoformat(),
            "date": f.day.isoformat(),
        }
    )


@booking.rule(on=ALWAYS)
def g1_night_ban(f: BookingFacts) -> AppError | None:
    """A G1 driver may not drive between night start and night end, local time (00:00-05:00).

    A student with no class on file is taken as a G1: the strictest class, so a gap in the record
    never lets a beginner drive at night."""
    settings = f.settings
    start_min, end_min = settings.g1_night_start_minute, settings.g1_night_end_minute
    if (f.student.licence_class or "G1").upper() != "G1" or start_min == end_min:
        return None
    if end_min < start_min:  # a window across midnight, e.g. 23:00-05:00
        end_min += 24 * 60
    tz = zone(settings)
    day = f.starts_at.astimezone(tz).date() - timedelta(days=1)
    while day <= f.ends_at.astimezone(tz).date():
        window_start, window_end = at_local(settings, day, start_min), at_local(settings, day, end_min)
        if f.starts_at < window_end and f.ends_at > window_start:
            fmt = _fmt(f)
            night = f"{minute_text(start_min, fmt)} and {minute_text(end_min % (24 * 60), fmt)}"
            when = _when(f, f.starts_at, f.ends_at)
            return G1NightBan(
                f"A G1 driver may not drive between {night}; this lesson runs {when}.",
                {
                    "rule": "g1_night_ban",
                    "student_id": f.student.id,
                    "licence_class": "G1",
                    "licence_class_on_file": f.student.licence_class,
                    "window_start_minute": settings.g1_night_start_minute,
                    "window_end_minute": settings.g1_night_end_minute,
                    "window_starts_at": window_start.isoformat(),
                    "window_ends_at": window_end.isoformat(),
                    "starts_at": f.starts_at.isoformat(),
                    "ends_at": f.ends_at.isoformat(),
                    "local_time": when,
                },
            )
        day += timedelta(days=1)
    return None


@booking.rule(on=ALWAYS)
def daily_in_car_limit(f: BookingFacts) -> AppError | None:
    """In-car minutes on the lesson's local day; a lower limit on a full classroom day."""
    settings = f.settings
    booked = sum(lesson_minutes(x) for x in f.same_day)
    this = minutes_between(f.starts_at, f.ends_at)
    if f.classroom_minutes >= settings.max_classroom_minutes_per_day:
        rule, limit = "max_in_car_minutes_on_full_classroom_day", settings.max_in_car_minutes_on_full_classroom_day
    else:
        rule, limit = "max_in_car_minutes_per_day", settings.max_in_car_minutes_per_day
    if booked + this <= limit:
        return None
    details: dict[str, Any] = {
        "rule": rule,
        "student_id": f.student.id,
        "date": f.day.isoformat(),
        "limit_minutes": limit,
        "booked_minutes": booked,
        "lesson_minutes": this,
        "classroom_minutes": f.classroom_minutes,
        "classroom_session_ids": f.classroom_session_ids,
        "conflicting_lesson_ids": [x.id for x in f.same_day],
    }
    if f.same_day:
        details.update(_span(f, f.same_day[0]))
    booked_text = f"{_hours(booked)} in the car that day" if booked else "no other lesson that day"
    limit_text = f"{_hours(limit)} a day" + (" on a full classroom day" if rule.endswith("classroom_day") else "")
    message = (
        f"{_own_name(f)} has {booked_text}; this {_hours(this)} lesson would make {_hours(booked + this)}, "
        f"over the limit of {limit_text}."
    )
    return DailyInCarLimit(message, details)


def _hours(minutes: int) -> str:
    """ "1 h 30 min", "2 h", "45 min"."""
    h, m = divmod(minutes, 60)
    return " ".join(part for part in (f"{h} h" if h else "", f"{m} min" if m else "") if part) or "0 min"


def _backdated(f: BookingFacts, event: str, at: datetime, grace_hours: int) -> AppError:
    details = backdated_details(event, at, zone(f.settings), grace_hours)
    details["local_time"] = when = moment_text(at, zone(f.settings), _fmt(f))
    if event == "actual_end":
        message = f"The lesson ended {when}, more than {grace_hours} hours ago: give a reason for the late entry."
    else:
        message = f"The lesson starts {when}, in the past: give a reason to book it."
    return BackdatedWithoutReason(message, details)


@booking.rule(on={Stage.BOOK})
def past_booking_has_reason(f: BookingFacts) -> AppError | None:
    """A lesson booked with a start already past is back-dated (DOMAIN.md: only with a logged reason)."""
    if f.starts_at >= f.now or f.reason:
        return None
    return _backdated(f, "starts_at", f.starts_at, 0)


@booking.rule(on={Stage.RESCHEDULE})
def move_into_the_past_has_reason(f: BookingFacts) -> AppError | None:
    """A lesson moved to a start already past is back-dated too; a move of anything else (its vehicle,
    its instructor) leaves the start alone and needs none."""
    if f.previous_starts_at is None or f.starts_at == f.previous_starts_at or f.starts_at >= f.now or f.reason:
        return None
    return _backdated(f, "starts_at", f.starts_at, 0)


@booking.rule(on={Stage.COMPLETE})
def late_completion_has_reason(f: BookingFacts) -> AppError | None:
    """A completion entered later than the school's grace period after the lesson ended needs a reason."""
    grace_hours = f.settings.backdate_grace_hours
    if f.ends_at + timedelta(hours=grace_hours) >= f.now or f.reason:
        return None
    return _backdated(f, "actual_end", f.ends_at, grace_hours)
