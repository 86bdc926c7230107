"""On PostgreSQL a booking waits for the locks of the instructor, vehicle and student it checks (see
core/resource_lock_repository.py): held by another desk, they hold the booking back until that desk commits."""

from __future__ import annotations

import threading
from datetime import timedelta

import httpx
import psycopg
import pytest

from odsm.core.resource_lock_repository import Resource

from ..conftest import LiveServer
from ..engines import ON_POSTGRES
from ..enrollments.builders import School, at, today
from ..raw_database import postgres_dsn

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="PostgreSQL only: on SQLite every write holds the one database lock (BEGIN IMMEDIATE)"
)


@pytest.mark.parametrize("resource", [Resource.INSTRUCTOR, Resource.VEHICLE, Resource.STUDENT])
def test_a_booking_waits_while_another_desk_holds_a_resource_it_checks(live: LiveServer, resource: Resource) -> None:
    school = School(live)
    parts = {"instructor": school.instructor(), "vehicle": school.vehicle(), "student": school.student()}
    day = today() + timedelta(days=3)
    body = school.lesson_body(parts["student"], parts["instructor"], parts["vehicle"], at(day, 10), at(day, 11))
    held_id = parts[resource.name.lower()]["id"]
    answer: list[httpx.Response] = []

    with psycopg.connect(postgres_dsn(live.settings)) as other_desk:
        other_desk.execute("SELECT pg_advisory_xact_lock(%s, %s)", (int(resource), held_id))
        booking = threading.Thread(target=lambda: answer.append(live.client.post("/api/v1/lessons", json=body)))
        booking.start()
        booking.join(timeout=1.5)
        assert booking.is_alive() and not answer, "the booking did not wait for the held lock"
        other_desk.commit()  # the other desk's write ends: its locks go with it
    booking.join(timeout=30)
    assert answer and answer[0].status_code == 201, answer[0].text if answer else "no answer"
