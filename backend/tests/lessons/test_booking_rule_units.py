"""The booking rules on their own: facts built as plain values, no server and no database.

Each rule gets a case it allows and a case it refuses; the registry's order and stages are pinned too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, get_args

import pytest

from odsm.features.lessons import schemas
from odsm.features.lessons.booking_facts import BookingFacts, Conflicts, Stage
from odsm.features.lessons.booking_rules import booking
from odsm.models import (
    ClassroomSession,
    Enrollment,
    Instructor,
    InstructorTimeOff,
    Lesson,
    LessonStatus,
    SchoolSettings,
    Student,
    Vehicle,
)

from ..rule_facts import DAY, at, backdated_start

PAPER = "Entered from the paper day sheet"
LICENCE = "O12345678901234"


def settings() -> SchoolSettings:
    return SchoolSettings(
        id=1,
        time_zone="America/Toronto",
        g1_night_start_minute=0,
        g1_night_end_minute=300,
        max_classroom_minutes_per_day=300,
        max_in_car_minutes_per_day=120,
        max_in_car_minutes_on_full_classroom_day=60,
        backdate_grace_hours=48,
    )


def lesson(lesson_id: int, start: datetime, end: datetime, **kw: Any) -> Lesson:
    return Lesson(id=lesson_id, starts_at=start, ends_at=end, status=LessonStatus.SCHEDULED, **kw)


def facts(**overrides: Any) -> BookingFacts:
    """A G2 student, an authorised instructor and a road-worthy car, 10:00-11:00 on DAY, nothing in the way."""
    base = BookingFacts(
        settings=settings(),
        student=Student(id=1, licence_number=LICENCE, licence_class="G2", archived_at=None),
        instructor=Instructor(id=2, active=True, di_licence_expiry=DAY, authorised_in_car=True),
        vehicle=Vehicle(id=3, plate="ABCD 123", active=True, insurance_expiry=DAY, inspection_expiry=DAY),
        enrollment=None,
        starts_at=at(10),
        ends_at=at(11),
        day=DAY,
        now=at(12, day=DAY + timedelta(days=1)),
        reason=PAPER,  # the base lesson lies in the past; the back-dating tests take the reason away
    )
    return replace(base, **overrides)


def broken(stage: Stage, f: BookingFacts) -> list[str]:
    return [e.code for e in booking.broken(stage, f)]


def test_a_clear_booking_breaks_no_rule_at_any_stage() -> None:
    for stage in Stage:
        assert broken(stage, facts()) == []


B, R, C = Stage.BOOK, Stage.RESCHEDULE, Stage.COMPLETE
# Every rule in the order its refusal is reported, with the stages it applies to. Completion re-checks
# no overlap (a lesson that ran into the next slot still happened) and asks that the lesson has ended.
REGISTERED = [
    ("student_not_archived", {B, R}),
    ("enrollment_open", {B, R, C}),
    ("lesson_has_happened", {C}),
    ("instructor_free", {B, R}),
    ("vehicle_free", {B, R}),
    ("student_free", {B, R}),
    ("instructor_not_on_time_off", {B, R}),
    ("instructor_not_teaching", {B, R}),
    ("instructor_available", {B, R}),
    ("instructor_licence_valid", {B, R, C}),
    ("instructor_authorised_in_car", {B, R, C}),
    ("vehicle_active", {B, R, C}),
    ("vehicle_insured", {B, R, C}),
    ("vehicle_inspected", {B, R, C}),
    ("student_licence_on_file", {B, R}),
    ("student_licence_valid", {B, R}),
    ("g1_night_ban", {B, R, C}),
    ("daily_in_car_limit", {B, R, C}),
    ("past_booking_has_reason", {B}),
    ("move_into_the_past_has_reason", {R}),
    ("late_completion_has_reason", {C}),
]


@pytest.mark.parametrize("stage", list(Stage))
def test_each_stage_runs_its_rules_in_the_order_they_are_reported(stage: Stage) -> None:
    expected = [name for name, stages in REGISTERED if stage in stages]
    assert [fn.__name__ for fn in booking.rules_for(stage)] == expected


def test_a_lesson_moved_into_the_past_needs_a_reason() -> None:
    # The default facts start at 10:00 on DAY, with `now` the next day: a start already past.
    was_ahead = at(10, day=DAY + timedelta(days=3))
    assert broken(Stage.RESCHEDULE, facts(previous_starts_at=was_ahead, reason=None)) == [
        "lesson.backdated_without_reason"
    ]
    assert broken(Stage.RESCHEDULE, facts(previous_starts_at=was_ahead)) == []
    # The start stays where it was (a vehicle swapped on a past lesson): nothing is back-dated.
    assert broken(Stage.RESCHEDULE, facts(previous_starts_at=at(10), reason=None)) == []


def test_an_archived_student_is_refused() -> None:
    f = facts(student=Student(id=1, licence_number=LICENCE, licence_class="G2", archived_at=at(9)))
    assert broken(Stage.BOOK, f) == ["student.archived"]


CLOSED = [("certified", "enrollment.locked"), ("withdrawn", "enrollment.withdrawn")]


@pytest.mark.parametrize(("status", "code"), CLOSED)
def test_a_closed_enrollment_is_refused_an_open_one_allowed(status: str, code: str) -> None:
    assert broken(Stage.BOOK, facts(enrollment=Enrollment(id=5, status="active"))) == []
    assert broken(Stage.COMPLETE, facts(enrollment=Enrollment(id=5, status=status))) == [code]


def test_completion_refuses_actual_times_that_have_not_ended_yet() -> None:
    refused = booking.broken(Stage.COMPLETE, facts(now=at(10, 30)))
    assert [e.code for e in refused] == ["lesson.not_yet_happened"]
    assert refused[0].details == {"field": "actual_end", "actual_end": at(11).isoformat()}
    assert broken(Stage.COMPLETE, facts(now=at(11))) == []


@pytest.mark.parametrize(
    ("field", "code", "owner_key", "owner_id"),
    [
        ("instructor_lesson", "lesson.instructor_double_booked", "instructor_id", 2),
        ("vehicle_lesson", "lesson.vehicle_double_booked", "vehicle_id", 3),
        ("student_lesson", "lesson.student_double_booked", "student_id", 1),
    ],
)
def test_an_overlapping_lesson_is_named_in_the_refusal(field: str, code: str, owner_key: str, owner_id: int) -> None:
    other = lesson(9, at(10, 30), at(11, 30))
    refused = booking.broken(Stage.BOOK, facts(conflicts=Conflicts(**{field: other})))
    assert [e.code for e in refused] == [code]
    assert refused[0].details is not None
    assert (refused[0].details["conflicting_lesson_id"], refused[0].details[owner_key]) == (9, owner_id)


def test_time_off_and_a_class_taught_hold_the_instructor() -> None:
    off = InstructorTimeOff(id=4, starts_at=at(9), ends_at=at(12), reason="Dentist")
    session = ClassroomSession(id=6, starts_at=at(10), ends_at=at(13), topic="Signs")
    refused = booking.broken(Stage.RESCHEDULE, facts(conflicts=Conflicts(time_off=off, class_taught=session)))
    assert [e.code for e in refused] == ["lesson.instructor_time_off", "lesson.instructor_teaching_class"]
    time_off, teaching = (e.details or {} for e in refused)
    assert (time_off["time_off_id"], time_off["reason"]) == (4, "Dentist")
    assert (teaching["conflicting_session_id"], teaching["topic"]) == (6, "Signs")


def test_the_instructor_licence_must_be_valid_on_the_day() -> None:
    expired = Instructor(id=2, active=True, di_licence_expiry=DAY - timedelta(days=1), authorised_in_car=True)
    assert broken(Stage.BOOK, facts(instructor=expired)) == ["lesson.instructor_licence_invalid"]
    inactive = Instructor(id=2, active=False, di_licence_expiry=DAY, authorised_in_car=True)
    assert broken(Stage.COMPLETE, facts(instructor=inactive)) == ["lesson.instructor_licence_invalid"]


def test_the_instructor_must_be_authorised_in_car() -> None:
    classroom_only = Instructor(id=2, active=True, di_licence_expiry=DAY, authorised_in_car=False)
    assert broken(Stage.BOOK, facts(instructor=classroom_only)) == ["lesson.instructor_not_authorised"]


def test_each_lapsed_vehicle_credential_is_its_own_refusal() -> None:
    yesterday = DAY - timedelta(days=1)
    lapsed = Vehicle(id=3, plate="ABCD 123", active=False, insurance_expiry=yesterday, inspection_expiry=yesterday)
    assert broken(Stage.BOOK, facts(vehicle=lapsed)) == [
        "lesson.vehicle_inactive",
        "lesson.vehicle_insurance_lapsed",
        "lesson.vehicle_inspection_lapsed",
    ]


def test_a_g1_driver_is_refused_at_night_and_allowed_from_five() -> None:
    g1 = Student(id=1, licence_number=LICENCE, licence_class="G1", archived_at=None)
    refused = booking.broken(Stage.BOOK, facts(student=g1, starts_at=at(4, 30), ends_at=at(5, 30)))
    assert [e.code for e in refused] == ["lesson.g1_night_ban"]
    assert refused[0].details is not None and refused[0].details["window_ends_at"] == at(5).isoformat()
    assert broken(Stage.BOOK, facts(student=g1, starts_at=at(5), ends_at=at(6))) == []
    late = facts(student=g1, starts_at=at(23), ends_at=at(0, 30, DAY + timedelta(days=1)))
    assert broken(Stage.BOOK, late) == ["lesson.g1_night_ban"]


def test_a_g2_driver_may_drive_at_night() -> None:
    assert broken(Stage.BOOK, facts(starts_at=at(4, 30), ends_at=at(5, 30))) == []


def test_the_daily_in_car_limit_counts_the_other_lessons_of_the_day() -> None:
    earlier = [lesson(7, at(8), at(9)), lesson(8, at(12), at(12, 30))]
    assert broken(Stage.BOOK, facts(same_day=earlier, ends_at=at(10, 30))) == []
    refused = booking.broken(Stage.BOOK, facts(same_day=earlier))
    assert [e.code for e in refused] == ["lesson.daily_in_car_limit"]
    assert refused[0].details is not None
    assert (refused[0].details["booked_minutes"], refused[0].details["conflicting_lesson_id"]) == (90, 7)


def test_a_completed_lesson_counts_its_actual_minutes() -> None:
    done = lesson(7, at(8), at(9), actual_start=at(8), actual_end=at(8, 30))
    done.status = LessonStatus.COMPLETED
    assert broken(Stage.BOOK, facts(same_day=[done], ends_at=at(11, 30))) == []


def test_a_full_classroom_day_lowers_the_in_car_limit() -> None:
    full = facts(classroom_minutes=300, classroom_session_ids=[6], ends_at=at(11, 30))
    refused = booking.broken(Stage.BOOK, full)
    assert [e.code for e in refused] == ["lesson.daily_in_car_limit"]
    assert refused[0].details is not None
    assert (refused[0].details["rule"], refused[0].details["limit_minutes"]) == (
        "max_in_car_minutes_on_full_classroom_day",
        60,
    )
    assert broken(Stage.BOOK, facts(classroom_minutes=300)) == []


def test_the_api_spells_lesson_statuses_as_the_stored_enum() -> None:
    assert get_args(schemas.LessonStatus) == tuple(LessonStatus)


def test_a_lesson_booked_in_the_past_needs_a_reason() -> None:
    refused = booking.broken(Stage.BOOK, facts(reason=None))
    assert [e.code for e in refused] == ["lesson.backdated_without_reason"]
    assert refused[0].details == backdated_start(at(10), "10:00 a.m. on Tue, Jun 10, 2031")
    assert broken(Stage.BOOK, facts(reason=None, now=at(10))) == []
    assert broken(Stage.BOOK, facts(reason=PAPER)) == []


def test_a_completion_after_the_grace_period_needs_a_reason() -> None:
    within = facts(reason=None, now=at(11, day=DAY + timedelta(days=2)))
    assert broken(Stage.COMPLETE, within) == []
    late = facts(reason=None, now=at(11, 1, day=DAY + timedelta(days=2)))
    refused = booking.broken(Stage.COMPLETE, late)
    assert [e.code for e in refused] == ["lesson.backdated_without_reason"]
    assert refused[0].details is not None
    assert (refused[0].details["actual_end"], refused[0].details["grace_hours"]) == (at(11).isoformat(), 48)
    assert broken(Stage.COMPLETE, replace(late, reason=PAPER)) == []
