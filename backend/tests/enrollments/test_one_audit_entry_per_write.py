"""Every write leaves exactly one audit entry, with before and after (a record that cannot be quietly
changed, DOMAIN.md). Recording a result used to leave two: the mark, then the result."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from odsm.core.audit_entry import AuditEntry

from ..certification.finishing import certifier, finish
from ..conftest import LiveServer
from .builders import School, days_ago, ok, small_school, today


@pytest.fixture
def school(live: LiveServer) -> School:
    return small_school(live)


def _entries(live: LiveServer) -> int:
    return int(live.db.read(lambda s: s.scalar(select(func.count()).select_from(AuditEntry))) or 0)


def _last(live: LiveServer) -> AuditEntry:
    return live.db.read(lambda s: s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one())


def _one_entry(live: LiveServer, write: Callable[[], httpx.Response], status: int = 200) -> AuditEntry:
    before = _entries(live)
    ok(write(), status)
    assert _entries(live) - before == 1
    return _last(live)


def _changed(entry: AuditEntry) -> dict[str, tuple[Any, Any]]:
    before, after = json.loads(entry.before or "{}"), json.loads(entry.after or "{}")
    return {k: (before.get(k), after[k]) for k in after if before.get(k) != after[k]}


def test_each_enrollment_write_leaves_one_entry(live: LiveServer, school: School) -> None:
    student, course = school.student(), school.course()
    c = school.c
    new = {"student_id": student["id"], "course_id": course["id"]}
    created = _one_entry(live, lambda: c.post("/api/v1/enrollments", json=new), 201)
    e = {"id": int(created.entity_id)}
    assert (created.action, created.before) == ("create", None)

    hours = {"minutes": 60, "occurred_on": days_ago(1).isoformat()}
    _one_entry(live, lambda: c.post(f"/api/v1/enrollments/{e['id']}/hours", json=hours), 201)
    fix = {"category": "flex", "minutes": -10, "reason": "module 2 counted twice"}
    _one_entry(live, lambda: c.post(f"/api/v1/enrollments/{e['id']}/corrections", json=fix), 201)

    result = {"version": school.enrollment_now(e["id"])["version"], "final_mark_percent": 85}
    entry = _one_entry(live, lambda: c.post(f"/api/v1/enrollments/{e['id']}/result", json=result))
    assert entry.action == "record_result"
    changed = _changed(entry)
    assert (changed["final_mark_percent"], changed["result"]) == ((None, 85), ("pending", "pass"))


def test_certifying_leaves_one_entry(live: LiveServer, school: School) -> None:
    e = finish(school, days_ago(5))
    body = {"version": e["version"], "certifier": certifier(school), "mto_reference": "MTO-1"}
    entry = _one_entry(live, lambda: school.c.post(f"/api/v1/certification/{e['id']}/certify", json=body))
    assert (entry.action, _changed(entry)["status"]) == ("certify", ("active", "certified"))
    assert _changed(entry)["certified_on"] == (None, today().isoformat())


def test_settings_and_course_writes_leave_one_entry(live: LiveServer, school: School) -> None:
    settings = ok(school.c.get("/api/v1/settings"))
    change = {"version": settings["version"], "bde_classroom_minutes": 1500}
    entry = _one_entry(live, lambda: school.c.patch("/api/v1/settings", json=change))
    assert _changed(entry)["bde_classroom_minutes"] == (60, 1500)

    entry = _one_entry(live, lambda: school.c.post("/api/v1/courses", json={"name": "BDE", "kind": "bde"}), 201)
    course_id = entry.entity_id
    entry = _one_entry(
        live, lambda: school.c.patch(f"/api/v1/courses/{course_id}", json={"version": 1, "price_cents": 5})
    )
    assert _changed(entry)["price_cents"][1] == 5
