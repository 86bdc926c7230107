"""The claim of an Idempotency-Key, in Core: the first claim wins, a second one of the same key loses."""

from __future__ import annotations

from odsm.core import idempotency_repository as keys
from odsm.core.unit_of_work import Database


def test_a_second_claim_of_the_same_key_loses_and_the_first_keeps_its_answer(db: Database) -> None:
    assert db.write(lambda s: keys.insert_claim(s.connection(), "k-1", "f" * 64)) is True
    assert db.write(lambda s: keys.insert_claim(s.connection(), "k-1", "f" * 64)) is False
    db.write(lambda s: keys.store_answer(s.connection(), "k-1", "f" * 64, 201, b"{}"))
    stored = db.query(lambda conn: keys.find(conn, "k-1"))
    assert stored is not None
    assert (stored.fingerprint, stored.status_code, stored.response_body) == ("f" * 64, 201, b"{}")


def test_an_answer_for_a_key_never_claimed_is_stored_with_it(db: Database) -> None:
    db.write(lambda s: keys.store_answer(s.connection(), "refused", "a" * 64, 422, b"no"))
    stored = db.query(lambda conn: keys.find(conn, "refused"))
    assert stored is not None and (stored.status_code, stored.response_body) == (422, b"no")
    assert db.query(lambda conn: keys.find(conn, "other")) is None
