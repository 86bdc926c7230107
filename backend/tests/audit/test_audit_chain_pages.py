"""The chain read in order a page at a time, exactly as stored: what an export carries and re-verifies."""

from __future__ import annotations

import hashlib
import json
from itertools import pairwise

from ..conftest import LiveServer, student_payload


def chain_pages(live: LiveServer, limit: int) -> list[dict]:
    pages, after_id = [], 0
    while after_id is not None:
        r = live.client.get("/api/v1/audit/chain", params={"after_id": after_id, "limit": limit})
        assert r.status_code == 200, r.text
        pages.append(r.json())
        after_id = pages[-1]["next_after_id"]
    return pages


def recomputed(entry: dict) -> str:
    # Written from the documented format, not from the app's code: sha256(prev_hash + canonical JSON).
    fields = {k: v for k, v in entry.items() if k not in ("prev_hash", "hash")}
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((entry["prev_hash"] + text).encode()).hexdigest()


def test_pages_cover_the_whole_chain_in_order_and_each_entry_re_verifies(live: LiveServer) -> None:
    for i in range(7):
        s = live.client.post("/api/v1/students", json=student_payload(first_name=f"Zoë{i}", licence_number=None))
        assert s.status_code == 201, s.text
    total = live.client.get("/api/v1/audit", params={"limit": 1}).json()["total"]

    pages = chain_pages(live, limit=3)
    entries = [e for page in pages for e in page["items"]]

    assert [e["id"] for e in entries] == list(range(1, total + 1))
    assert all(len(page["items"]) == 3 for page in pages[:-1])
    assert entries[0]["prev_hash"] == "0" * 64
    for before, entry in pairwise(entries):
        assert entry["prev_hash"] == before["hash"]
    assert [recomputed(e) for e in entries] == [e["hash"] for e in entries]


def test_a_page_past_the_end_is_empty_and_the_last(live: LiveServer) -> None:
    r = live.client.get("/api/v1/audit/chain", params={"after_id": 10_000})
    assert r.status_code == 200
    assert r.json() == {"items": [], "next_after_id": None}


def test_a_page_size_out_of_bounds_is_refused_naming_the_field(live: LiveServer) -> None:
    for limit in (0, 1001):
        r = live.client.get("/api/v1/audit/chain", params={"limit": limit})
        assert r.status_code == 422
        assert r.json()["code"] == "validation_failed"
        assert "limit" in json.dumps(r.json()["details"])
