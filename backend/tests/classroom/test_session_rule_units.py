"""The classroom rules on their own: facts built as plain values, no server and no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from odsm.features.classroom.session_rules import (
    AttendanceFacts,
    Clashes,
    NewSessionFacts,
    Stage,
    Timing,
    attending,
    creating,
)
from odsm.features.instructors.service import LessonTaught
from odsm.models import ClassroomSession, Enrollment, Instructor, InstructorTimeOff

from ..rule_facts import DAY, TORONTO, at, backdated_start

PAPER = "Entered from the paper register"


def timing(**overrides: Any) -> Timing:
    """A 09:00-12:00 class on DAY, seen at 13:00 that day, within a 48-hour grace period."""
    return replace(Timing(at(9), at(12), now=at(13), tz=TORONTO, grace_hours=48), **overrides)


def new_session(**overrides: Any) -> NewSessionFacts:
    """A class on DAY, created the day before, nothing holding the instructor."""
    instructor = Instructor(id=2, active=True, di_licence_expiry=DAY, authorised_classroom=True)
    ahead = timing(now=at(13, day=DAY - timedelta(days=1)))
    base = NewSessionFacts(
        instructor_id=2, instructor=instructor, day=DAY, capacity=40, class_size_max=40, timing=ahead
    )
    return replace(base, **overrides)


def entry(**overrides: Any) -> AttendanceFacts:
    """60 minutes of a 180-minute session, nothing else that day, 3 of 24 seats taken."""
    base = AttendanceFacts(
        enrollment=Enrollment(id=5, status="active"),
        session_id=9,
        minutes=60,
        session_minutes=180,
        day=DAY,
        daily_limit=300,
        other_minutes=0,
        other_session_ids=[],
        existing_minutes=None,
        present=3,
        capacity=24,
        timing=timing(),
    )
    return replace(base, **overrides)


def codes_creating(f: NewSessionFacts) -> list[str]:
    return [e.code for e in creating.broken(Stage.CREATE, f)]


def codes_attending(f: AttendanceFacts) -> list[str]:
    return [e.code for e in attending.broken(Stage.ATTEND, f)]


def test_a_session_within_the_class_size_with_an_authorised_instructor_is_allowed() -> None:
    assert codes_creating(new_session()) == []


def test_capacity_above_the_school_class_size_is_refused() -> None:
    refused = creating.broken(Stage.CREATE, new_session(capacity=41))
    assert [e.code for e in refused] == ["classroom.class_size_exceeded"]
    assert refused[0].details == {"rule": "class_size_max", "field": "capacity", "limit": 40, "capacity": 41}


def test_class_size_is_refused_before_a_missing_instructor_is() -> None:
    missing = new_session(capacity=41, instructor=None, instructor_id=99)
    assert codes_creating(missing) == ["classroom.class_size_exceeded", "instructor.not_found"]


def test_the_instructor_must_be_authorised_and_licensed_on_the_day() -> None:
    not_classroom = Instructor(id=2, active=True, di_licence_expiry=DAY, authorised_classroom=False)
    assert codes_creating(new_session(instructor=not_classroom)) == ["classroom.instructor_not_authorised"]
    lapsed = Instructor(id=2, active=True, di_licence_expiry=DAY - timedelta(days=1), authorised_classroom=True)
    refused = creating.broken(Stage.CREATE, new_session(instructor=lapsed))
    assert refused[0].details is not None and refused[0].details["di_licence_expiry"] == "2031-06-09"


def test_an_ordinary_attendance_entry_is_allowed() -> None:
    assert codes_attending(entry()) == []


def test_a_certified_enrollment_takes_no_attendance() -> None:
    assert codes_attending(entry(enrollment=Enrollment(id=5, status="certified"))) == ["enrollment.locked"]


def test_minutes_may_not_exceed_the_session() -> None:
    assert codes_attending(entry(minutes=180)) == []
    refused = attending.broken(Stage.ATTEND, entry(minutes=181))
    assert [e.code for e in refused] == ["classroom.minutes_exceed_session"]
    assert refused[0].details is not None and refused[0].details["limit_minutes"] == 180


def test_the_daily_classroom_limit_counts_other_sessions_that_day() -> None:
    assert codes_attending(entry(other_minutes=240)) == []
    refused = attending.broken(Stage.ATTEND, entry(other_minutes=241, other_session_ids=[8]))
    assert [e.code for e in refused] == ["classroom.daily_limit_exceeded"]
    assert refused[0].details is not None
    assert (refused[0].details["already_minutes"], refused[0].details["conflicting_session_ids"]) == (241, [8])


def test_a_full_session_refuses_a_new_attendee_but_not_a_changed_one() -> None:
    assert codes_attending(entry(present=24)) == ["classroom.session_full"]
    assert codes_attending(entry(present=24, existing_minutes=0)) == ["classroom.session_full"]
    assert codes_attending(entry(present=24, existing_minutes=30)) == []
    assert codes_attending(entry(present=24, minutes=0)) == []
    assert codes_attending(entry(present=23)) == []


def test_a_class_over_the_instructors_lesson_class_or_time_off_is_refused() -> None:
    lesson = LessonTaught(lesson_id=7, student_name="Amara Okafor", starts_at=at(11), ends_at=at(12))
    other = ClassroomSession(id=8, topic="Signs", room="B", starts_at=at(8), ends_at=at(10))
    off = InstructorTimeOff(id=4, starts_at=at(11, 30), ends_at=at(17), reason="Dentist")
    refused = creating.broken(Stage.CREATE, new_session(clashes=Clashes(lesson=lesson, session=other, time_off=off)))
    assert [e.code for e in refused] == [
        "classroom.instructor_teaching_lesson",
        "classroom.instructor_double_booked",
        "classroom.instructor_time_off",
    ]
    taught, double, away = (e.details or {} for e in refused)
    assert (taught["student_name"], taught["local_time"]) == (
        "Amara Okafor",
        "11:00 a.m.\u201312:00 p.m. on Tue, Jun 10",
    )
    assert (double["conflicting_session_id"], double["topic"], double["local_time"]) == (
        8,
        "Signs",
        "8:00\u201310:00 a.m. on Tue, Jun 10",
    )
    assert (away["time_off_id"], away["reason"], away["local_time"]) == (
        4,
        "Dentist",
        "11:30 a.m.\u20135:00 p.m. on Tue, Jun 10",
    )
    assert codes_creating(new_session(clashes=Clashes())) == []


def test_a_class_created_in_the_past_needs_a_reason() -> None:
    past = new_session(timing=timing())
    refused = creating.broken(Stage.CREATE, past)
    assert [e.code for e in refused] == ["classroom.backdated_without_reason"]
    assert refused[0].details == backdated_start(at(9), "9:00 a.m. on Tue, Jun 10, 2031")
    assert codes_creating(new_session(timing=timing(reason=PAPER))) == []


def test_attendance_for_a_class_not_yet_begun_is_refused() -> None:
    refused = attending.broken(Stage.ATTEND, entry(timing=timing(now=at(8, 59))))
    assert [e.code for e in refused] == ["classroom.not_yet_happened"]
    assert refused[0].details is not None and refused[0].details["local_time"] == "9:00 a.m. on Tue, Jun 10, 2031"
    assert codes_attending(entry(timing=timing(now=at(9)))) == []


def test_attendance_after_the_grace_period_needs_a_reason() -> None:
    assert codes_attending(entry(timing=timing(now=at(12, day=DAY + timedelta(days=2))))) == []
    late = timing(now=at(12, 1, day=DAY + timedelta(days=2)))
    refused = attending.broken(Stage.ATTEND, entry(timing=late))
    assert [e.code for e in refused] == ["classroom.backdated_without_reason"]
    assert refused[0].details is not None
    assert (refused[0].details["ends_at"], refused[0].details["grace_hours"]) == (at(12).isoformat(), 48)
    assert codes_attending(entry(timing=replace(late, reason=PAPER))) == []
