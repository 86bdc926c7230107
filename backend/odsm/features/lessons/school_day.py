"""The school day: every instructor's lessons, classes and road tests for one local day, side by side, with
each instructor's weekly hours for that weekday and their time off. Data only; the renderer draws it."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from odsm.features.classroom.service import present_counts, sessions_between
from odsm.features.school.clock import day_bounds
from odsm.features.school.service import load_settings

from .calendar_rows import lesson_from_row, road_test_from_row
from .repository import (
    read_availability_of,
    read_calendar,
    read_calendar_road_tests,
    read_day_instructors,
    read_time_off_of,
)
from .schemas import MinuteWindow, SchoolDay, SchoolDayClass, SchoolDayInstructor, SchoolDayTimeOff
from .weekly_hours import hours_on

# Far more than any school books in a day; the read stays bounded all the same.
DAY_LIMIT = 2000


def build_school_day(s: Session, day: date) -> SchoolDay:
    """Seven reads in one transaction, whatever the number of instructors (no read per instructor)."""
    settings = load_settings(s)
    start, end = day_bounds(settings, day)
    conn = s.connection()
    lessons = [lesson_from_row(r) for r in read_calendar(conn, start, end, {}, False, DAY_LIMIT)]
    tests = [road_test_from_row(r) for r in read_calendar_road_tests(conn, start, end, {}, DAY_LIMIT)]
    road_tests = [t for t in tests if t.instructor_id is not None]
    sessions = sessions_between(s, start, end, None)
    attendees = present_counts(s, [x.id for x in sessions])
    classes = [
        SchoolDayClass(
            id=x.id,
            instructor_id=x.instructor_id,
            starts_at=x.starts_at,
            ends_at=x.ends_at,
            topic=x.topic,
            room=x.room,
            capacity=x.capacity,
            attendee_count=attendees.get(x.id, 0),
        )
        for x in sessions
    ]
    busy = {x.instructor_id for x in lessons} | {x.instructor_id for x in classes}
    busy |= {t.instructor_id for t in road_tests if t.instructor_id is not None}
    people = read_day_instructors(conn, busy)
    ids = [p.id for p in people]
    windows = defaultdict(list)
    for row in read_availability_of(conn, ids):
        windows[row.instructor_id].append(row)
    time_off = defaultdict(list)
    for row in read_time_off_of(conn, ids, start, end):
        off = SchoolDayTimeOff(starts_at=row.starts_at, ends_at=row.ends_at, reason=row.reason)
        time_off[row.instructor_id].append(off)
    instructors = [
        SchoolDayInstructor(
            id=p.id,
            name=f"{p.first_name} {p.last_name}",
            authorised_in_car=p.authorised_in_car,
            weekly_hours_set=bool(windows[p.id]),
            hours=[MinuteWindow(start_minute=a, end_minute=b) for a, b in hours_on(windows[p.id], day.weekday())],
            time_off=time_off[p.id],
        )
        for p in people
    ]
    return SchoolDay(
        date=day,
        time_zone=settings.time_zone,
        instructors=instructors,
        lessons=lessons,
        classes=classes,
        road_tests=road_tests,
    )
