""" "Hours required" is defined once: the SQL the worklist filters on and the Python the enrollment view
shows must give the same minutes for every kind of course, including a package below the BDE floor."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from odsm.core.unit_of_work import Database
from odsm.features.courses.schemas import CourseCreate
from odsm.features.courses.service import CourseService
from odsm.features.enrollments import ledger
from odsm.features.enrollments.repository import required_sql
from odsm.features.enrollments.requirements import CATEGORIES
from odsm.features.school.schemas import SchoolSettingsUpdate
from odsm.features.school.service import SchoolService, load_settings
from odsm.models import Course

from ..conftest import LiveServer
from .builders import School, ok


def _sql_and_python(s: Session) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    settings = load_settings(s)
    columns = [required_sql(settings, c) for c in CATEGORIES]
    by_sql = {row[0]: dict(zip(CATEGORIES, row[1:], strict=True)) for row in s.execute(select(Course.id, *columns))}
    by_python = {c.id: ledger.requirements(c, settings) for c in s.scalars(select(Course))}
    return by_sql, by_python


def test_sql_and_python_hours_required_agree_on_every_kind_of_course(db: Database) -> None:
    school = SchoolService(db)
    # The Ministry's floors are the least a school may set (20 h classroom); a school may raise them.
    floors = {"bde_classroom_minutes": 1500, "bde_in_car_minutes": 600, "bde_flex_minutes": 600}
    school.update(SchoolSettingsUpdate(version=school.get().version, **floors))
    courses = CourseService(db)
    bde_low = courses.create(CourseCreate(name="BDE", kind="bde", classroom_minutes=60, in_car_minutes=900)).id
    package = courses.create(CourseCreate(name="5 lessons", kind="package", in_car_minutes=300)).id

    by_sql, by_python = db.read(_sql_and_python)

    assert by_sql == by_python
    # A BDE course never asks for less than the school's floor; a package asks exactly what it says.
    assert by_python[bde_low] == {"classroom": 1500, "in_car": 900, "flex": 600}
    assert by_python[package] == {"classroom": 0, "in_car": 300, "flex": 0}


def test_the_enrollment_view_and_the_worklist_show_the_same_hours(live: LiveServer) -> None:
    school = School(live)
    school.small_bde_hours(0)
    student = school.student()
    e = school.enrollment(student["id"], school.course(classroom_minutes=0, in_car_minutes=0, flex_minutes=60)["id"])
    hours = {"minutes": 60, "occurred_on": ok(school.c.get("/api/v1/certification/worklist"))["today"]}
    ok(school.c.post(f"/api/v1/enrollments/{e['id']}/hours", json=hours), 201)
    version = school.enrollment_now(e["id"])["version"]
    ok(school.c.post(f"/api/v1/enrollments/{e['id']}/result", json={"version": version, "final_mark_percent": 90}))

    view = school.enrollment_now(e["id"])["totals"]
    [row] = ok(school.c.get("/api/v1/certification/worklist"))["ready"]
    assert row["enrollment_id"] == e["id"]
    assert row["totals"] == view
