"""An instructor's schedule as an iCalendar file (RFC 5545) for a phone's calendar. Times are written in
the school's zone with its VTIMEZONE, daylight-saving rules spelled out, so a phone set to another zone
still shows each lesson at the right moment. Each event's UID is the record's, so importing a newer file
updates the events instead of adding them twice. Written under a temporary name and renamed: a file with
the real name is always whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from odsm import __version__
from odsm.core.durable_files import written_whole
from odsm.core.orm import utcnow
from odsm.core.unit_of_work import Database
from odsm.features.instructors.errors import InstructorNotFound
from odsm.features.school.clock import day_bounds, zone
from odsm.features.school.service import load_settings

from . import repository as repo
from .errors import ScheduleFileNotWritable
from .schemas import ScheduleFileRequest, ScheduleFileResult


@dataclass(frozen=True)
class _Built:
    content: bytes
    events: int
    instructor: str
    time_zone: str


class ScheduleFileService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def write(self, request: ScheduleFileRequest) -> ScheduleFileResult:
        built = self.db.read(lambda s: self._build(s, request))
        with written_whole(request.file, ScheduleFileNotWritable) as temp:
            temp.write_bytes(built.content)
        target = Path(request.file)
        return ScheduleFileResult(
            file=str(target),
            bytes=target.stat().st_size,
            events=built.events,
            instructor=built.instructor,
            time_zone=built.time_zone,
        )

    @staticmethod
    def _build(s: Session, request: ScheduleFileRequest) -> _Built:
        instructor = repo.instructor(s, request.instructor_id)
        if instructor is None:
            raise InstructorNotFound(details={"id": request.instructor_id})
        settings = load_settings(s)
        tz = zone(settings)
        start, _ = day_bounds(settings, request.first_day)
        _, end = day_bounds(settings, request.last_day)
        teacher = f"{instructor.first_name} {instructor.last_name}"
        school = settings.name or "Driving school"
        # The school's MTO number keeps two schools' events apart on one phone.
        uid_domain = f"{(settings.mto_school_number or 'school').strip().replace(' ', '-').lower()}.odsm"

        # Imported here, not at the top: icalendar is a tenth of the backend's start, and only this needs it.
        from icalendar import Calendar, Event

        cal = Calendar()
        cal.add("prodid", f"-//Ontario Driving School Manager//{__version__}//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", f"{school}: {teacher}")
        cal.add("x-wr-timezone", settings.time_zone)
        stamp = utcnow()
        events = 0
        for lesson, first, last, plate in repo.lessons(s, instructor.id, start, end):
            event = Event()
            event.add("uid", f"lesson-{lesson.id}@{uid_domain}")
            event.add("dtstamp", stamp)
            event.add("dtstart", lesson.starts_at.astimezone(tz))
            event.add("dtend", lesson.ends_at.astimezone(tz))
            event.add("summary", f"In-car lesson: {first} {last}")
            if lesson.pickup_location:
                event.add("location", lesson.pickup_location)
            done = "Completed" if repo.is_completed(lesson) else "Booked"
            event.add("description", f"Student: {first} {last}\nVehicle: {plate}\n{done}")
            event.add("status", "CONFIRMED")
            cal.add_component(event)
            events += 1
        for session in repo.classes(s, instructor.id, start, end):
            event = Event()
            event.add("uid", f"class-{session.id}@{uid_domain}")
            event.add("dtstamp", stamp)
            event.add("dtstart", session.starts_at.astimezone(tz))
            event.add("dtend", session.ends_at.astimezone(tz))
            event.add("summary", f"Class: {session.topic}")
            event.add("location", session.room)
            event.add("status", "CONFIRMED")
            cal.add_component(event)
            events += 1
        # The zone's rules from a year before to a year after the range, so recurring phone views agree.
        cal.add_missing_timezones(
            first_date=request.first_day - timedelta(days=366), last_date=request.last_day + timedelta(days=366)
        )
        return _Built(cal.to_ical(), events, teacher, settings.time_zone)
