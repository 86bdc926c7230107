"""Help → Diagnostics over real HTTP: figures that move with the traffic, and nothing personal."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI

from odsm.core.timings import Timings
from tests.conftest import LiveServer, student_payload
from tests.engines import ENGINE


def test_figures_count_requests_refusals_and_queries(live: LiveServer) -> None:
    before = live.client.get("/api/v1/system/diagnostics").json()
    assert live.client.post("/api/v1/students", json=student_payload()).status_code == 201
    assert live.client.get("/api/v1/students/999999").status_code == 404
    assert live.client.get("/api/v1/students").status_code == 200

    after = live.client.get("/api/v1/system/diagnostics").json()
    # The first diagnostics call, the three above (this call is counted once it has answered).
    assert after["requests"]["count"] - before["requests"]["count"] == 4
    assert after["refusals"] - before["refusals"] == 1
    assert after["faults"] == before["faults"] == 0
    assert after["queries"]["count"] > before["queries"]["count"]
    assert after["requests"]["p50_ms"] > 0
    assert after["requests"]["p95_ms"] >= after["requests"]["p50_ms"]
    assert after["database"] == ENGINE
    assert after["schema_revision"]
    assert after["database_bytes"] >= 4096


def test_figures_carry_no_personal_data(live: LiveServer) -> None:
    live.client.post("/api/v1/students", json=student_payload(first_name="Zebediah", last_name="Quarrington"))
    text = live.client.get("/api/v1/system/diagnostics").text
    assert "Zebediah" not in text and "Quarrington" not in text and "O1234" not in text


def test_a_crash_counts_as_a_fault_not_a_refusal(serve_app: Callable[..., LiveServer]) -> None:
    def add_crashing_route(app: FastAPI) -> None:
        @app.get("/api/v1/test-crash")
        def crash() -> None:
            raise RuntimeError("boom")

    server = serve_app(add_crashing_route)
    assert server.client.get("/api/v1/test-crash").status_code == 500
    figures = server.client.get("/api/v1/system/diagnostics").json()
    assert figures["faults"] == 1
    assert figures["refusals"] == 0


def test_percentiles_are_nearest_rank_over_the_last_durations_kept() -> None:
    timings = Timings(capacity=4)
    assert timings.percentile(0.5) is None
    for ms in (10.0, 20.0, 30.0, 40.0, 50.0):
        timings.record(ms)
    # The ring keeps 20, 30, 40, 50: the oldest (10) was overwritten.
    assert timings.count == 5
    assert timings.percentile(0.5) == 30.0
    assert timings.percentile(0.95) == 50.0
    assert timings.percentile(0.0) == 20.0
