"""Builds road tests through the real API, on top of the lesson builders' small school."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.orm import Session

from odsm.models import RoadTest

from ..enrollments.builders import TZ, School, at, ok

# Far enough ahead that every test here is in the future, and 12 months after the usual G1 below.
DAY = date(2027, 3, 10)
G1_LONG_AGO = "2026-01-15"


class RoadTests:
    def __init__(self, school: School) -> None:
        self.school = school
        self.c = school.c

    def centre_id(self) -> int:
        return int(ok(self.c.get("/api/v1/drivetest-centres"))["items"][0]["id"])

    def student(self, g1: str = G1_LONG_AGO, **kw: Any) -> dict[str, Any]:
        return self.school.student(licence_class="G1", g1_issue_date=g1, **kw)

    def body(self, student: dict[str, Any], start: str, licence_class: str = "G2", **kw: Any) -> dict[str, Any]:
        return {"student_id": student["id"], "centre_id": self.centre_id(), "licence_class": licence_class,
                "starts_at": start, **kw}  # fmt: skip

    def book(self, student: dict[str, Any], start: str, licence_class: str = "G2", **kw: Any) -> httpx.Response:
        return self.c.post("/api/v1/road-tests", json=self.body(student, start, licence_class, **kw))

    def booked(self, student: dict[str, Any], start: str, licence_class: str = "G2", **kw: Any) -> dict[str, Any]:
        return ok(self.book(student, start, licence_class, **kw), 201)

    def taken_on(self, test: dict[str, Any], day: date, hour: int = 10) -> dict[str, Any]:
        """Moves a booked test to a day already past, as if it had been booked back then and taken."""
        start = datetime.fromisoformat(at(day, hour))
        shift = start - datetime.fromisoformat(test["starts_at"].replace("Z", "+00:00"))

        def move(s: Session) -> None:
            row = s.get(RoadTest, test["id"])
            assert row is not None
            for name in ("starts_at", "ends_at", "blocked_from", "blocked_until"):
                setattr(row, name, getattr(row, name) + shift)

        self.school.live.db.write(move)
        return ok(self.c.get(f"/api/v1/road-tests/{test['id']}"))

    def result(self, test: dict[str, Any], outcome: str) -> httpx.Response:
        body = {"version": test["version"], "outcome": outcome}
        return self.c.post(f"/api/v1/road-tests/{test['id']}/result", json=body)

    def cancel(self, test: dict[str, Any]) -> httpx.Response:
        return self.c.post(f"/api/v1/road-tests/{test['id']}/cancel", json={"version": test["version"]})

    def charges(self, student: dict[str, Any]) -> list[tuple[str, int, bool]]:
        items = ok(self.c.get("/api/v1/road-tests/charges", params={"student_id": student["id"]}))["items"]
        return [(c["kind"], c["amount_cents"], c["billed"]) for c in items]


def local_today() -> date:
    return datetime.now(TZ).date()


def days_from_today(n: int) -> date:
    return local_today() + timedelta(days=n)
