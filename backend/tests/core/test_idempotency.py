from __future__ import annotations

from sqlalchemy import func, select

from odsm.models import IdempotencyRecord, Student

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


def test_a_retry_sent_while_the_first_attempt_runs_never_writes_twice(serve_app) -> None:  # type: ignore[no-untyped-def]
    import threading
    import time as _time

    from fastapi import FastAPI

    from odsm.core.unit_of_work import Database

    def slow_down(app: FastAPI) -> None:
        db: Database = app.state.db
        original = db.write

        def slow_write(fn):  # type: ignore[no-untyped-def]
            def slow(s):  # type: ignore[no-untyped-def]
                result = fn(s)
                _time.sleep(0.6)  # the first attempt is still inside its transaction
                return result

            return original(slow)

        db.write = slow_write  # type: ignore[method-assign]

    live: LiveServer = serve_app(slow_down)
    headers = {"Idempotency-Key": "slow-create"}
    answers: list = []

    def post() -> None:
        answers.append(live.client.post("/api/v1/students", json=student_payload(), headers=headers))

    first = threading.Thread(target=post)
    first.start()
    _time.sleep(0.2)
    post()  # the bridge's retry, while the first still runs
    first.join()
    assert students_in_db(live) == 1
    codes = sorted(a.status_code for a in answers)
    assert codes in ([201, 201], [201, 409]), [a.text for a in answers]
    for a in answers:
        if a.status_code == 409:
            assert a.json()["code"] == "idempotency_in_progress"
    # Once the first attempt's answer is stored, the key replays it.
    again = live.client.post("/api/v1/students", json=student_payload(), headers=headers)
    assert again.status_code == 201
    assert again.headers.get("idempotent-replayed") == "true"
