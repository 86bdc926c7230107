"""An instructor's schedule as an .ics file, over real HTTP, read back with the icalendar parser: the
lessons and classes of that instructor in the range, at the right instants on both sides of a
daylight-saving change, with the school's zone and its rules written into the file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from ..conftest import LiveServer
from ..enrollments.builders import School, at, instant, ok, refused

# Daylight-saving time starts in Toronto on Sunday 9 March 2031: a week before is EST, a week after EDT.
BEFORE_DST, AFTER_DST = date(2031, 3, 5), date(2031, 3, 12)


@pytest.fixture
def school(live: LiveServer) -> School:
    return School(live)


def write(school: School, instructor_id: int, first: date, last: date, file: Path) -> Any:
    body = {
        "instructor_id": instructor_id,
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "file": str(file),
    }
    return school.c.post("/api/v1/system/calendar-files", json=body)


def test_the_file_holds_that_instructors_lessons_and_classes_at_the_right_instants(
    school: School, tmp_path: Path
) -> None:
    school.settings(mto_school_number="S-1234", name="Maple Driving School")
    teacher, other = school.instructor(), school.instructor()
    car = school.vehicle()
    maya = school.student()
    winter = ok(school.book(maya, teacher, car, at(BEFORE_DST, 16), at(BEFORE_DST, 17)), 201)
    spring = ok(school.book(maya, teacher, car, at(AFTER_DST, 16), at(AFTER_DST, 17, 30)), 201)
    cancelled = ok(school.book(school.student(), teacher, car, at(AFTER_DST, 9), at(AFTER_DST, 10)), 201)
    ok(school.c.post(f"/api/v1/lessons/{cancelled['id']}/cancel", json={"version": 1}))
    ok(school.book(school.student(), other, school.vehicle(), at(AFTER_DST, 16), at(AFTER_DST, 17)), 201)
    ok(school.book(maya, teacher, car, at(date(2031, 4, 2), 16), at(date(2031, 4, 2), 17)), 201)  # after the range
    lecture = school.session(teacher["id"], AFTER_DST, 18, 2, topic="Sharing the road")

    folder = tmp_path / "phone"
    folder.mkdir()
    target = folder / "schedule.ics"
    out = ok(write(school, teacher["id"], date(2031, 3, 1), date(2031, 3, 31), target), 201)
    assert (out["file"], out["bytes"], out["events"]) == (str(target), target.stat().st_size, 3)
    assert out["time_zone"] == "America/Toronto"
    assert out["instructor"] == f"{teacher['first_name']} {teacher['last_name']}"
    assert [p.name for p in folder.iterdir()] == ["schedule.ics"]  # no partial file left

    cal = Calendar.from_ical(target.read_bytes())
    assert str(cal["X-WR-CALNAME"]) == f"Maple Driving School: {out['instructor']}"
    # The zone's rules are in the file: a phone needs no zone database of its own to place the events.
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "America/Toronto"
    offsets = {(sub.name, sub["TZOFFSETTO"].to_ical()) for sub in tz.subcomponents}
    assert {("STANDARD", "-0500"), ("DAYLIGHT", "-0400")} <= offsets
    zone = tz.to_tz()

    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {
        f"lesson-{winter['id']}@s-1234.odsm",
        f"lesson-{spring['id']}@s-1234.odsm",
        f"class-{lecture['id']}@s-1234.odsm",
    }
    for lesson in (winter, spring):
        event = events[f"lesson-{lesson['id']}@s-1234.odsm"]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert event["DTSTART"].params["TZID"] == "America/Toronto"
        assert (start.hour, start.minute) == (16, 0)  # local wall time on both sides of the change
        # The file's own VTIMEZONE places the wall time at the instant the school booked.
        placed = start.replace(tzinfo=zone).astimezone(UTC)
        assert placed == instant(lesson["starts_at"]).astimezone(UTC)
        assert end.replace(tzinfo=zone).astimezone(UTC) == instant(lesson["ends_at"]).astimezone(UTC)
        assert str(event["SUMMARY"]) == f"In-car lesson: {maya['first_name']} {maya['last_name']}"
        assert str(event["LOCATION"]) == "100 Queen St W"
        assert str(event["DESCRIPTION"]).splitlines()[1:] == [f"Vehicle: {car['plate']}", "Booked"]
    assert datetime(2031, 3, 5, 21, tzinfo=UTC) == instant(winter["starts_at"]).astimezone(UTC)
    assert datetime(2031, 3, 12, 20, tzinfo=UTC) == instant(spring["starts_at"]).astimezone(UTC)
    lecture_event = events[f"class-{lecture['id']}@s-1234.odsm"]
    assert str(lecture_event["SUMMARY"]) == "Class: Sharing the road"


def test_writing_the_file_again_keeps_each_events_uid(school: School, tmp_path: Path) -> None:
    teacher = school.instructor()
    ok(school.book(school.student(), teacher, school.vehicle(), at(BEFORE_DST, 10), at(BEFORE_DST, 11)), 201)
    uids = []
    for name in ("first.ics", "second.ics"):
        ok(write(school, teacher["id"], BEFORE_DST, BEFORE_DST, tmp_path / name), 201)
        uids.append([str(e["UID"]) for e in Calendar.from_ical((tmp_path / name).read_bytes()).walk("VEVENT")])
    assert uids[0] == uids[1] and len(uids[0]) == 1


def test_an_unknown_instructor_is_refused_and_no_file_is_written(school: School, tmp_path: Path) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    refused(write(school, 999_999, BEFORE_DST, AFTER_DST, folder / "x.ics"), 404, "instructor.not_found")
    assert list(folder.iterdir()) == []


def test_a_range_that_ends_before_it_starts_is_refused_by_field(school: School, tmp_path: Path) -> None:
    teacher = school.instructor()
    r = write(school, teacher["id"], AFTER_DST, BEFORE_DST, tmp_path / "x.ics")
    assert r.status_code == 422
    assert "last_day cannot be before first_day" in r.text
    r = write(school, teacher["id"], date(2031, 1, 1), date(2032, 1, 2), tmp_path / "x.ics")
    assert r.status_code == 422 and "at most 366 days" in r.text
    ok(write(school, teacher["id"], date(2031, 1, 1), date(2032, 1, 1), tmp_path / "x.ics"), 201)


def test_a_folder_that_is_gone_is_refused_by_name(school: School, tmp_path: Path) -> None:
    teacher = school.instructor()
    d = refused(
        write(school, teacher["id"], BEFORE_DST, AFTER_DST, tmp_path / "unplugged" / "s.ics"),
        422,
        "calendar_file.not_writable",
    )
    assert (d["field"], d["rule"]) == ("file", "writable")
