"""Every fact the road-test rules and the eligibility answer read, gathered once per request."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from odsm.features.classroom.service import class_taught_during
from odsm.features.instructors.service import load_instructor, time_off_during
from odsm.features.lessons.service import lesson_holding
from odsm.features.school.clock import local_date
from odsm.features.school.service import load_settings
from odsm.features.students.licence_history import issued, steps_of
from odsm.features.students.service import full_name, load_student
from odsm.features.vehicles.service import load_vehicle
from odsm.models import RoadTest, RoadTestSettings

from .booking_rules import Holds, RoadTestFacts
from .eligibility import Standing, verdict
from .errors import CentreNotFound
from .repository import CentreRepository, RoadTestRepository, bde_certified_on
from .schemas import RoadTestBook

if TYPE_CHECKING:
    from odsm.models import SchoolSettings, Student


def standing(s: Session, school: SchoolSettings, student: Student) -> Standing:
    last_fail: dict[str, date] = {}
    for test in RoadTestRepository(s).failed(student.id):
        day = local_date(school, test.starts_at)
        last_fail[test.licence_class] = max(day, last_fail.get(test.licence_class, day))
    return Standing(
        name=full_name(student),
        held=issued(steps_of(s, student.id)),
        bde_certified_on=bde_certified_on(s, student.id),
        last_fail=last_fail,
    )


def test_minutes(cfg: RoadTestSettings, licence_class: str) -> int:
    return cfg.g2_test_minutes if licence_class == "G2" else cfg.g_test_minutes


def _holds(s: Session, data: RoadTestBook, span: tuple[datetime, datetime], test: tuple[datetime, datetime]) -> Holds:
    tests = RoadTestRepository(s)
    vehicle_lesson = vehicle_test = instructor_lesson = instructor_test = None
    time_off = class_taught = None
    if data.vehicle_id is not None:
        vehicle_lesson = lesson_holding(s, "vehicle", data.vehicle_id, *span)
        vehicle_test = tests.first_hold(RoadTest.vehicle_id, data.vehicle_id, *span)
    if data.instructor_id is not None:
        instructor_lesson = lesson_holding(s, "instructor", data.instructor_id, *span)
        instructor_test = tests.first_hold(RoadTest.instructor_id, data.instructor_id, *span)
        time_off = time_off_during(s, data.instructor_id, *span)
        class_taught = class_taught_during(s, data.instructor_id, *span)
    student_lesson = lesson_holding(s, "student", data.student_id, *test)
    student_test = tests.student_test_during(data.student_id, *test)
    found = [vehicle_lesson, vehicle_test, instructor_lesson, instructor_test, student_lesson, student_test]
    names = {x.student_id: full_name(load_student(s, x.student_id)) for x in found if x is not None}
    return Holds(
        vehicle_lesson=vehicle_lesson,
        vehicle_test=vehicle_test,
        instructor_lesson=instructor_lesson,
        instructor_test=instructor_test,
        student_lesson=student_lesson,
        student_test=student_test,
        time_off=time_off,
        class_taught=class_taught,
        names=names,
    )


def gather(s: Session, cfg: RoadTestSettings, data: RoadTestBook, now: datetime) -> RoadTestFacts:
    school = load_settings(s)
    student = load_student(s, data.student_id)
    centre = CentreRepository(s).get_or_raise(data.centre_id, CentreNotFound, "centre_id")
    vehicle = load_vehicle(s, data.vehicle_id) if data.vehicle_id is not None else None
    instructor = load_instructor(s, data.instructor_id) if data.instructor_id is not None else None
    ends_at = data.starts_at + timedelta(minutes=test_minutes(cfg, data.licence_class))
    rented = vehicle is not None or instructor is not None
    blocked_from = data.starts_at - timedelta(minutes=cfg.buffer_before_minutes) if rented else data.starts_at
    blocked_until = ends_at + timedelta(minutes=cfg.buffer_after_minutes) if rented else ends_at
    day = local_date(school, data.starts_at)
    return RoadTestFacts(
        school=school,
        student=student,
        student_name=full_name(student),
        centre=centre,
        vehicle=vehicle,
        instructor=instructor,
        licence_class=data.licence_class,
        starts_at=data.starts_at,
        ends_at=ends_at,
        blocked_from=blocked_from,
        blocked_until=blocked_until,
        day=day,
        now=now,
        verdict=verdict(standing(s, school, student), data.licence_class, cfg, day),
        holds=_holds(s, data, (blocked_from, blocked_until), (data.starts_at, ends_at)),
    )
