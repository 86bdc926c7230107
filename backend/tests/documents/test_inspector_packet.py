"""The inspector packet: one student's whole record, on SQLite and PostgreSQL (see conftest's engines)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from ..certification.finishing import certifier, finish
from ..conftest import LiveServer
from ..enrollments.builders import School, at, days_ago, instant, ok, refused, small_school


@pytest.fixture
def school(live: LiveServer) -> School:
    return small_school(live)


def packet(school: School, student_id: int) -> dict[str, Any]:
    return ok(school.c.get(f"/api/v1/documents/inspector-packet/{student_id}"))


def certify(school: School, enrollment: dict[str, Any]) -> dict[str, Any]:
    body = {"version": enrollment["version"], "certifier": certifier(school), "mto_reference": "MTO-4410"}
    return ok(school.c.post(f"/api/v1/certification/{enrollment['id']}/certify", json=body))


def test_packet_holds_identity_consent_enrollment_ledger_lessons_classes_marks_and_certification(
    school: School,
) -> None:
    e = certify(school, finish(school, days_ago(5), mark=84))
    student = ok(school.c.get(f"/api/v1/students/{e['student_id']}"))
    other = finish(school, days_ago(5))  # another student's records stay out

    p = packet(school, student["id"])

    s = p["student"]
    assert (s["first_name"], s["last_name"], s["licence_number_display"]) == (
        student["first_name"],
        student["last_name"],
        student["licence_number_display"],
    )
    assert instant(s["consent_at"]) == instant(student["consent_at"])
    [enrollment] = p["enrollments"]
    assert (enrollment["id"], enrollment["final_mark_percent"], enrollment["result"]) == (e["id"], 84, "pass")
    assert (enrollment["status"], enrollment["mto_reference"], enrollment["certification_fee_cents"]) == (
        "certified",
        "MTO-4410",
        1500,
    )
    assert sorted((x["category"], x["minutes"], x["source"]) for x in enrollment["ledger"]) == [
        ("classroom", 60, "classroom_session"),
        ("flex", 60, "homelink"),
        ("in_car", 60, "lesson"),
    ]
    assert {t["category"]: t["credited_minutes"] for t in enrollment["totals"]} == {
        "classroom": 60,
        "in_car": 60,
        "flex": 60,
    }
    [lesson] = p["lessons"]
    assert instant(lesson["starts_at"]) == instant(at(days_ago(5), 11))
    assert instant(lesson["actual_end"]) == instant(at(days_ago(5), 12))
    assert (lesson["odometer_start"], lesson["odometer_end"], lesson["status"]) == (40010, 40042, "completed")
    assert lesson["instructor_name"].startswith("Ines Tremblay") and lesson["vehicle_plate"].startswith("CBX")
    assert lesson["skills_covered"] == ["left turns", "parallel parking"]
    [attended] = p["attendance"]
    assert (attended["minutes"], attended["topic"], attended["enrollment_id"]) == (60, "Rules of the road", e["id"])
    assert instant(attended["starts_at"]) == instant(at(days_ago(5), 9))

    entries = p["audit_entries"]
    assert entries and p["audit_entries_total"] == len(entries)
    assert [x["id"] for x in entries] == sorted(x["id"] for x in entries)
    assert {x["entity"] for x in entries} >= {"students", "enrollments", "lessons"}
    assert all(x["student_id"] in (student["id"], None) for x in entries)
    assert other["student_id"] not in {x["student_id"] for x in entries}
    assert any(x["entity"] == "enrollments" and x["action"] == "certify" for x in entries)


def test_packet_names_the_audit_chain_head_and_verify_as_of_printing(school: School) -> None:
    student = school.student()
    p = packet(school, student["id"])
    verify = ok(school.c.get("/api/v1/audit/verify"))
    head = ok(school.c.get("/api/v1/audit/head"))
    chain = p["chain"]
    assert (chain["head_id"], chain["head_hash"]) == (head["entry_id"], head["entry_hash"])
    assert chain["verify"]["ok"] is True and chain["verify"]["head_hash"] == verify["head_hash"]
    assert chain["verify"]["checked"] == verify["checked"]


def test_packet_reports_a_chain_changed_behind_the_apps_back(live: LiveServer, school: School) -> None:
    student = school.student()
    school.student()
    live.db.write(
        lambda s: s.execute(text("UPDATE students SET first_name = 'Forged' WHERE id = :id"), {"id": student["id"]})
    )
    chain = packet(school, student["id"])["chain"]
    assert chain["verify"]["ok"] is False
    assert chain["verify"]["drifted_total"] >= 1
    assert chain["head_id"] is not None


def test_packet_without_consent_says_so(school: School) -> None:
    student = school.student(consent_to_share=False)
    p = packet(school, student["id"])
    assert p["student"]["consent_at"] is None
    assert p["enrollments"] == [] and p["lessons"] == [] and p["attendance"] == []


def test_packet_of_a_student_not_on_file_is_refused(school: School) -> None:
    details = refused(school.c.get("/api/v1/documents/inspector-packet/999999"), 404, "student.not_found")
    assert details is not None


def test_packet_refuses_an_id_out_of_range(school: School) -> None:
    body = school.c.get("/api/v1/documents/inspector-packet/0")
    assert body.status_code == 422 and body.json()["code"] == "validation_failed"


def test_progress_report_shows_hours_lessons_with_skills_and_upcoming_bookings(school: School) -> None:
    e = finish(school, days_ago(5))
    student = {"id": e["student_id"]}
    soon = days_ago(-7)
    upcoming = ok(school.book(student, school.instructor(), school.vehicle(), at(soon, 10), at(soon, 11)), 201)
    later = days_ago(-8)
    dropped = ok(school.book(student, school.instructor(), school.vehicle(), at(later, 10), at(later, 11)), 201)
    ok(school.c.post(f"/api/v1/lessons/{dropped['id']}/cancel", json={"version": dropped["version"], "reason": "Sick"}))

    report = ok(school.c.get(f"/api/v1/documents/progress-report/{student['id']}"))

    [enrollment] = report["enrollments"]
    assert {t["category"]: (t["credited_minutes"], t["required_minutes"]) for t in enrollment["totals"]} == {
        "classroom": (60, 60),
        "in_car": (60, 60),
        "flex": (60, 60),
    }
    [taken] = report["lessons"]
    assert taken["skills_covered"] == ["left turns", "parallel parking"] and taken["status"] == "completed"
    assert [x["id"] for x in report["upcoming"]] == [upcoming["id"]]
    assert "ledger" not in enrollment


def test_progress_report_of_a_student_not_on_file_is_refused(school: School) -> None:
    refused(school.c.get("/api/v1/documents/progress-report/999999"), 404, "student.not_found")
