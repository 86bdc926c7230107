"""A new school has no settings rows (the school's, the reminders', sign-in's, road tests') until a write
first reads them (core/resource_lock_repository.py's `one_row`). On PostgreSQL two desks' first writes can
meet there: the second must wait for the first's row, not insert a second one and answer 500. On SQLite
every write holds the one database lock, so they cannot meet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import httpx
import psycopg
import pytest
from sqlalchemy.orm import Session

from odsm.features.reminders import repository as reminders_repo
from odsm.features.road_tests import repository as road_tests_repo
from odsm.features.school.service import load_settings
from odsm.features.staff import repository as staff_repo

from ..conftest import LiveServer
from ..engines import ON_POSTGRES
from ..enrollments.builders import School, at, today
from ..held_threads import held_inside, started
from ..raw_database import postgres_dsn

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="PostgreSQL only: on SQLite every write holds the one database lock (BEGIN IMMEDIATE)"
)


def _settings_rows(live: LiveServer, table: str = "school_settings") -> int:
    with psycopg.connect(postgres_dsn(live.settings)) as conn:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return int(row[0])


def test_a_booking_that_meets_another_desks_first_settings_read_waits_and_books(live: LiveServer) -> None:
    school = School(live)
    parts = {"instructor": school.instructor(), "vehicle": school.vehicle(), "student": school.student()}
    day = today() + timedelta(days=3)
    body = school.lesson_body(parts["student"], parts["instructor"], parts["vehicle"], at(day, 10), at(day, 11))
    assert _settings_rows(live) == 0, "the school must not have its settings row yet for this race"

    def other_desks_first_write(hold: Callable[[], None]) -> None:
        # Makes the row, uncommitted until this write ends.
        live.db.write(lambda s: (load_settings(s), hold()))

    answer: list[httpx.Response] = []
    with held_inside(other_desks_first_write):
        booking = started(lambda: answer.append(live.client.post("/api/v1/lessons", json=body)), 1.5)
        assert booking.is_alive() and not answer, "the booking did not wait for the other desk's settings row"
    booking.join(timeout=30)
    assert answer and answer[0].status_code == 201, answer[0].text if answer else "no answer"
    assert _settings_rows(live) == 1


@pytest.mark.parametrize(
    ("table", "read"),
    [
        ("school_settings", load_settings),
        ("reminder_settings", reminders_repo.settings),
        ("sign_in_settings", staff_repo.get_or_create_settings),
        ("road_test_settings", road_tests_repo.settings_row),
    ],
)
def test_two_first_reads_of_a_settings_row_make_it_once(
    live: LiveServer, table: str, read: Callable[[Session], object]
) -> None:
    assert _settings_rows(live, table) == 0, f"{table} must not have its row yet for this race"
    outcomes: list[str] = []

    def second() -> None:
        try:
            live.db.write(read)
            outcomes.append("made or found")
        except Exception as exc:  # the outcome is what this test reads
            outcomes.append(type(exc).__name__)

    with held_inside(lambda hold: live.db.write(lambda s: (read(s), hold()))):
        other = started(second, 1.5)
        assert other.is_alive() and not outcomes, "the second read did not wait for the first desk's row"
    other.join(timeout=30)
    assert outcomes == ["made or found"]
    assert _settings_rows(live, table) == 1
