"""Every string a request carries has a maximum length and takes no NUL character, and every route
declares its refusals (404, 409, 422) with the error envelope it really sends, so the manifest built from
the OpenAPI lets main refuse what the backend would, and a client knows each answer's shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from odsm.app import create_app
from odsm.core.config import Settings

from ..conftest import LiveServer, student_payload

# Strings bounded otherwise: a date or an instant, one of a list, or a pattern of fixed length.
_BOUNDED_FORMATS = {"date", "date-time"}


@pytest.fixture(scope="module")
def openapi(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"))
    spec: dict[str, Any] = create_app(settings).openapi()
    return spec


Found = Iterator[tuple[str, dict[str, Any]]]


def _strings(schema: dict[str, Any], where: str, components: dict[str, Any], seen: frozenset[str]) -> Found:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            yield from _strings(components[name], name, components, seen | {name})
        return
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            yield from _strings(option, where, components, seen)
    if schema.get("type") == "string":
        yield where, schema
    for name, prop in schema.get("properties", {}).items():
        yield from _strings(prop, f"{where}.{name}", components, seen)
    if "items" in schema:
        yield from _strings(schema["items"], f"{where}[]", components, seen)


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            yield method, path, op


def _unbounded(schema: dict[str, Any]) -> bool:
    if "maxLength" in schema or "enum" in schema or "const" in schema:
        return False
    if schema.get("format") in _BOUNDED_FORMATS:
        return False
    pattern = str(schema.get("pattern", ""))
    # An anchored pattern without an open-ended repeat bounds the length by itself.
    if pattern.startswith("^") and pattern.endswith("$") and not any(c in pattern for c in "*+"):
        return False
    # email-validator refuses an address longer than 254 characters (RFC 5321); checked below.
    return schema.get("format") != "email"


def test_every_string_a_request_carries_has_a_maximum_length(openapi: dict[str, Any]) -> None:
    components = openapi["components"]["schemas"]
    unbounded = []
    for method, path, op in _operations(openapi):
        body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        sources = [(f"{method} {path}", body)] if body else []
        sources += [(f"{method} {path} ?{p['name']}", p.get("schema", {})) for p in op.get("parameters", [])]
        for where, schema in sources:
            unbounded += [w for w, s in _strings(schema, where, components, frozenset()) if _unbounded(s)]
    assert unbounded == []


def test_every_route_declares_its_refusals_with_the_error_envelope(openapi: dict[str, Any]) -> None:
    missing, other_shape = [], []
    for method, path, op in _operations(openapi):
        declared = op.get("responses", {})
        takes_input = bool(op.get("parameters") or op.get("requestBody"))
        needed = ({"422"} if takes_input else set()) | ({"404"} if "{" in path else set())
        missing += [f"{method} {path} {code}" for code in sorted(needed - declared.keys())]
        for code, answer in declared.items():
            if code in {"404", "409", "422"}:
                ref = answer.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
                if not ref.endswith("/ErrorBody"):
                    other_shape.append(f"{method} {path} {code}")
    assert (missing, other_shape) == ([], [])


def _refused_field(r: Any) -> str:
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "validation_failed"
    return str(r.json()["details"]["fields"][0]["field"])


def test_a_nul_character_in_text_is_refused_naming_the_field(live: LiveServer) -> None:
    r = live.client.post("/api/v1/students", json=student_payload(first_name="Am\x00ara"))
    assert _refused_field(r) == "first_name"
    r = live.client.post("/api/v1/students", json=student_payload(notes="ok\x00"))
    assert _refused_field(r) == "notes"
    assert live.client.post("/api/v1/students", json=student_payload(first_name="Amara")).status_code == 201


def test_text_beyond_its_maximum_is_refused_naming_the_field(live: LiveServer) -> None:
    assert _refused_field(live.client.post("/api/v1/students", json=student_payload(last_name="O" * 500))) == (
        "last_name"
    )
    long_email = "a" * 250 + "@example.com"
    assert _refused_field(live.client.post("/api/v1/students", json=student_payload(email=long_email))) == "email"
