"""Courses: the BDE course (hours from the school settings) and non-BDE lesson packages."""

from __future__ import annotations

from sqlalchemy.orm import Session

from odsm.core.errors import ValidationFailed
from odsm.core.unit_of_work import Database
from odsm.core.versioning import apply_changes, check_version, guard_stale
from odsm.features.school.service import load_settings
from odsm.models import Course, CourseKind

from . import repository as repo
from .errors import CourseNotFound, CourseVersionConflict
from .schemas import CourseCreate, CoursePage, CourseRead, CourseUpdate

__all__ = ["CourseKind", "CourseService", "load_course"]  # CourseKind: other features compare kinds with it


def load_course(s: Session, course_id: int) -> Course:
    row = repo.get(s, course_id)
    if row is None:
        raise CourseNotFound(details={"course_id": course_id})
    return row


class CourseService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, include_inactive: bool) -> CoursePage:
        def fn(s: Session) -> CoursePage:
            rows = s.scalars(repo.listing(include_inactive)).all()
            return CoursePage(items=[CourseRead.model_validate(r) for r in rows], total=len(rows))

        return self.db.read(fn)

    def create(self, data: CourseCreate) -> CourseRead:
        def fn(s: Session) -> CourseRead:
            values = data.model_dump()
            if CourseKind(data.kind) is CourseKind.BDE:
                settings = load_settings(s)
                defaults = {
                    "classroom_minutes": settings.bde_classroom_minutes,
                    "in_car_minutes": settings.bde_in_car_minutes,
                    "flex_minutes": settings.bde_flex_minutes,
                }
            else:
                defaults = {"classroom_minutes": 0, "in_car_minutes": 0, "flex_minutes": 0}
            for name, default in defaults.items():
                if values[name] is None:
                    values[name] = default
            row = Course(**values)
            s.add(row)
            s.flush()
            return CourseRead.model_validate(row)

        return self.db.write(fn)

    def update(self, course_id: int, data: CourseUpdate) -> CourseRead:
        changes = {k: getattr(data, k) for k in data.model_fields_set if k != "version"}
        for name, value in changes.items():
            if value is None:
                raise ValidationFailed.for_field(name, "required", f"{name} cannot be empty.")

        def fn(s: Session) -> CourseRead:
            row = load_course(s, course_id)
            check_version(row.version, data.version, CourseVersionConflict, course_id=course_id)
            apply_changes(row, changes)
            s.flush()
            return CourseRead.model_validate(row)

        return guard_stale(lambda: self.db.write(fn), CourseVersionConflict, course_id=course_id)
