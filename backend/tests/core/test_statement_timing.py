"""on_each_statement: what the query timings (Help → Diagnostics) and the SQL debug log are both built on."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from odsm.core.timings import Timings, on_each_statement, time_queries


def test_each_listener_times_every_statement_on_its_own() -> None:
    engine = create_engine("sqlite://")
    first: list[tuple[str, float | None]] = []
    second: list[tuple[str, float | None]] = []
    on_each_statement(engine, lambda statement, ms: first.append((statement, ms)))
    on_each_statement(engine, lambda statement, ms: second.append((statement, ms)))
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    for seen in (first, second):
        assert [statement for statement, _ in seen] == ["SELECT 1"]
        assert all(ms is not None and ms >= 0 for _, ms in seen)


def test_query_timings_count_each_statement() -> None:
    engine = create_engine("sqlite://")
    timings = Timings()
    time_queries(engine, timings)
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        conn.execute(text("SELECT 2"))
    assert timings.count == 2
