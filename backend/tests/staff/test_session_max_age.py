"""A session ends the setting's hours after sign-in, even at a desk in use: the next call asks for sign-in.

The backend has no clock a test can set, so the test moves the session's sign-in time back in the real
database (the same row the check reads) instead of waiting hours."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from odsm.core.orm import utcnow
from odsm.models import StaffSession

from ..conftest import LiveServer
from ..enrollments.builders import ok, refused
from .conftest import add_staff, as_, enable, token_of


def _signed_in_ago(live: LiveServer, account_id: int, elapsed: timedelta) -> None:
    def move_back(s: Session) -> None:
        s.execute(
            update(StaffSession).where(StaffSession.account_id == account_id).values(created_at=utcnow() - elapsed)
        )

    live.db.write(move_back)


def test_a_session_ends_after_the_settings_hours_however_busy_the_desk(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    settings = ok(live.client.get("/api/v1/auth/settings", headers=as_(owner)))
    assert settings["session_max_hours"] == 12  # the default: a long shift
    ok(live.client.patch("/api/v1/auth/settings", json={"version": settings["version"], "session_max_hours": 2},
                         headers=as_(owner)))  # fmt: skip
    olive = add_staff(live.client, owner, "olive", "office")
    office = token_of(live, "olive")

    _signed_in_ago(live, olive["id"], timedelta(hours=1, minutes=59))
    ok(live.client.get("/api/v1/students", headers=as_(office)))
    assert ok(live.client.get("/api/v1/auth/status", headers=as_(office)))["account"]["login"] == "olive"

    _signed_in_ago(live, olive["id"], timedelta(hours=2))
    details = refused(live.client.get("/api/v1/students", headers=as_(office)), 401, "auth.sign_in_required")
    assert details == {"permission": "students.read"}
    status = ok(live.client.get("/api/v1/auth/status", headers=as_(office)))
    assert (status["enabled"], status["account"], status["permissions"]) == (True, None, [])
    # Signing in again starts a new session, and the owner's own session was never touched.
    ok(live.client.get("/api/v1/students", headers=as_(token_of(live, "olive"))))
    ok(live.client.get("/api/v1/students", headers=as_(owner)))


def test_the_session_hours_are_a_week_at_most_and_one_at_least(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    version = ok(live.client.get("/api/v1/auth/settings", headers=as_(owner)))["version"]
    for hours in (0, 24 * 7 + 1):
        details = refused(
            live.client.patch("/api/v1/auth/settings", json={"version": version, "session_max_hours": hours},
                              headers=as_(owner)), 422, "validation_failed")  # fmt: skip
        assert "session_max_hours" in str(details)
