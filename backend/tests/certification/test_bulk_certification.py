"""Certifying at scale: the worklist searched and filtered, "Certified by" chosen from the people who may
certify, and several students certified in one request, each certified or refused on its own."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from ..conftest import LiveServer
from ..enrollments.builders import School, days_ago, ok, refused, small_school
from .finishing import certifier, finish, worklist


@pytest.fixture
def school(live: LiveServer) -> School:
    return small_school(live)


def _rename(school: School, student_id: int, first: str, last: str) -> None:
    student = ok(school.c.get(f"/api/v1/students/{student_id}"))
    change = {"version": student["version"], "first_name": first, "last_name": last}
    ok(school.c.patch(f"/api/v1/students/{student_id}", json=change))


def _named(school: School, first: str, last: str) -> dict[str, Any]:
    """A finished enrollment (in a course of its own) of a student with this name."""
    e = finish(school, days_ago(5))
    _rename(school, e["student_id"], first, last)
    return school.enrollment_now(e["id"])


def _worklist(school: School, **params: Any) -> httpx.Response:
    return school.c.get("/api/v1/certification/worklist", params=params)


def _ids(rows: list[dict[str, Any]]) -> list[int]:
    return [r["enrollment_id"] for r in rows]


def test_worklist_finds_students_by_part_of_their_name_course_and_list(school: School) -> None:
    amara = _named(school, "Amara", "Okafor")
    ben = _named(school, "Ben", "Tremblay")
    student = school.student()
    _rename(school, student["id"], "Amadou", "Diallo")
    risky = school.enrollment(student["id"], amara["course_id"])
    early = school.session(school.instructor()["id"], days_ago(330), 9, 1)
    ok(school.attend(early["id"], risky["id"], 60))

    everyone = ok(_worklist(school))
    assert set(_ids(everyone["ready"])) == {amara["id"], ben["id"]}

    by_name = ok(_worklist(school, q="ama"))
    assert (_ids(by_name["ready"]), _ids(by_name["at_risk"])) == ([amara["id"]], [risky["id"]])
    assert (by_name["ready_total"], by_name["at_risk_total"]) == (1, 1)
    assert _ids(ok(_worklist(school, q="okafor"))["ready"]) == [amara["id"]]
    assert _ids(ok(_worklist(school, q="  tremblay "))["ready"]) == [ben["id"]]

    course = ok(_worklist(school, course_id=ben["course_id"]))
    assert (_ids(course["ready"]), course["at_risk"]) == ([ben["id"]], [])

    ready_only = ok(_worklist(school, q="ama", state="ready"))
    assert (_ids(ready_only["ready"]), ready_only["at_risk"], ready_only["at_risk_total"]) == ([amara["id"]], [], 0)
    at_risk_only = ok(_worklist(school, state="at_risk"))
    assert (at_risk_only["ready"], at_risk_only["ready_total"], _ids(at_risk_only["at_risk"])) == ([], 0, [risky["id"]])
    assert ok(_worklist(school, q="nobody-by-that-name"))["ready"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [({"state": "soon"}, "state"), ({"course_id": 0}, "course_id"), ({"q": "x" * 101}, "q")],
)
def test_worklist_refuses_a_bad_filter_naming_the_field(school: School, params: dict[str, Any], field: str) -> None:
    d = refused(_worklist(school, **params), 422, "validation_failed")
    assert [f["field"].split(".")[-1] for f in d["fields"]] == [field]


def _certify(school: School, e: dict[str, Any], who: dict[str, Any], ref: str = "MTO-1") -> httpx.Response:
    body = {"version": e["version"], "certifier": who, "mto_reference": ref}
    return school.c.post(f"/api/v1/certification/{e['id']}/certify", json=body)


def _staff(school: School, name: str, role: str, **kw: Any) -> dict[str, Any]:
    body = {"name": name, "login": name.split()[0].lower(), "role": role, "password": "a-long-password-1", **kw}
    return ok(school.c.post("/api/v1/staff", json=body), 201)


def test_certifiers_are_licensed_instructors_and_staff_whose_role_may_certify(school: School) -> None:
    licensed = school.instructor(first_name="Priya", last_name="Sharma")
    lapsed = school.instructor(first_name="Lou", last_name="Lapsed", di_licence_expiry=days_ago(1).isoformat())
    owner = _staff(school, "Dana Owner", "owner")
    office = _staff(school, "Olive Office", "office")

    listed = ok(school.c.get("/api/v1/certification/certifiers"))["items"]
    who = {(p["kind"], p["id"]): (p["name"], p["role"]) for p in listed}
    assert who[("instructor", licensed["id"])] == ("Priya Sharma", "Instructor")
    assert who[("staff", owner["id"])] == ("Dana Owner", "Owner")
    assert ("instructor", lapsed["id"]) not in who and ("staff", office["id"]) not in who

    settings = ok(school.c.get("/api/v1/auth/settings"))
    ok(school.c.patch("/api/v1/auth/settings", json={"version": settings["version"], "office_may_certify": True}))
    listed = ok(school.c.get("/api/v1/certification/certifiers"))["items"]
    assert ("staff", office["id"]) in {(p["kind"], p["id"]) for p in listed}
    e = finish(school, days_ago(5))
    out = ok(_certify(school, e, {"kind": "staff", "id": office["id"]}))
    assert out["certified_by"] == "Olive Office"


def test_certify_refuses_an_unknown_lapsed_or_inactive_certifier_and_writes_nothing(school: School) -> None:
    e = finish(school, days_ago(5))
    lapsed = school.instructor(first_name="Lou", last_name="Lapsed", di_licence_expiry=days_ago(1).isoformat())
    gone = school.instructor(first_name="Gil", last_name="Gone")
    ok(school.c.patch(f"/api/v1/instructors/{gone['id']}", json={"version": gone["version"], "active": False}))
    office = _staff(school, "Olive Office", "office")

    d = refused(_certify(school, e, {"kind": "instructor", "id": 99999}), 422, "certification.certifier_unknown")
    assert (d["field"], d["rule"]) == ("certifier", "known")
    d = refused(_certify(school, e, {"kind": "instructor", "id": lapsed["id"]}), 422,
                "certification.certifier_not_allowed")  # fmt: skip
    assert (d["field"], d["rule"]) == ("certifier", "di_licence_valid")
    d = refused(_certify(school, e, {"kind": "instructor", "id": gone["id"]}), 422,
                "certification.certifier_not_allowed")  # fmt: skip
    assert (d["field"], d["rule"]) == ("certifier", "active")
    d = refused(_certify(school, e, {"kind": "staff", "id": office["id"]}), 422, "certification.certifier_not_allowed")
    assert (d["field"], d["rule"], d["role"]) == ("certifier", "may_certify", "office")
    d = refused(_certify(school, e, {"kind": "someone", "id": 1}), 422, "validation_failed")
    assert d["fields"][0]["field"] == "certifier.kind"

    assert school.enrollment_now(e["id"])["status"] == "active"
    out = ok(_certify(school, e, certifier(school, first_name="Priya", last_name="Sharma")))
    assert (out["status"], out["certified_by"]) == ("certified", "Priya Sharma")
    history = ok(school.c.get("/api/v1/audit", params={"student_id": e["student_id"]}))["items"]
    assert [h["action"] for h in history].count("certify") == 1


def test_an_mto_reference_already_recorded_is_refused(school: School) -> None:
    first, second = finish(school, days_ago(5)), finish(school, days_ago(5))
    who = certifier(school)
    ok(_certify(school, first, who, "MTO-555"))
    d = refused(_certify(school, second, who, "MTO-555"), 409, "certification.mto_reference_taken")
    assert (d["field"], d["rule"], d["enrollment_id"]) == ("mto_reference", "unique", first["id"])
    # The same reference typed in lower case is the same reference.
    refused(_certify(school, second, who, "mto-555"), 409, "certification.mto_reference_taken")
    ok(_certify(school, second, who, "MTO-556"))


def _batch(school: School, rows: list[tuple[dict[str, Any], str]], who: dict[str, Any]) -> dict[str, Any]:
    return {
        "rows": [{"enrollment_id": e["id"], "version": e["version"], "mto_reference": ref} for e, ref in rows],
        "certifier": who,
    }


def test_batch_certifies_each_row_and_reports_a_refused_one_without_writing_it(school: School) -> None:
    a, b, c = finish(school, days_ago(5)), finish(school, days_ago(5)), finish(school, days_ago(5))
    pending = finish(school, days_ago(5), mark=None)
    who = certifier(school, first_name="Priya", last_name="Sharma")
    # The third row repeats the first's reference: refused, as is the student with no result yet.
    body = _batch(school, [(a, "MTO-10"), (pending, "MTO-11"), (b, "MTO-12"), (c, "MTO-10")], who)

    out = ok(school.c.post("/api/v1/certification/batch", json=body, headers={"Idempotency-Key": "batch-1"}))

    assert (out["certified_count"], out["refused_count"]) == (2, 2)
    by_id = {o["enrollment_id"]: o for o in out["outcomes"]}
    assert [o["enrollment_id"] for o in out["outcomes"]] == [a["id"], pending["id"], b["id"], c["id"]]
    assert by_id[a["id"]]["certified"] and by_id[b["id"]]["certified"]
    assert by_id[a["id"]]["enrollment"]["certified_by"] == "Priya Sharma"
    not_ready = by_id[pending["id"]]["refusal"]
    assert (by_id[pending["id"]]["certified"], not_ready["code"]) == (False, "certification.not_ready")
    assert [u["requirement"] for u in not_ready["details"]["unmet"]] == ["result"]
    taken = by_id[c["id"]]["refusal"]
    assert (taken["code"], taken["details"]["field"], taken["details"]["enrollment_id"]) == (
        "certification.mto_reference_taken",
        "mto_reference",
        a["id"],
    )
    assert "already recorded" in taken["message"]
    for refused_row in (pending, c):
        now = school.enrollment_now(refused_row["id"])
        assert (now["status"], now["version"], now["mto_reference"]) == ("active", refused_row["version"], None)
    assert {r["enrollment_id"] for r in worklist(school)["ready"]} == {c["id"]}

    # The same request again (a retry): the stored answer, nothing certified twice.
    again = school.c.post("/api/v1/certification/batch", json=body, headers={"Idempotency-Key": "batch-1"})
    assert again.headers.get("idempotent-replayed") == "true"
    assert again.json() == out
    # Each certified student's own history shows their certification, the second as much as the first.
    for certified in (a, b):
        history = ok(school.c.get("/api/v1/audit", params={"student_id": certified["student_id"]}))["items"]
        assert [h["action"] for h in history].count("certify") == 1, certified["student_id"]


def test_batch_refuses_a_certifier_who_may_not_certify_as_a_whole(school: School) -> None:
    a = finish(school, days_ago(5))
    lapsed = school.instructor(di_licence_expiry=days_ago(1).isoformat())
    body = _batch(school, [(a, "MTO-1")], {"kind": "instructor", "id": lapsed["id"]})
    d = refused(school.c.post("/api/v1/certification/batch", json=body), 422, "certification.certifier_not_allowed")
    assert d["field"] == "certifier"
    assert school.enrollment_now(a["id"])["status"] == "active"


def test_batch_refuses_the_same_enrollment_twice(school: School) -> None:
    a = finish(school, days_ago(5))
    body = _batch(school, [(a, "MTO-1"), (a, "MTO-2")], certifier(school))
    d = refused(school.c.post("/api/v1/certification/batch", json=body), 422, "validation_failed")
    assert [(f["field"], f["message"]) for f in d["fields"]] == [
        ("rows", "Value error, each student's enrollment may appear once in rows")
    ]
    assert school.enrollment_now(a["id"])["status"] == "active"
