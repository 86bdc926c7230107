"""Two workstations, one database: fifty attempts each, at the same moment, for one instructor slot, one vehicle
slot and one student slot. Real backend processes over their real sockets; on PostgreSQL one shared database,
on SQLite one shared file."""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from ..enrollments.builders import PAPER, School, at, ok, today
from ..faults.spawn import Backend, private_dir

ATTEMPTS_PER_DESK = 50
DESKS = 2
SLOTS = {
    # slot: (the code every loser must get, the day it is on)
    "instructor": ("lesson.instructor_double_booked", 3),
    "vehicle": ("lesson.vehicle_double_booked", 4),
    "student": ("lesson.student_double_booked", 5),
}


@pytest.fixture
def desks(database_url: str) -> Iterator[list[Backend]]:
    """Two backends on one database; the first has migrated it before the second starts."""
    data_dir = private_dir("odsm-race-")  # on SQLite, both desks open the one file in it
    env = {"DATABASE_URL": database_url} if database_url else {}
    started: list[Backend] = []
    try:
        for _ in range(DESKS):
            started.append(Backend(data_dir, **env).wait_ready())
        yield started
    finally:
        for backend in started:
            backend.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def _errors(desks: list[Backend]) -> str:
    """The desks' error lines, shown beside a failed tally: a 500's cause is in its desk's log."""
    lines = [line for desk in desks for line in desk.stderr().splitlines() if '"level": "error"' in line]
    return "\n".join(lines[-5:])


def _school(client: httpx.Client) -> School:
    return School(SimpleNamespace(client=client))  # type: ignore[arg-type]  # School reads .client alone


def test_two_desks_racing_for_one_slot_book_it_once_and_every_loser_hears_why(desks: list[Backend]) -> None:
    seed = desks[0].client()
    school = _school(seed)
    attempts = DESKS * ATTEMPTS_PER_DESK
    # The contested resources, then one fresh instructor, vehicle and student per attempt, so that each
    # slot's attempts share exactly one resource and every loser has exactly one reason to lose.
    contested = {"instructor": school.instructor(), "vehicle": school.vehicle(), "student": school.student()}
    own = [
        {"instructor": school.instructor(), "vehicle": school.vehicle(), "student": school.student()}
        for _ in range(attempts)
    ]
    seed.close()

    def body(slot: str, n: int) -> dict[str, Any]:
        parts = {**own[n], slot: contested[slot]}
        day = today() + timedelta(days=SLOTS[slot][1])
        return school.lesson_body(parts["student"], parts["instructor"], parts["vehicle"], at(day, 10), at(day, 11))

    bodies = {slot: [body(slot, n) for n in range(attempts)] for slot in SLOTS}
    answers: dict[str, list[tuple[int, str | None]]] = {slot: [] for slot in SLOTS}
    lock = threading.Lock()
    start = threading.Barrier(attempts)

    def fire(n: int) -> None:
        desk = desks[n % DESKS]
        with desk.client(timeout=120) as client:
            order = list(SLOTS)[n % 3 :] + list(SLOTS)[: n % 3]  # each slot is someone's first shot
            start.wait()
            for slot in order:
                r = client.post("/api/v1/lessons", json=bodies[slot][n])
                code = None if r.status_code == 201 else r.json().get("code")
                with lock:
                    answers[slot].append((r.status_code, code))

    threads = [threading.Thread(target=fire, args=(n,)) for n in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "an attempt never got an answer"

    for slot, (loser_code, _day) in SLOTS.items():
        tally = Counter(answers[slot])
        assert sum(tally.values()) == attempts, (slot, tally, _errors(desks))
        assert tally[(201, None)] == 1, (slot, tally, _errors(desks))
        assert tally[(409, loser_code)] == attempts - 1, (slot, tally, _errors(desks))

    with desks[1].client() as reader:
        for slot, (_code, day_offset) in SLOTS.items():
            day = today() + timedelta(days=day_offset)
            owner = {f"{slot}_id": contested[slot]["id"]}
            params = {"start": at(day, 0), "end": at(day + timedelta(days=1), 0), **owner}
            booked = ok(reader.get("/api/v1/lessons", params=params))["items"]
            assert len(booked) == 1, (slot, booked)
    for desk in desks:
        assert "40P01" not in desk.stderr() and "deadlock" not in desk.stderr().lower()


def test_two_desks_racing_for_the_last_seat_of_a_class_seat_one_student(desks: list[Backend]) -> None:
    attempts = DESKS * ATTEMPTS_PER_DESK
    with desks[0].client() as seed:
        school = _school(seed)
        session = school.session(school.instructor()["id"], today() - timedelta(days=7), 9, 2, capacity=1)
        course = school.course()
        enrollments = [school.enrollment(school.student()["id"], course["id"])["id"] for _ in range(attempts)]
    answers: list[tuple[int, str | None]] = []
    lock = threading.Lock()
    start = threading.Barrier(attempts)

    def fire(n: int) -> None:
        with desks[n % DESKS].client(timeout=120) as client:
            body = {"entries": [{"enrollment_id": enrollments[n], "minutes": 60}], "reason": PAPER}
            start.wait()
            r = client.post(f"/api/v1/classroom/{session['id']}/attendance", json=body)
            with lock:
                answers.append((r.status_code, None if r.status_code == 200 else r.json().get("code")))

    threads = [threading.Thread(target=fire, args=(n,)) for n in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    tally = Counter(answers)
    assert tally == Counter({(200, None): 1, (409, "classroom.session_full"): attempts - 1}), tally


def test_the_race_fixture_shares_one_database(desks: list[Backend]) -> None:
    """What one desk writes, the other reads: the race above is between two seats on one school."""
    with desks[0].client() as one, desks[1].client() as other:
        made = _school(one).student()
        assert ok(other.get(f"/api/v1/students/{made['id']}"))["last_name"] == made["last_name"]
