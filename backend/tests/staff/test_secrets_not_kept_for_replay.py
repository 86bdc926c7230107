"""A write that carries a secret keeps nothing of it for replay: no stored answer (a recovery code) and no
fingerprint of its body (a password under a plain sha256), even when the caller sends an Idempotency-Key.
Any other keyed write still stores its answer."""

from __future__ import annotations

import json

from sqlalchemy import text

from ..conftest import LiveServer, student_payload
from .conftest import OWNER_PASSWORD, as_


def _kept(live: LiveServer) -> list[tuple[str, bytes | None]]:
    return live.db.read(
        lambda s: [(k, b) for k, b in s.execute(text("SELECT key, response_body FROM idempotency_keys")).all()]
    )


def test_sign_in_staff_and_password_writes_keep_no_key_but_a_student_save_does(live: LiveServer) -> None:
    c = live.client
    r = c.post(
        "/api/v1/auth/enable",
        json={"name": "Dana Owner", "login": "dana", "password": OWNER_PASSWORD},
        headers={"Idempotency-Key": "enable-1"},
    )
    assert r.status_code == 201, r.text
    on = r.json()
    owner = on["token"]
    for path, body, key in (
        ("/api/v1/auth/recovery-code", None, "code-1"),
        (
            "/api/v1/staff",
            {"name": "Omar Desk", "login": "omar", "role": "office", "password": "omar-password-1"},
            "staff-1",
        ),
        ("/api/v1/auth/sign-in", {"login": "omar", "password": "omar-password-1"}, "sign-in-1"),
    ):
        r = c.post(path, json=body, headers={**as_(owner), "Idempotency-Key": key})
        assert r.status_code in (200, 201), r.text
    assert _kept(live) == []
    # A second send with the same key is not a replay: a new recovery code, the first one replaced.
    again = c.post("/api/v1/auth/recovery-code", headers={**as_(owner), "Idempotency-Key": "code-1"})
    assert again.status_code in (200, 201), again.text
    assert _kept(live) == []

    saved = c.post("/api/v1/students", json=student_payload(), headers={**as_(owner), "Idempotency-Key": "student-1"})
    assert saved.status_code == 201, saved.text
    [(key, answer)] = _kept(live)
    assert key == "student-1" and json.loads(answer or b"{}")["id"] == saved.json()["id"]
    assert on["recovery_code"] not in "".join(str(b) for _, b in _kept(live))
