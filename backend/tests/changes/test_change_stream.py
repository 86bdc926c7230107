"""The change stream between seats: real backend processes over their real sockets.

On SQLite one backend's own writes feed its stream (two windows on one machine). Two backends on one
SQLite file are not a supported set-up (a file on a network share is exactly what the README forbids),
so the two-workstation test runs on PostgreSQL only, where every backend LISTENs to the server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import create_engine, text

from ..engines import ON_POSTGRES
from ..enrollments.builders import School, ok
from ..faults.spawn import Backend, private_dir
from .stream_reader import StreamReader


def _school(client: httpx.Client) -> School:
    return School(SimpleNamespace(client=client))  # type: ignore[arg-type]  # School reads .client alone


@pytest.fixture
def desks(database_url: str) -> Iterator[list[Backend]]:
    """Up to two backends on one database (on SQLite, one backend on its file)."""
    data_dir = private_dir("odsm-live-")
    env = {"DATABASE_URL": database_url} if database_url else {}
    started: list[Backend] = []
    try:
        for _ in range(2 if ON_POSTGRES else 1):
            started.append(Backend(data_dir, **env).wait_ready())
        yield started
    finally:
        for backend in started:
            backend.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def test_a_backends_own_write_is_told_on_its_stream_by_the_kinds_it_changed(desks: list[Backend]) -> None:
    desk = desks[0]
    stream = StreamReader(desk)
    try:
        with desk.client() as client:
            student = _school(client).student()
            assert stream.next_kinds() == {"students", "audit"}
            # A refused write commits nothing, so it tells nothing: the next event is the vehicle's alone.
            refused = client.patch(f"/api/v1/students/{student['id']}", json={"version": 999, "first_name": "X"})
            assert refused.status_code == 409, refused.text
            _school(client).vehicle()
            assert stream.next_kinds() == {"vehicles", "audit"}
    finally:
        stream.close()


def test_the_stream_ends_when_the_backend_stops_gracefully(desks: list[Backend]) -> None:
    desk = desks[0]
    stream = StreamReader(desk)
    try:
        assert desk.stop() == 0  # promptly: an open stream does not hold the shutdown
        assert stream.next()[0] in {"ended", "broken"}
    finally:
        stream.close()
        desks.remove(desk)


@pytest.mark.skipif(not ON_POSTGRES, reason="two backends share a PostgreSQL server, never a SQLite file")
def test_a_student_created_at_one_desk_is_told_on_the_other_desks_stream(desks: list[Backend]) -> None:
    first, second = desks
    streams = [StreamReader(second), StreamReader(first)]
    try:
        with first.client() as client:
            ok(client.get("/api/v1/health"))
            created = _school(client).student()
        for stream in streams:  # the other desk, and the writing desk through the same server
            assert stream.next_kinds() == {"students", "audit"}
        with second.client() as client:
            listed = ok(client.get("/api/v1/students", params={"q": created["last_name"]}))
        assert [s["id"] for s in listed["items"]] == [created["id"]]
    finally:
        for stream in streams:
            stream.close()


@pytest.mark.skipif(not ON_POSTGRES, reason="the LISTEN connection exists on PostgreSQL only")
def test_a_broken_listen_connection_reconnects_and_tells_everything_once(
    desks: list[Backend], database_url: str
) -> None:
    desk = desks[0]
    stream = StreamReader(desk)
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            ended = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'"
                )
            ).scalar_one()
        assert ended >= 1
        assert stream.next_kinds() == {"everything"}
        # Listening again: the next write is told by its kinds, and "everything" came only once.
        with desk.client() as client:
            _school(client).student()
        assert stream.next_kinds() == {"students", "audit"}
    finally:
        admin.dispose()
        stream.close()
