"""The permission table is enforced on every route: each route names its permission, a role without it is
refused with `permission_denied` naming it, a role with it gets through, and an instructor keeps to their own
calendar and lessons. With sign-in off nobody is asked (test_sign_in covers that)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from odsm.app import create_app
from odsm.core.config import Settings
from odsm.features.staff.permissions import PERMISSION_ROLES, PERMISSION_WORDS, ROUTE_PERMISSIONS, Permission, Role

from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, ok, refused
from .conftest import add_staff, as_, enable, token_of


def _route_names(routes: list[Any]) -> Iterator[str]:
    for route in routes:
        original = getattr(route, "original_router", None)
        if original is not None:  # an included router: its own routes
            yield from _route_names(original.routes)
        elif getattr(route, "name", None):
            yield route.name


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(Settings(data_dir=tmp_path_factory.mktemp("data")))


def test_every_route_declares_a_permission(app: FastAPI) -> None:
    """A route added later without a line in ROUTE_PERMISSIONS fails here (until then it needs the owner)."""
    names = set(_route_names(app.router.routes))
    assert len(names) > 60
    assert sorted(names - ROUTE_PERMISSIONS.keys()) == []
    assert sorted(ROUTE_PERMISSIONS.keys() - names) == []  # no line for a route that is gone


def test_every_permission_names_its_roles_and_the_owner_holds_each() -> None:
    assert set(PERMISSION_ROLES) == set(Permission) == set(PERMISSION_WORDS)
    assert all(Role.OWNER in roles for roles in PERMISSION_ROLES.values())


def _operations(app: FastAPI) -> list[tuple[str, str, str, dict[str, Any]]]:
    spec = app.openapi()
    return [
        (op["operationId"], method.upper(), path, op)
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    ]


def _call(live: LiveServer, method: str, path: str, op: dict[str, Any], token: str) -> Any:
    # Ids of 0 are refused by the route's own validation, after the permission check: nothing is changed.
    url = re.sub(r"\{[^}]+\}", "0", path)
    body = {"json": {}} if "requestBody" in op else {}
    return live.client.request(method, url, headers=as_(token), **body)


def test_each_route_refuses_a_role_without_its_permission_and_lets_a_role_with_it_through(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    teacher = School(live)
    live.client.headers["X-ODSM-Session"] = owner
    instructor = teacher.instructor()
    add_staff(live.client, owner, "olive", "office")
    add_staff(live.client, owner, "ines", "instructor", instructor_id=instructor["id"])
    tokens = {Role.OWNER: owner, Role.OFFICE: token_of(live, "olive"), Role.INSTRUCTOR: token_of(live, "ines")}
    del live.client.headers["X-ODSM-Session"]
    problems: list[str] = []
    checked = 0
    for name, method, path, op in _operations(live.app):
        permission = ROUTE_PERMISSIONS[name]
        if permission is Permission.PUBLIC:
            continue
        roles = PERMISSION_ROLES[permission]
        for role in Role:
            if role not in roles:
                r = _call(live, method, path, op, tokens[role])
                body = r.json()
                if (
                    r.status_code != 403
                    or body["code"] != "permission_denied"
                    or body["details"]["permission"] != permission
                ):
                    problems.append(f"{name} as {role}: {r.status_code} {r.text[:120]}")
        allowed = Role.OFFICE if Role.OFFICE in roles else Role.OWNER
        if name == "disable_sign_in":
            continue  # an empty body is refused by validation, but keep the school signed in for the rest
        r = _call(live, method, path, op, tokens[allowed])
        if r.status_code in (401, 403):
            problems.append(f"{name} as {allowed}: {r.status_code} {r.text[:120]}")
        checked += 1
    assert problems == []
    assert checked > 60


def test_certifying_is_the_owners_until_the_owner_grants_it_to_the_office(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "olive", "office")
    office = token_of(live, "olive")
    certify = {"version": 1, "certifier": {"kind": "staff", "id": 1}, "mto_reference": "MTO-1"}
    details = refused(live.client.post("/api/v1/certification/1/certify", json=certify, headers=as_(office)), 403,
                      "permission_denied")  # fmt: skip
    assert details == {"permission": "certify", "role": "office"}
    settings = ok(live.client.get("/api/v1/auth/settings", headers=as_(owner)))
    ok(live.client.patch("/api/v1/auth/settings", json={"version": settings["version"], "office_may_certify": True},
                         headers=as_(owner)))  # fmt: skip
    r = live.client.post("/api/v1/certification/1/certify", json=certify, headers=as_(office))
    assert r.status_code not in (401, 403), r.text
    assert "certify" in ok(live.client.get("/api/v1/auth/status", headers=as_(office)))["permissions"]


@pytest.fixture
def two_instructors(live: LiveServer) -> dict[str, Any]:
    """A school with two instructors' lessons, then sign-in switched on with an account for the first."""
    school = School(live)
    mine, theirs = school.instructor(), school.instructor()
    day = days_ago(1)
    lessons = {}
    for who, hour in ((mine, 9), (theirs, 11)):
        r = school.book(school.student(), who, school.vehicle(), at(day, hour), at(day, hour + 1))
        lessons[who["id"]] = ok(r, 201)
    # A student in a class the first instructor teaches, with no lesson of theirs.
    in_class = school.student()
    enrollment = school.enrollment(in_class["id"], school.course()["id"])
    session = school.session(mine["id"], days_ago(-3), 9, 2)
    ok(school.c.post(f"/api/v1/classroom/{session['id']}/roster", json={"enrollment_id": enrollment["id"]}))
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "ines", "instructor", instructor_id=mine["id"])
    return {"school": school, "mine": mine, "theirs": theirs, "lessons": lessons, "day": day, "in_class": in_class,
            "owner": owner, "token": token_of(live, "ines")}  # fmt: skip


