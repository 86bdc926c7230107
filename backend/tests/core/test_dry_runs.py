"""A POST that only reads (a booking check, a template preview) is a dry run: main retries it as it
retries a GET and sends it no Idempotency-Key, so the backend holds no write open for it and stores
nothing. Every other write keeps its key."""

from __future__ import annotations

from odsm.app import SECRET_BEARING_PATHS
from odsm.contracts import build_manifest, openapi_document

DRY_RUNS = {"db:lessons:check", "db:reminders:template-preview"}


def test_the_dry_runs_are_retried_like_reads_and_carry_no_key() -> None:
    channels = build_manifest(openapi_document())["channels"]
    marked = {name for name, c in channels.items() if c["method"] == "POST" and c["idempotent"]}
    assert marked == DRY_RUNS
    for name in DRY_RUNS:
        assert channels[name]["idempotencyKey"] is False, name


def test_every_other_write_keeps_its_idempotency_key() -> None:
    channels = build_manifest(openapi_document())["channels"]
    unkeyed = {
        name
        for name, c in channels.items()
        if c["method"] != "GET" and not c["idempotencyKey"] and not c["path"].startswith(SECRET_BEARING_PATHS)
    }
    assert unkeyed == DRY_RUNS
