"""Every write leaves exactly one audit entry, with its before and after (DOMAIN.md: "a record that cannot
be quietly changed"). Each kind of write goes through the API and the history endpoint must show one new
entry. A write that changes several records (a lesson completed: its odometer readings, its hours, the
enrollment's first class) is one entry on the record the user acted on, with the others inside it; verify
still checks every one of those records against it. Completing a lesson and taking attendance used to
leave one entry per record touched."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest

from ..certification.finishing import certifier, finish
from ..conftest import LiveServer, student_payload
from ..enrollments.builders import PAPER, School, at, days_ago, ok, small_school, today

Write = Callable[[], httpx.Response]
Case = Callable[[School], Write]
OFF = {"starts_at": "2031-12-24T00:00:00-05:00", "ends_at": "2031-12-27T00:00:00-05:00", "reason": "Holiday"}
AHEAD = today() + timedelta(days=30)


def _get(school: School, url: str) -> dict[str, Any]:
    return ok(school.c.get(url))


def _version(school: School, url: str) -> int:
    return int(_get(school, url)["version"])


def _booked(school: School, day: Any = AHEAD, **kw: Any) -> dict[str, Any]:
    student = school.student()
    e = school.enrollment(student["id"], school.course()["id"])
    people = student, school.instructor(), school.vehicle()
    return ok(school.book(*people, at(day, 10), at(day, 11), enrollment_id=e["id"], **kw), 201)


def create_student(school: School) -> Write:
    body = student_payload(last_name="Audited", licence_number="O1234-56780-80316")
    return lambda: school.c.post("/api/v1/students", json=body)


def update_student(school: School) -> Write:
    url = f"/api/v1/students/{school.student()['id']}"
    return lambda: school.c.patch(url, json={"version": _version(school, url), "phone": "416-555-0199"})


def archive_student(school: School) -> Write:
    url = f"/api/v1/students/{school.student()['id']}"
    return lambda: school.c.post(f"{url}/archive", json={"version": _version(school, url)})


def create_instructor(school: School) -> Write:
    body = {"first_name": "Ana", "last_name": "Audit", "di_licence_number": "DI99999"}
    body["di_licence_expiry"] = "2099-03-31"
    return lambda: school.c.post("/api/v1/instructors", json=body)


def update_instructor(school: School) -> Write:
    url = f"/api/v1/instructors/{school.instructor()['id']}"
    return lambda: school.c.patch(url, json={"version": _version(school, url), "phone": "416-555-0101"})


def replace_weekly_availability(school: School) -> Write:
    url = f"/api/v1/instructors/{school.instructor()['id']}"
    hours = [{"weekday": 2, "start_minute": 480, "end_minute": 960}]
    return lambda: school.c.patch(url, json={"version": _version(school, url), "availability": hours})


def add_time_off(school: School) -> Write:
    url = f"/api/v1/instructors/{school.instructor()['id']}/time-off"
    return lambda: school.c.post(url, json=OFF)


def remove_time_off(school: School) -> Write:
    url = f"/api/v1/instructors/{school.instructor()['id']}/time-off"
    off = ok(school.c.post(url, json=OFF), 201)
    return lambda: school.c.delete(f"{url}/{off['id']}")


def create_vehicle(school: School) -> Write:
    body = {"plate": "AUDIT 1", "vin": "2HGFC2F59MH512345", "make": "Honda", "model": "Civic", "year": 2021,
            "transmission": "automatic", "insurance_expiry": "2099-06-30", "inspection_expiry": "2099-01-31",
            "odometer_km": 40000}  # fmt: skip
    return lambda: school.c.post("/api/v1/vehicles", json=body)


def update_vehicle(school: School) -> Write:
    url = f"/api/v1/vehicles/{school.vehicle()['id']}"
    return lambda: school.c.patch(url, json={"version": _version(school, url), "make": "Toyota"})


def record_odometer(school: School) -> Write:
    url = f"/api/v1/vehicles/{school.vehicle()['id']}/odometer"
    return lambda: school.c.post(url, json={"km": 40100})


def create_course(school: School) -> Write:
    return lambda: school.c.post("/api/v1/courses", json={"name": "Audited BDE", "kind": "bde"})


def update_course(school: School) -> Write:
    course = school.course()
    url = f"/api/v1/courses/{course['id']}"
    return lambda: school.c.patch(url, json={"version": course["version"], "price_cents": 59900})


def update_settings(school: School) -> Write:
    return lambda: school.c.patch(
        "/api/v1/settings", json={"version": _version(school, "/api/v1/settings"), "name": "Maple Driving"}
    )


def change_deadline_setting_with_open_enrollments(school: School) -> Write:
    for _ in range(2):
        e = school.enrollment(school.student()["id"], school.course()["id"])
        ok(school.attend(school.session(school.instructor()["id"], days_ago(20), 9, 1)["id"], e["id"], 60))
    return lambda: school.c.patch(
        "/api/v1/settings", json={"version": _version(school, "/api/v1/settings"), "completion_deadline_months": 6}
    )


def enroll(school: School) -> Write:
    body = {"student_id": school.student()["id"], "course_id": school.course()["id"]}
    return lambda: school.c.post("/api/v1/enrollments", json=body)


def add_home_link_hours(school: School) -> Write:
    e = school.enrollment(school.student()["id"], school.course()["id"])
    body = {"minutes": 60, "occurred_on": days_ago(1).isoformat(), "reason": "module 1"}
    return lambda: school.c.post(f"/api/v1/enrollments/{e['id']}/hours", json=body)


def add_correction(school: School) -> Write:
    e = school.enrollment(school.student()["id"], school.course()["id"])
    body = {"category": "classroom", "minutes": 30, "reason": "register page 4 missed"}
    return lambda: school.c.post(f"/api/v1/enrollments/{e['id']}/corrections", json=body)


def record_result(school: School) -> Write:
    e = school.enrollment(school.student()["id"], school.course()["id"])
    url = f"/api/v1/enrollments/{e['id']}"
    return lambda: school.c.post(f"{url}/result", json={"version": _version(school, url), "final_mark_percent": 85})


def certify(school: School) -> Write:
    e = finish(school, days_ago(5))
    body = {"version": e["version"], "certifier": certifier(school), "mto_reference": "MTO-1"}
    return lambda: school.c.post(f"/api/v1/certification/{e['id']}/certify", json=body)


def book_lesson(school: School) -> Write:
    student = school.student()
    body = school.lesson_body(student, school.instructor(), school.vehicle(), at(AHEAD, 10), at(AHEAD, 11))
    return lambda: school.c.post("/api/v1/lessons", json=body)


def reschedule_lesson(school: School) -> Write:
    lesson = _booked(school)
    body = {"version": lesson["version"], "starts_at": at(AHEAD, 13), "ends_at": at(AHEAD, 14)}
    return lambda: school.c.patch(f"/api/v1/lessons/{lesson['id']}", json=body)


def cancel_lesson(school: School) -> Write:
    lesson = _booked(school)
    body = {"version": lesson["version"], "reason": "student ill"}
    return lambda: school.c.post(f"/api/v1/lessons/{lesson['id']}/cancel", json=body)


def mark_no_show(school: School) -> Write:
    lesson = _booked(school, days_ago(3))
    return lambda: school.c.post(f"/api/v1/lessons/{lesson['id']}/no-show", json={"version": lesson["version"]})


def complete_lesson(school: School) -> Write:
    lesson = _booked(school, days_ago(3))
    return lambda: school.complete(lesson)


def complete_lesson_within_the_grace_period(school: School) -> Write:
    school.settings(backdate_grace_hours=24 * 7)
    lesson = _booked(school, days_ago(3))
    return lambda: school.complete(lesson, reason=None)


def create_classroom_session(school: School) -> Write:
    body = school.session_body(school.instructor()["id"], AHEAD, 9, 2)
    return lambda: school.c.post("/api/v1/classroom", json=body)


def record_attendance_for_two_students(school: School) -> Write:
    session = school.session(school.instructor()["id"], days_ago(4), 9, 2)
    enrollments = [school.enrollment(school.student()["id"], school.course()["id"]) for _ in range(2)]
    body = {"entries": [{"enrollment_id": e["id"], "minutes": 120} for e in enrollments], "reason": PAPER}
    return lambda: school.c.post(f"/api/v1/classroom/{session['id']}/attendance", json=body)


def change_recorded_attendance(school: School) -> Write:
    session = school.session(school.instructor()["id"], days_ago(4), 9, 2)
    e = school.enrollment(school.student()["id"], school.course()["id"])
    ok(school.attend(session["id"], e["id"], 120))
    return lambda: school.attend(session["id"], e["id"], 90)


CASES: list[Case] = [
    create_student,
    update_student,
    archive_student,
    create_instructor,
    update_instructor,
    replace_weekly_availability,
    add_time_off,
    remove_time_off,
    create_vehicle,
    update_vehicle,
    record_odometer,
    create_course,
    update_course,
    update_settings,
    change_deadline_setting_with_open_enrollments,
    enroll,
    add_home_link_hours,
    add_correction,
    record_result,
    certify,
    book_lesson,
    reschedule_lesson,
    cancel_lesson,
    mark_no_show,
    complete_lesson,
    complete_lesson_within_the_grace_period,
    create_classroom_session,
    record_attendance_for_two_students,
    change_recorded_attendance,
]


CREATES: set[Case] = {
    create_student,
    create_instructor,
    create_vehicle,
    record_odometer,
    create_course,
    enroll,
    add_home_link_hours,
    add_correction,
    book_lesson,
    create_classroom_session,
}


def _history(school: School) -> tuple[int, dict[str, Any] | None]:
    page = _get(school, "/api/v1/audit?limit=1")
    return int(page["total"]), (page["items"][0] if page["items"] else None)


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_each_write_leaves_exactly_one_audit_entry(live: LiveServer, case: Case) -> None:
    school = small_school(live)
    school.settings()  # the settings row exists before the write, as in a school that is set up
    write = case(school)
    before, _ = _history(school)
    r = write()
    assert r.status_code < 300, r.text
    after, entry = _history(school)
    assert after - before == 1, f"{case.__name__} left {after - before} entries"
    assert entry is not None and entry["after"] is not None
    # A write that makes a new record has no before; any other write has one.
    assert (entry["before"] is None) == (case in CREATES), entry
    # The records a write changed beside its own are inside its entry, each with its before and after,
    # and verify checks each of them against it.
    for part in entry["after"].get("also_changed", []):
        assert {"entity", "entity_id", "action", "before", "after"} <= part.keys()
    report = _get(school, "/api/v1/audit/verify")
    assert report["ok"] is True, report.get("drifted_records")


def test_a_completed_lesson_is_one_entry_holding_its_readings_hours_and_reason(live: LiveServer) -> None:
    school = small_school(live)
    lesson = _booked(school, days_ago(3))
    ok(school.complete(lesson, km=(40010, 40042)))
    _, entry = _history(school)
    assert entry is not None
    assert (entry["entity"], entry["entity_id"], entry["reason"]) == ("lessons", str(lesson["id"]), PAPER)
    assert (entry["before"]["status"], entry["after"]["status"]) == ("scheduled", "completed")
    assert entry["student_id"] == lesson["student_id"]
    parts = {(p["entity"], p["action"]) for p in entry["after"]["also_changed"]}
    assert {("odometer_readings", "create"), ("enrollment_hours", "create")} <= parts
    km = sorted(p["after"]["km"] for p in entry["after"]["also_changed"] if p["entity"] == "odometer_readings")
    assert km == [40010, 40042]
    [hours] = [p for p in entry["after"]["also_changed"] if p["entity"] == "enrollment_hours"]
    assert (hours["after"]["minutes"], hours["after"]["source"]) == (60, "lesson")


def test_attendance_for_several_students_is_one_entry_in_each_students_history(live: LiveServer) -> None:
    school = small_school(live)
    school.settings()
    write = record_attendance_for_two_students(school)
    ok(write())
    _, entry = _history(school)
    assert entry is not None
    assert (entry["entity"], entry["action"], entry["reason"]) == ("classroom_sessions", "record_attendance", PAPER)
    students = {p["student_id"] for p in entry["after"]["also_changed"] if p["entity"] == "classroom_attendance"}
    assert len(students) == 2
    for student_id in students:
        history = _get(school, f"/api/v1/audit?student_id={student_id}")["items"]
        assert entry["id"] in [h["id"] for h in history]
