"""A student who has done the work: the certification tests start from here."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..enrollments.builders import School, at, ok


def finish(
    school: School,
    day: date,
    lesson_instructor: dict[str, Any] | None = None,
    mark: int | None = 80,
) -> dict[str, Any]:
    """An enrollment with 1 h of each kind on `day` and, unless mark is None, a final mark."""
    student = school.student()
    e = school.enrollment(student["id"], school.course()["id"])
    session = school.session(school.instructor()["id"], day, 9, 1)
    ok(school.attend(session["id"], e["id"], 60))
    teacher = lesson_instructor or school.instructor()
    lesson = ok(school.book(student, teacher, school.vehicle(), at(day, 11), at(day, 12), enrollment_id=e["id"]), 201)
    ok(school.complete(lesson))
    hours = {"minutes": 60, "occurred_on": day.isoformat(), "reason": "home-link module 1"}
    ok(school.c.post(f"/api/v1/enrollments/{e['id']}/hours", json=hours), 201)
    if mark is not None:
        version = school.enrollment_now(e["id"])["version"]
        ok(
            school.c.post(
                f"/api/v1/enrollments/{e['id']}/result", json={"version": version, "final_mark_percent": mark}
            )
        )
    return school.enrollment_now(e["id"])


def worklist(school: School) -> dict[str, Any]:
    return ok(school.c.get("/api/v1/certification/worklist"))


def certifier(school: School, **kw: Any) -> dict[str, Any]:
    """A licensed instructor, as the certify request names who certified."""
    return {"kind": "instructor", "id": school.instructor(**kw)["id"]}
