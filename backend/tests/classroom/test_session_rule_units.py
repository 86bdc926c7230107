"""The classroom rules on their own: facts built as plain values, no server and no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from odsm.features.classroom.session_rules import AttendanceFacts, NewSessionFacts, Stage, attending, creating
from odsm.models import Enrollment, Instructor

DAY = date(2031, 6, 10)


def new_session(**overrides: Any) -> NewSessionFacts:
    instructor = Instructor(id=2, active=True, di_licence_expiry=DAY, authorised_classroom=True)
    base = NewSessionFacts(instructor_id=2, instructor=instructor, day=DAY, capacity=40, class_size_max=40)
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
