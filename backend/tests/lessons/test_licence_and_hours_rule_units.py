"""The student's licence and the instructor's weekly hours, as pure booking rules over plain facts."""

from __future__ import annotations

from datetime import timedelta

from odsm.features.lessons.booking_facts import Stage
from odsm.features.lessons.booking_rules import booking
from odsm.models import Instructor, InstructorAvailability, Student

from ..rule_facts import DAY, at
from .test_booking_rule_units import LICENCE, broken, facts

TUESDAY = DAY.weekday()  # 2031-06-10 is a Tuesday


def student(**kw: object) -> Student:
    return Student(**{"id": 1, "licence_number": LICENCE, "licence_class": "G2", "archived_at": None, **kw})


def instructor_working(*windows: tuple[int, int, int]) -> Instructor:
    slots = [InstructorAvailability(weekday=d, start_minute=a, end_minute=b) for d, a, b in windows]
    return Instructor(id=2, active=True, di_licence_expiry=DAY, authorised_in_car=True, availability=slots)


def test_a_lesson_needs_the_licence_number_and_class_on_file() -> None:
    assert broken(Stage.BOOK, facts(student=student())) == []
    refused = booking.broken(Stage.BOOK, facts(student=student(licence_number=None)))
    assert [e.code for e in refused] == ["lesson.student_licence_missing"]
    assert refused[0].details is not None and refused[0].details["field"] == "licence_number"
    assert "lesson.student_licence_missing" in broken(Stage.RESCHEDULE, facts(student=student(licence_class=None)))


def test_the_licence_must_be_valid_on_the_lessons_local_date() -> None:
    assert broken(Stage.BOOK, facts(student=student(licence_expiry=DAY))) == []
    refused = booking.broken(Stage.BOOK, facts(student=student(licence_expiry=DAY - timedelta(days=1))))
    assert [e.code for e in refused] == ["lesson.student_licence_expired"]
    assert refused[0].details is not None
    assert (refused[0].details["field"], refused[0].details["date"]) == ("licence_expiry", DAY.isoformat())


def test_completion_does_not_recheck_the_licence() -> None:
    assert broken(Stage.COMPLETE, facts(student=student(licence_expiry=DAY - timedelta(days=1)))) == []


def test_a_student_with_no_class_on_file_is_held_to_the_g1_night_ban() -> None:
    unknown = student(licence_class=None)
    night = facts(student=unknown, starts_at=at(4, 30), ends_at=at(5, 30))
    assert "lesson.g1_night_ban" in broken(Stage.COMPLETE, night)
    assert broken(Stage.COMPLETE, facts(student=unknown, starts_at=at(5), ends_at=at(6))) == []


def test_a_lesson_inside_the_weekly_hours_is_allowed_across_touching_windows() -> None:
    split_day = instructor_working((TUESDAY, 9 * 60, 10 * 60 + 30), (TUESDAY, 10 * 60 + 30, 17 * 60))
    assert broken(Stage.BOOK, facts(instructor=split_day)) == []


def test_a_lesson_outside_the_weekly_hours_is_refused_naming_the_hours() -> None:
    afternoons = instructor_working((TUESDAY, 13 * 60, 17 * 60), (TUESDAY + 1, 9 * 60, 17 * 60))
    refused = booking.broken(Stage.BOOK, facts(instructor=afternoons))
    assert [e.code for e in refused] == ["lesson.outside_availability"]
    assert refused[0].details is not None
    assert (refused[0].details["weekday"], refused[0].details["hours"]) == (TUESDAY, ["1:00\u20135:00 p.m."])


def test_a_reason_overrides_the_weekly_hours() -> None:
    afternoons = instructor_working((TUESDAY, 13 * 60, 17 * 60))
    assert broken(Stage.BOOK, facts(instructor=afternoons, override_reason="  ")) == ["lesson.outside_availability"]
    assert broken(Stage.BOOK, facts(instructor=afternoons, override_reason="Road test tomorrow")) == []


def test_an_instructor_with_no_hours_recorded_is_available_whenever() -> None:
    assert broken(Stage.BOOK, facts(instructor=instructor_working(), starts_at=at(22), ends_at=at(23))) == []
