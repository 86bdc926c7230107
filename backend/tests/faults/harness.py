"""Keyed writes over real HTTP with kill -9s in between, then the count: lost, duplicated, stuck.

Each write creates a student whose notes carry its Idempotency-Key. A write whose answer did not
arrive (the backend died) is retried with the same key and body on the restarted backend, as the
bridge would. At the end every key is sent once more: it must replay its answer (a 409 there is a
stuck key), and the database must hold exactly one student per key and pass `PRAGMA integrity_check`.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from .spawn import Backend

IN_PROGRESS_PATIENCE_SECONDS = 10.0


@dataclass
class Figures:
    writes: int = 0
    kills: int = 0
    restarts: int = 0
    retries: int = 0
    lost: int = 0
    duplicated: int = 0
    stuck: int = 0
    answers_500: int = 0
    integrity_check: str = ""
    seconds: float = 0.0
    answers: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    def summary(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "answers"}


def payload(key: str) -> dict[str, Any]:
    return {"first_name": "Fault", "last_name": "Burst", "date_of_birth": "2008-03-15", "notes": key}


class Run:
    def __init__(self, data_dir: Path, seed: int) -> None:
        self.data_dir = data_dir
        self.rng = random.Random(seed)
        self.figures = Figures()
        self.backend = Backend(data_dir).wait_ready()
        self.client = self.backend.client()

    def kill_soon(self, within_seconds: float) -> threading.Timer:
        """kill -9 at a random moment of the next request or two."""
        backend = self.backend
        timer = threading.Timer(self.rng.uniform(0, within_seconds), backend.kill9)
        timer.start()
        self.figures.kills += 1
        return timer

    def restart(self) -> None:
        self.client.close()
        self.backend.kill9()
        self.backend.close()
        self.backend = Backend(self.data_dir).wait_ready()
        self.client = self.backend.client()
        self.figures.restarts += 1

    def write(self, key: str) -> None:
        """Sends until a definitive answer; a dead backend is restarted and the same key sent again."""
        deadline = None
        while True:
            try:
                r = self.client.post("/api/v1/students", json=payload(key), headers={"Idempotency-Key": key})
            except httpx.TransportError:
                self.figures.retries += 1
                self.restart()
                continue
            if r.status_code == 409 and r.json().get("code") == "idempotency_in_progress":
                # The bridge waits and retries the same key; a key still in progress after that is stuck.
                deadline = deadline or time.monotonic() + IN_PROGRESS_PATIENCE_SECONDS
                if time.monotonic() < deadline:
                    self.figures.retries += 1
                    time.sleep(0.2)
                    continue
                self.figures.stuck += 1
            if r.status_code >= 500:
                self.figures.answers_500 += 1
            self.figures.answers[key] = {"status": r.status_code, "body": r.json()}
            return

    def finish(self) -> Figures:
        """Every key once more (each must replay), then count the rows per key and check the file."""
        for key, first in self.figures.answers.items():
            r = self.client.post("/api/v1/students", json=payload(key), headers={"Idempotency-Key": key})
            if r.status_code == 409 and r.json().get("code") == "idempotency_in_progress":
                self.figures.stuck += 1
            elif r.status_code != first["status"] or r.json() != first["body"]:
                self.figures.lost += 1  # the answer given first is not the one the key stands by
        self.client.close()
        self.backend.stop()
        conn = sqlite3.connect(self.data_dir / "odsm.sqlite3")
        try:
            rows = dict(conn.execute("SELECT notes, count(*) FROM students GROUP BY notes").fetchall())
            self.figures.integrity_check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        for key in self.figures.answers:
            found = rows.get(key, 0)
            self.figures.lost += found == 0
            self.figures.duplicated += max(found - 1, 0)
        return self.figures


def burst(data_dir: Path, writes: int, kills: int, seed: int = 7) -> Figures:
    """`writes` keyed writes in a row, with `kills` kill -9s at random moments among them."""
    started = time.monotonic()
    run = Run(data_dir, seed)
    kill_before = set(run.rng.sample(range(1, writes), kills))
    for i in range(writes):
        if i in kill_before:
            run.kill_soon(0.03)
        run.write(f"burst-{i:05d}")
        run.figures.writes += 1
    figures = run.finish()
    figures.seconds = round(time.monotonic() - started, 1)
    return figures


def crash_cycles(data_dir: Path, cycles: int, writes_per_cycle: int = 3, seed: int = 11) -> Figures:
    """`cycles` times: a few keyed writes with a kill -9 somewhere among them, then a restart."""
    started = time.monotonic()
    run = Run(data_dir, seed)
    for cycle in range(cycles):
        run.kill_soon(0.05 * writes_per_cycle)
        for i in range(writes_per_cycle):
            run.write(f"cycle-{cycle:04d}-{i}")
            run.figures.writes += 1
        if run.backend.proc.poll() is None:  # the kill came after this cycle's writes: restart all the same
            run.restart()
    figures = run.finish()
    figures.seconds = round(time.monotonic() - started, 1)
    return figures
