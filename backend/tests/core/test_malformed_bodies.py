"""A body that does not parse gets a named code on every route, not the generic app_error."""

from __future__ import annotations

from ..conftest import LiveServer

JSON = {"content-type": "application/json"}
MALFORMED = [
    (b'{"first_name": ', "request.malformed_json"),
    (b"[1, 2", "request.malformed_json"),
    (b'{"first_name": "\xff\xfe"}', "request.invalid_utf8"),
    (b"\xc3", "request.invalid_utf8"),
]


def test_a_body_that_does_not_parse_gets_a_named_400_on_every_route(live: LiveServer) -> None:
    for path in ("/api/v1/students", "/api/v1/instructors", "/api/v1/vehicles", "/api/v1/lessons/check"):
        for body, code in MALFORMED:
            r = live.client.post(path, content=body, headers=JSON)
            assert (r.status_code, r.json()["code"]) == (400, code), (path, body, r.text)
            assert isinstance(r.json()["details"]["position"], int)
            assert r.json()["request_id"] == r.headers["x-request-id"]


def test_a_well_formed_body_with_bad_fields_is_still_validation_failed(live: LiveServer) -> None:
    r = live.client.post("/api/v1/students", content=b'{"first_name": 1}', headers=JSON)
    assert r.status_code == 422
    assert r.json()["code"] == "validation_failed"
