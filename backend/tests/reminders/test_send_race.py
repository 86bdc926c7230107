"""Two workstations, one database, one SMTP server: every desk's app runs the send timer, and each reminder
still goes out once. Real backend processes over their real sockets (on PostgreSQL one shared database, on
SQLite one shared file), sending at the same moment to a real SMTP server on loopback."""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from ..enrollments.builders import School, ok
from ..faults.spawn import Backend, private_dir
from .smtp_server import PASSWORD, USER, Inbox
from .test_reminders import Reminders, new_student, tomorrow_lesson

DESKS = 2
RUNS_PER_DESK = 2
STUDENTS = 12
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.fixture
def desks(database_url: str) -> Iterator[list[Backend]]:
    """Two backends on one database; the first has migrated it before the second starts."""
    data_dir = private_dir("odsm-send-race-")
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


def test_two_desks_sending_at_once_deliver_each_reminder_exactly_once(desks: list[Backend], inbox: Inbox) -> None:
    with desks[0].client(timeout=60) as seed:
        school = School(SimpleNamespace(client=seed))  # type: ignore[arg-type]  # School reads .client alone
        school.settings(name="Maple Driving School")
        rem = Reminders(school)
        rem.settings(
            lesson_tomorrow_send_minute=0,
            quiet_start_minute=0,
            quiet_end_minute=0,
            smtp_host="127.0.0.1",
            smtp_port=inbox.port,
            smtp_user=USER,
            smtp_from="desk@maple.example",
            smtp_tls="none",
            owner_di_licence_on=False,
            owner_vehicle_on=False,
            bde_deadline_on=False,
        )
        addresses = []
        for n in range(STUDENTS):
            address = f"driver{n}@maple.example"
            student = new_student(school, email=address)
            rem.consent(student["id"])
            tomorrow_lesson(school, student)
            addresses.append(address)

    runs = DESKS * RUNS_PER_DESK
    answers: list[dict[str, Any]] = []
    failures: list[tuple[int, str]] = []
    lock = threading.Lock()
    start = threading.Barrier(runs)

    def run(n: int) -> None:
        with desks[n % DESKS].client(timeout=120) as client:
            start.wait()
            r = client.post("/api/v1/system/reminders/send", json={"smtp_password": PASSWORD})
            with lock:
                if r.status_code == 200:
                    answers.append(r.json())
                else:
                    failures.append((r.status_code, r.text))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a send run never answered"

    delivered = Counter(to for received in inbox.received for to in received.envelope_to)
    assert delivered == Counter(addresses), delivered
    assert failures == []
    assert sum(a["sent"] for a in answers) == STUDENTS
    assert sum(a["fill"]["queued"] for a in answers) == STUDENTS
    with desks[1].client() as reader:
        outbox = ok(reader.get("/api/v1/reminders/outbox"))["items"]
        assert sorted((m["recipient"], m["status"], m["attempts"]) for m in outbox) == sorted(
            (a, "sent", 1) for a in addresses
        )
        # A later run finds nothing left to send.
        again = ok(reader.post("/api/v1/system/reminders/send", json={"smtp_password": PASSWORD}))
    assert (again["sent"], again["fill"]["queued"]) == (0, 0)
    assert len(inbox.received) == STUDENTS
    for desk in desks:
        assert "40P01" not in desk.stderr() and "deadlock" not in desk.stderr().lower()
