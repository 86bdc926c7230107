"""Two workstations, one database, issuing invoices at the same moment: real backend processes over their real
sockets (on SQLite one shared file, on PostgreSQL one shared database). The numbers come out consecutive, with
no gap and no duplicate, and a refused issue uses no number."""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ..enrollments.builders import ok
from ..faults.spawn import Backend, private_dir

DESKS = 2
ISSUES_PER_DESK = 20
EMPTY_EVERY = 7  # every seventh draft has no amount: issuing it is refused, and must not use up a number


@pytest.fixture
def desks(database_url: str) -> Iterator[list[Backend]]:
    data_dir = private_dir("odsm-invoice-race-")
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


def _fire(desks: list[Backend], attempts: int, call: Any) -> list[httpx.Response]:
    answers: list[httpx.Response] = []
    lock = threading.Lock()
    start = threading.Barrier(attempts)

    def one(n: int) -> None:
        with desks[n % DESKS].client(timeout=120) as client:
            start.wait()
            r = call(client, n)
            with lock:
                answers.append(r)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "an attempt never got an answer"
    return answers


def test_two_desks_starting_billing_at_once_make_the_default_products_once(desks: list[Backend]) -> None:
    answers = _fire(desks, 8, lambda client, _n: client.get("/api/v1/billing/products"))
    assert {r.status_code for r in answers} == {200}
    with desks[0].client() as reader:
        assert len(ok(reader.get("/api/v1/billing/products"))["items"]) == 9


def test_two_desks_issuing_at_once_number_invoices_consecutively_without_gap(desks: list[Backend]) -> None:
    attempts = DESKS * ISSUES_PER_DESK
    with desks[0].client() as seed:
        student = {"first_name": "Amara", "last_name": "Okafor", "date_of_birth": "1990-03-15"}
        student_id = ok(seed.post("/api/v1/students", json=student), 201)["id"]
        drafts = []
        for n in range(attempts):
            price = 0 if n % EMPTY_EVERY == 3 else 6500 + n
            line = {"description": f"Lesson {n}", "unit_price_cents": price, "tax_rate_basis_points": 1300}
            body = {"student_id": student_id, "lines": [line]}
            drafts.append(ok(seed.post("/api/v1/invoices", json=body), 201))

    def issue(client: httpx.Client, n: int) -> httpx.Response:
        return client.post(f"/api/v1/invoices/{drafts[n]['id']}/issue", json={"version": drafts[n]["version"]})

    answers = _fire(desks, attempts, issue)
    tally = Counter((r.status_code, None if r.status_code == 200 else r.json()["code"]) for r in answers)
    empty = sum(1 for n in range(attempts) if n % EMPTY_EVERY == 3)
    assert tally == Counter({(200, None): attempts - empty, (422, "invoice.empty"): empty}), tally
    numbers = sorted(r.json()["number"] for r in answers if r.status_code == 200)
    assert numbers == list(range(1, attempts - empty + 1))
    with desks[1].client() as reader:
        issued = ok(reader.get("/api/v1/invoices", params={"status": "issued", "limit": 500}))["items"]
        assert sorted(i["number"] for i in issued) == numbers
