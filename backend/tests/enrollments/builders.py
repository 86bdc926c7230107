"""Builds a small school through the real API: instructors, vehicles, students, courses, enrollments."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy.orm import Session

from odsm.features.school.service import load_settings

from ..conftest import LiveServer, student_payload

TZ = ZoneInfo("America/Toronto")
_seq = itertools.count(1)


def at(day: date, hour: int, minute: int = 0) -> str:
    """A local Toronto time as an aware ISO string."""
    return datetime.combine(day, time(hour, minute), TZ).isoformat()


def today() -> date:
    return datetime.now(TZ).date()


# Records entered after the fact carry the reason the school would give; the back-dating tests send none.
PAPER = "Entered from the paper register"


def _past_reason(start: str) -> dict[str, str]:
    return {"reason": PAPER} if datetime.fromisoformat(start) < datetime.now(TZ) else {}


def ok(r: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    return body


def refused(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    assert body["code"] == code, body
    details: dict[str, Any] = body.get("details") or {}
    return details


class School:
    def __init__(self, live: LiveServer) -> None:
        self.live = live
        self.c = live.client

    def settings(self, **changes: Any) -> dict[str, Any]:
        current = ok(self.c.get("/api/v1/settings"))
        return ok(self.c.patch("/api/v1/settings", json={"version": current["version"], **changes}))

    def instructor(self, **kw: Any) -> dict[str, Any]:
        n = next(_seq)
        body = {
            "first_name": "Ines",
            "last_name": f"Tremblay{n}",
            "phone": "416-555-0100",
            "di_licence_number": f"DI{n:05d}",
            "di_licence_expiry": "2099-03-31",
            "authorised_in_car": True,
            "authorised_classroom": True,
            **kw,
        }
        return ok(self.c.post("/api/v1/instructors", json=body), 201)

    def vehicle(self, **kw: Any) -> dict[str, Any]:
        n = next(_seq)
        body = {
            "plate": f"CBX{n:04d}",
            "vin": "2HGFC2F59MH512345",
            "make": "Honda",
            "model": "Civic",
            "year": 2021,
            "transmission": "automatic",
            "dual_brake": True,
            "insurance_expiry": "2099-06-30",
            "inspection_expiry": "2099-01-31",
            "odometer_km": 40000,
            **kw,
        }
        return ok(self.c.post("/api/v1/vehicles", json=body), 201)

    def small_bde_hours(self, minutes: int) -> None:
        """BDE hours far below the Ministry's, so a test student finishes in a few calls. The app refuses
        them (a school may only raise the 20/10/10 hours), so the test writes its own database directly."""

        def lower(s: Session) -> None:
            row = load_settings(s)
            for category in ("classroom", "in_car", "flex"):
                setattr(row, f"bde_{category}_minutes", minutes)

        self.live.db.write(lower)

    def student(self, licence_class: str | None = "G2", consent_to_share: bool = True, **kw: Any) -> dict[str, Any]:
        n = next(_seq)
        # A licence on file (unique per student): an in-car lesson needs one.
        kw = {"licence_number": f"O{n:014d}", **kw}
        body = student_payload(
            first_name="Amara",
            last_name=f"Okafor{n}",
            licence_class=licence_class,
            consent_to_share=consent_to_share,
            **kw,
        )
        return ok(self.c.post("/api/v1/students", json=body), 201)

    def course(self, kind: str = "bde", **kw: Any) -> dict[str, Any]:
        return ok(self.c.post("/api/v1/courses", json={"name": f"Course {next(_seq)}", "kind": kind, **kw}), 201)

    def enrollment(self, student_id: int, course_id: int, **kw: Any) -> dict[str, Any]:
        body = {"student_id": student_id, "course_id": course_id, **kw}
        return ok(self.c.post("/api/v1/enrollments", json=body), 201)

    def enrollment_now(self, enrollment_id: int) -> dict[str, Any]:
        return ok(self.c.get(f"/api/v1/enrollments/{enrollment_id}"))

    def session_body(self, instructor_id: int, day: date, start_hour: int, hours: int, **kw: Any) -> dict[str, Any]:
        return {
            "instructor_id": instructor_id,
            "starts_at": at(day, start_hour),
            "ends_at": at(day, start_hour + hours),
            "room": "Room A",
            "topic": "Rules of the road",
            "capacity": 24,
            **_past_reason(at(day, start_hour)),
            **kw,
        }

    def session(self, instructor_id: int, day: date, start_hour: int, hours: int, **kw: Any) -> dict[str, Any]:
        body = self.session_body(instructor_id, day, start_hour, hours, **kw)
        return ok(self.c.post("/api/v1/classroom", json=body), 201)

    def attend(self, session_id: int, enrollment_id: int, minutes: int, reason: str | None = PAPER) -> httpx.Response:
        body = {"entries": [{"enrollment_id": enrollment_id, "minutes": minutes}], "reason": reason}
        return self.c.post(f"/api/v1/classroom/{session_id}/attendance", json=body)

    def lesson_body(self, student: dict[str, Any], instructor: dict[str, Any], vehicle: dict[str, Any],
                    start: str, end: str, **kw: Any) -> dict[str, Any]:  # fmt: skip
        return {
            "student_id": student["id"],
            "instructor_id": instructor["id"],
            "vehicle_id": vehicle["id"],
            "starts_at": start,
            "ends_at": end,
            "pickup_location": "100 Queen St W",
            **_past_reason(start),
            **kw,
        }

    def book(self, *args: Any, **kw: Any) -> httpx.Response:
        return self.c.post("/api/v1/lessons", json=self.lesson_body(*args, **kw))

    def complete(
        self, lesson: dict[str, Any], km: tuple[int, int] = (40010, 40042), reason: str | None = PAPER
    ) -> httpx.Response:
        body = {
            "version": lesson["version"],
            "actual_start": lesson["starts_at"],
            "actual_end": lesson["ends_at"],
            "odometer_start": km[0],
            "odometer_end": km[1],
            "skills_covered": ["left turns", "parallel parking"],
            "evaluation_notes": "Steady; check mirrors more.",
            "reason": reason,
        }
        return self.c.post(f"/api/v1/lessons/{lesson['id']}/complete", json=body)


def small_school(live: LiveServer) -> School:
    """A school whose BDE course asks 1 h of each kind: a student finishes in a few calls."""
    school = School(live)
    school.small_bde_hours(60)
    return school


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


def instant(text: str) -> datetime:
    """Parses an ISO time (with Z or an offset) so two spellings of one instant compare equal."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
