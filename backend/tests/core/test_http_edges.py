from __future__ import annotations

import json
import time

from fastapi import FastAPI

from odsm.core.migrations import head_revision

from ..conftest import LiveServer


def test_every_request_needs_the_bearer_secret(live: LiveServer) -> None:
    anon = live.anonymous()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic x"}):
        r = anon.get("/api/v1/health", headers=headers)
        assert r.status_code == 401
        assert r.json()["code"] == "unauthorized"
    assert live.client.get("/api/v1/health").status_code == 200


def test_unauthorised_writes_do_not_reach_the_database(live: LiveServer) -> None:
    r = live.anonymous().post("/api/v1/students", json={"first_name": "x"})
    assert r.status_code == 401
    assert live.client.get("/api/v1/students").json()["total"] == 0


def test_no_cors_origin_is_allowed(live: LiveServer) -> None:
    r = live.client.options(
        "/api/v1/students",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in r.headers
    r = live.client.get("/api/v1/students", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_health_reports_version_and_schema_revision(live: LiveServer) -> None:
    body = live.client.get("/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["schema_revision"] == head_revision(live.db.engine)
    assert body["version"]


def test_unexpected_errors_answer_internal_without_a_trace_and_log_it(serve_app) -> None:  # type: ignore[no-untyped-def]
    def add_boom(app: FastAPI) -> None:
        def boom() -> None:
            raise RuntimeError("secret internals 42")

        app.add_api_route("/api/v1/boom", boom)

    live: LiveServer = serve_app(add_boom)
    r = live.client.get("/api/v1/boom", headers={"X-Request-ID": "req-boom-1"})
    assert r.status_code == 500
    assert r.json() == {
        "code": "internal",
        "message": "Something went wrong inside the backend. The log has the details.",
        "request_id": "req-boom-1",
    }
    assert "secret internals" not in r.text
    crashed = [json.loads(x) for x in live.log_lines() if "request.crashed" in x]
    assert crashed and crashed[-1]["request_id"] == "req-boom-1"
    assert "secret internals 42" in crashed[-1]["exception"]


def test_the_request_id_follows_the_call_to_its_sql_log_line(live: LiveServer) -> None:
    r = live.client.get("/api/v1/students", params={"q": "x"}, headers={"X-Request-ID": "click-7f3a"})
    assert r.headers["x-request-id"] == "click-7f3a"
    mine: list[dict] = []
    deadline = time.monotonic() + 5
    # request.done is written just after the answer is sent, so give it a moment.
    while not any(x["event"] == "request.done" for x in mine) and time.monotonic() < deadline:
        time.sleep(0.02)
        mine = [y for y in map(json.loads, live.log_lines()) if y.get("request_id") == "click-7f3a"]
    assert any(x["event"] == "db.sql" and x["statement"].startswith("SELECT students.id") for x in mine)
    assert any(x["event"] == "request.done" and x["status"] == 200 for x in mine)


def test_a_missing_or_malformed_request_id_is_replaced(live: LiveServer) -> None:
    r = live.client.get("/api/v1/health", headers={"X-Request-ID": "bad id with spaces"})
    assert r.headers["x-request-id"] != "bad id with spaces"
    assert len(r.headers["x-request-id"]) == 32


def test_unknown_routes_answer_in_the_error_shape(live: LiveServer) -> None:
    r = live.client.get("/api/v1/nope")
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"
