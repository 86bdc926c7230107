from __future__ import annotations

from sqlalchemy import func, select

from odsm.core.idempotency import IdempotencyRecord
from odsm.features.students.models import Student

from ..conftest import LiveServer, student_payload


def students_in_db(live: LiveServer) -> int:
    return live.db.read(lambda s: s.scalar(select(func.count()).select_from(Student)))


def test_a_repeated_key_replays_the_stored_answer_and_writes_once(live: LiveServer) -> None:
    headers = {"Idempotency-Key": "create-amara-1"}
    first = live.client.post("/api/v1/students", json=student_payload(), headers=headers)
    second = live.client.post("/api/v1/students", json=student_payload(), headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers.get("idempotent-replayed") == "true"
    assert "idempotent-replayed" not in first.headers
    assert students_in_db(live) == 1


def test_without_a_key_the_same_write_lands_twice(live: LiveServer) -> None:
    live.client.post("/api/v1/students", json=student_payload(licence_number=None))
    live.client.post("/api/v1/students", json=student_payload(licence_number=None))
    assert students_in_db(live) == 2


def test_a_key_reused_for_a_different_request_is_refused(live: LiveServer) -> None:
    headers = {"Idempotency-Key": "k-reused"}
    assert live.client.post("/api/v1/students", json=student_payload(), headers=headers).status_code == 201
    r = live.client.post("/api/v1/students", json=student_payload(first_name="Other"), headers=headers)
    assert r.status_code == 422
    assert r.json()["code"] == "idempotency_key_reused"
    assert students_in_db(live) == 1


def test_a_refusal_is_the_answer_for_its_key(live: LiveServer) -> None:
    s = live.client.post("/api/v1/students", json=student_payload()).json()
    live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "notes": "a"})
    headers = {"Idempotency-Key": "stale-edit"}
    first = live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "notes": "b"}, headers=headers)
    again = live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "notes": "b"}, headers=headers)
    assert first.status_code == again.status_code == 409
    assert again.headers.get("idempotent-replayed") == "true"


def test_an_update_retried_with_its_key_does_not_bump_the_version_twice(live: LiveServer) -> None:
    s = live.client.post("/api/v1/students", json=student_payload()).json()
    headers = {"Idempotency-Key": "edit-1"}
    for _ in range(3):
        r = live.client.patch(f"/api/v1/students/{s['id']}", json={"version": 1, "notes": "once"}, headers=headers)
        assert r.status_code == 200
        assert r.json()["version"] == 2
    assert live.client.get(f"/api/v1/students/{s['id']}").json()["version"] == 2


def test_the_key_is_claimed_in_the_same_transaction_as_the_write(live: LiveServer) -> None:
    live.client.post("/api/v1/students", json=student_payload(), headers={"Idempotency-Key": "claimed"})
    rec = live.db.read(lambda s: s.get(IdempotencyRecord, "claimed"))
    assert rec is not None
    assert rec.status_code == 201
    assert rec.response_body is not None


def test_an_overlong_key_is_refused_naming_the_header(live: LiveServer) -> None:
    r = live.client.post("/api/v1/students", json=student_payload(), headers={"Idempotency-Key": "x" * 201})
    assert r.status_code == 422
    assert r.json()["details"]["fields"][0]["field"] == "Idempotency-Key"
    assert students_in_db(live) == 0
