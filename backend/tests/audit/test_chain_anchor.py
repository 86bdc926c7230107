"""Verify with the head main kept outside the database: a chain cut short or re-hashed after it is reported."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from odsm.core.audit_entry import entry_hash, hashed_fields
from odsm.models import AuditEntry

from ..conftest import LiveServer, student_payload
from ..raw_database import drop_guard_for
from .test_record_drift import raw_sql, verify


def write_students(live: LiveServer, count: int) -> None:
    for i in range(count):
        r = live.client.post("/api/v1/students", json=student_payload(first_name=f"S{i}", licence_number=None))
        assert r.status_code == 201, r.text


def anchor_of(report: dict) -> dict[str, object]:
    return {"anchor_id": report["head_id"], "anchor_hash": report["head_hash"]}


def rewrite_and_rehash(live: LiveServer, entry_id: int) -> None:
    """What a tamperer with the file and the source can do: drop the guard, change an entry, and rebuild
    every hash from there on, so that the chain alone verifies again."""
    raw_sql(
        live,
        drop_guard_for(live.settings, "audit_log", "UPDATE"),
        f"UPDATE audit_log SET reason = 'edited' WHERE id = {entry_id}",
    )
    entries = live.db.read(lambda s: s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all())
    prev = next(e.hash for e in entries if e.id == entry_id - 1)
    updates = []
    for e in entries[entry_id - 1 :]:
        new = entry_hash(prev, hashed_fields({c.key: getattr(e, c.key) for c in AuditEntry.__table__.columns}))
        updates.append(f"UPDATE audit_log SET prev_hash = '{prev}', hash = '{new}' WHERE id = {e.id}")
        prev = new
    raw_sql(live, *updates)


def test_verify_with_the_anchor_of_an_untouched_log_is_clean(live: LiveServer) -> None:
    write_students(live, 2)
    anchor = anchor_of(verify(live))
    write_students(live, 2)
    report = verify(live, **anchor)
    assert report["ok"] is True
    assert report["anchor_break"] is None
    assert report["head_id"] == 4


def cut_short(live: LiveServer) -> None:
    raw_sql(live, drop_guard_for(live.settings, "audit_log", "DELETE"), "DELETE FROM audit_log WHERE id > 3")


def rehashed(live: LiveServer) -> None:
    rewrite_and_rehash(live, 3)


@pytest.mark.parametrize(
    ("tamper", "code", "entries"), [(cut_short, "audit.chain_cut_short", 3), (rehashed, "audit.chain_rehashed", 5)]
)
def test_verify_reports_a_log_cut_short_or_rehashed_after_the_anchor(
    live: LiveServer, tamper: Callable[[LiveServer], None], code: str, entries: int
) -> None:
    write_students(live, 5)
    anchor = anchor_of(verify(live))
    tamper(live)
    report = verify(live, **anchor)
    # What is left is a chain intact in itself: only the anchor shows the cut or the rewrite.
    assert report["first_broken_id"] is None
    assert report["ok"] is False
    broken = report["anchor_break"]
    assert broken == {**broken, "code": code, "anchor_id": 5, "anchor_hash": anchor["anchor_hash"], "entries": entries}
    # Cut short: the anchored entry is gone. Re-hashed: it is there, with the tail's new hash.
    assert broken["found_hash"] == (None if code == "audit.chain_cut_short" else report["head_hash"])


def test_an_anchor_needs_both_its_id_and_its_hash(live: LiveServer) -> None:
    write_students(live, 1)
    r = live.client.get("/api/v1/audit/verify", params={"anchor_id": 1})
    assert r.status_code == 422
    assert r.json()["code"] == "validation_failed"
    assert r.json()["details"]["fields"][0]["field"] == "anchor_hash"


def test_the_head_reports_whether_the_log_still_reaches_the_anchor(live: LiveServer) -> None:
    write_students(live, 3)
    anchor = anchor_of(verify(live))
    head = live.client.get("/api/v1/audit/head", params=anchor).json()
    assert head == {"entry_id": 3, "entry_hash": anchor["anchor_hash"], "anchor_break": None}
    raw_sql(live, drop_guard_for(live.settings, "audit_log", "DELETE"), "DELETE FROM audit_log WHERE id = 3")
    head = live.client.get("/api/v1/audit/head", params=anchor).json()
    assert head["entry_id"] == 2
    assert head["anchor_break"]["code"] == "audit.chain_cut_short"