def test_an_instructor_sees_only_their_own_calendar(live: LiveServer, two_instructors: dict[str, Any]) -> None:
    t, day = two_instructors, two_instructors["day"]
    window = {"start": at(day, 0), "end": at(day, 23)}
    own = ok(
        live.client.get("/api/v1/lessons", params={**window, "instructor_id": t["mine"]["id"]}, headers=as_(t["token"]))
    )
    assert [lesson["instructor_id"] for lesson in own["items"]] == [t["mine"]["id"]]
    for params in ({**window, "instructor_id": t["theirs"]["id"]}, window):
        details = refused(
            live.client.get("/api/v1/lessons", params=params, headers=as_(t["token"])), 403, "permission_denied"
        )
        assert details == {"permission": "calendar.read", "role": "instructor", "own_only": True}
    other = t["lessons"][t["theirs"]["id"]]
    refused(live.client.get(f"/api/v1/lessons/{other['id']}", headers=as_(t["token"])), 403, "permission_denied")
    refused(live.client.get("/api/v1/students", headers=as_(t["token"])), 403, "permission_denied")


def test_an_instructor_completes_only_their_own_lessons(live: LiveServer, two_instructors: dict[str, Any]) -> None:
    t = two_instructors
    school: School = t["school"]
    other, mine = t["lessons"][t["theirs"]["id"]], t["lessons"][t["mine"]["id"]]
    live.client.headers["X-ODSM-Session"] = t["token"]
    details = refused(school.complete(other), 403, "permission_denied")
    assert details["permission"] == "lessons.complete"
    assert ok(school.complete(mine))["status"] == "completed"


def test_an_instructor_reads_only_their_own_students(live: LiveServer, two_instructors: dict[str, Any]) -> None:
    t = two_instructors
    mine, theirs = t["mine"]["id"], t["theirs"]["id"]
    own, other = t["lessons"][mine]["student_id"], t["lessons"][theirs]["student_id"]
    ines = as_(t["token"])
    listed = ok(live.client.get("/api/v1/students", params={"instructor_id": mine}, headers=ines))
    assert sorted(s["id"] for s in listed["items"]) == sorted([own, t["in_class"]["id"]])
    assert listed["total"] == 2
    assert ok(live.client.get(f"/api/v1/students/{own}", headers=ines))["id"] == own
    assert ok(live.client.get(f"/api/v1/students/{t['in_class']['id']}", headers=ines))["id"] == t["in_class"]["id"]
    lessons = ok(live.client.get("/api/v1/lessons/for-student", params={"student_id": own}, headers=ines))
    assert lessons  # their own student's lessons are theirs to read
    own_only = {"permission": "students.read", "role": "instructor", "own_only": True}
    for refusal in (
        live.client.get("/api/v1/students", headers=ines),
        live.client.get("/api/v1/students", params={"instructor_id": theirs}, headers=ines),
        live.client.get(f"/api/v1/students/{other}", headers=ines),
        live.client.get("/api/v1/lessons/for-student", params={"student_id": other}, headers=ines),
    ):
        assert refused(refusal, 403, "permission_denied") == own_only, refusal.request.url
    # The other reads of students' records stay the desk's, even of their own students.
    for refusal in (
        live.client.get("/api/v1/enrollments", params={"student_id": own}, headers=ines),
        live.client.get("/api/v1/certification/worklist", headers=ines),
    ):
        assert refused(refusal, 403, "permission_denied") == {"permission": "students.read", "role": "instructor"}
    refused(live.client.get("/api/v1/students/999999", headers=ines), 404, "student.not_found")
    # The desk still reads every student.
    everyone = ok(live.client.get("/api/v1/students", headers=as_(t["owner"])))
    assert {own, other, t["in_class"]["id"]} <= {s["id"] for s in everyone["items"]}


def test_the_table_the_settings_screen_shows_is_the_backends(live: LiveServer, tmp_path: Path) -> None:
    table = ok(live.client.get("/api/v1/auth/permissions"))
    rows = {row["permission"]: row for row in table["rows"]}
    assert rows["certify"]["roles"] == ["owner"]
    assert rows["book"]["roles"] == ["owner", "office"]
    assert rows["calendar.read"] == {
        "permission": "calendar.read",
        "description": "See the calendar and day sheets",
        "roles": ["owner", "office", "instructor"],
        "own_only_for_instructor": True,
    }
    assert rows["students.read"]["roles"] == ["owner", "office", "instructor"]
    assert rows["students.read"]["own_only_for_instructor"] is True
    assert "public" not in rows
