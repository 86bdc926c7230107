"""Sign-in is off by default; switching it on makes the owner and a one-time recovery code; sessions,
the same answer for an unknown login and a wrong password, slowing down and locking, and the last owner."""

from __future__ import annotations

from ..conftest import LiveServer
from ..enrollments.builders import ok, refused
from .conftest import OWNER_PASSWORD, add_staff, as_, enable, sign_in, token_of


def test_sign_in_is_off_by_default_and_every_route_works_as_before(live: LiveServer) -> None:
    status = ok(live.client.get("/api/v1/auth/status"))
    assert (status["enabled"], status["account"]) == (False, None)
    ok(live.client.get("/api/v1/students"))
    refused(live.client.post("/api/v1/auth/sign-in", json={"login": "x", "password": "y"}), 409, "auth.off")


def test_switching_sign_in_on_makes_the_owner_and_asks_every_desk_to_sign_in(live: LiveServer) -> None:
    on = enable(live.client)
    assert on["account"]["role"] == "owner"
    assert len(on["recovery_code"]) == 23 and on["token"]
    assert "certify" in on["permissions"] and "accounts.manage" in on["permissions"]
    details = refused(live.client.get("/api/v1/students"), 401, "auth.sign_in_required")
    assert details["permission"] == "students.read"
    ok(live.client.get("/api/v1/students", headers=as_(on["token"])))
    refused(live.client.post("/api/v1/auth/enable", json={"name": "X", "login": "x", "password": "x" * 12},
                             headers=as_(on["token"])), 409, "auth.already_on")  # fmt: skip


def test_the_owner_password_must_reach_the_minimum_length(live: LiveServer) -> None:
    r = live.client.post("/api/v1/auth/enable", json={"name": "Dana", "login": "dana", "password": "short"})
    [field] = refused(r, 422, "validation_failed")["fields"]
    assert (field["field"], field["rule"], field["minimum"]) == ("password", "min_length", 10)
    assert ok(live.client.get("/api/v1/auth/status"))["enabled"] is False


def test_an_unknown_login_and_a_wrong_password_get_the_same_answer(live: LiveServer) -> None:
    enable(live.client)
    unknown = sign_in(live.client, "nobody", "whatever-it-is")
    wrong = sign_in(live.client, "dana", "whatever-it-is")
    assert unknown.status_code == wrong.status_code == 401
    assert {k: v for k, v in unknown.json().items() if k != "request_id"} == {
        k: v for k, v in wrong.json().items() if k != "request_id"
    }
    assert wrong.json()["code"] == "auth.wrong_credentials"


def test_repeated_failures_slow_down_then_lock_the_account(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "olive", "office")
    for _ in range(2):
        refused(sign_in(live.client, "olive", "not-her-password"), 401, "auth.wrong_credentials")
    # Right away, even the right password waits: the answer says for how long.
    details = refused(sign_in(live.client, "olive"), 429, "auth.try_again_later")
    assert details["retry_after_seconds"] >= 1
    settings = ok(live.client.get("/api/v1/auth/settings", headers=as_(owner)))
    ok(live.client.patch("/api/v1/auth/settings", json={"version": settings["version"], "failures_before_lock": 2},
                         headers=as_(owner)))  # fmt: skip
    add_staff(live.client, owner, "oscar", "office")
    refused(sign_in(live.client, "oscar", "not-his-password"), 401, "auth.wrong_credentials")
    details = refused(sign_in(live.client, "oscar", "still-not-his"), 423, "auth.account_locked")
    assert details["locked_until"]
    refused(sign_in(live.client, "oscar"), 423, "auth.account_locked")


def test_several_desks_stay_signed_in_and_signing_out_ends_one(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "olive", "office")
    first, second = token_of(live, "olive"), token_of(live, "olive")
    assert ok(live.client.post("/api/v1/auth/sign-out", headers=as_(first)))["signed_out"] is True
    refused(live.client.get("/api/v1/students", headers=as_(first)), 401, "auth.sign_in_required")
    me = ok(live.client.get("/api/v1/auth/status", headers=as_(second)))
    assert (me["account"]["login"], me["account"]["role"]) == ("olive", "office")
    assert "certify" not in me["permissions"]


def test_switching_off_needs_the_owners_password(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    r = live.client.post("/api/v1/auth/disable", json={"password": "not-the-password"}, headers=as_(owner))
    refused(r, 401, "auth.wrong_credentials")
    out = ok(live.client.post("/api/v1/auth/disable", json={"password": OWNER_PASSWORD}, headers=as_(owner)))
    assert out["enabled"] is False
    ok(live.client.get("/api/v1/students"))


def test_the_office_may_not_switch_sign_in_off(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "olive", "office")
    r = live.client.post(
        "/api/v1/auth/disable", json={"password": "olive-password-1"}, headers=as_(token_of(live, "olive"))
    )
    assert refused(r, 403, "permission_denied")["permission"] == "accounts.manage"


def test_the_recovery_code_resets_the_owners_password_once(live: LiveServer) -> None:
    code = enable(live.client)["recovery_code"]
    body = {"recovery_code": code.lower(), "new_password": "a-new-owner-pass"}
    back = ok(live.client.post("/api/v1/auth/recover", json=body))
    assert back["account"]["login"] == "dana" and back["token"]
    ok(sign_in(live.client, "dana", "a-new-owner-pass"))
    refused(sign_in(live.client, "dana", OWNER_PASSWORD), 401, "auth.wrong_credentials")
    again = {"recovery_code": code, "new_password": "yet-another-pass"}
    refused(live.client.post("/api/v1/auth/recover", json=again), 401, "auth.wrong_recovery_code")


def test_the_last_active_owner_cannot_be_disabled_or_demoted(live: LiveServer) -> None:
    on = enable(live.client)
    owner, me = on["token"], on["account"]
    for change in ({"active": False}, {"role": "office"}):
        r = live.client.patch(
            f"/api/v1/staff/{me['id']}", json={"version": me["version"], **change}, headers=as_(owner)
        )
        refused(r, 409, "staff.last_owner")
    second = add_staff(live.client, owner, "omar", "owner")
    out = ok(live.client.patch(f"/api/v1/staff/{me['id']}", json={"version": me["version"], "role": "office"},
                               headers=as_(owner)))  # fmt: skip
    assert out["role"] == "office"
    assert second["role"] == "owner"


def test_a_disabled_account_is_kept_and_signed_out_everywhere(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    olive = add_staff(live.client, owner, "olive", "office")
    desk = token_of(live, "olive")
    ok(live.client.patch(f"/api/v1/staff/{olive['id']}", json={"version": olive["version"], "active": False},
                         headers=as_(owner)))  # fmt: skip
    refused(live.client.get("/api/v1/students", headers=as_(desk)), 401, "auth.sign_in_required")
    refused(sign_in(live.client, "olive"), 401, "auth.wrong_credentials")
    listed = ok(live.client.get("/api/v1/staff", headers=as_(owner)))["items"]
    assert [(a["login"], a["active"]) for a in listed] == [("dana", True), ("olive", False)]


def test_an_instructor_account_names_an_instructor_record(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    body = {"name": "Ines", "login": "ines", "role": "instructor", "password": "ines-password-1"}
    [field] = refused(live.client.post("/api/v1/staff", json=body, headers=as_(owner)), 422, "validation_failed")[
        "fields"
    ]
    assert (field["field"], field["rule"]) == ("instructor_id", "required_for_instructor")


def test_a_login_is_taken_once(live: LiveServer) -> None:
    owner = enable(live.client)["token"]
    add_staff(live.client, owner, "olive", "office")
    body = {"name": "Other Olive", "login": "Olive", "role": "office", "password": "olive-password-2"}
    refused(live.client.post("/api/v1/staff", json=body, headers=as_(owner)), 409, "staff.login_taken")


def test_a_new_password_or_a_recovery_signs_the_old_sessions_out_everywhere(live: LiveServer) -> None:
    on = enable(live.client)
    owner = on["token"]
    add_staff(live.client, owner, "olive", "office")
    desk_one, desk_two = token_of(live, "olive"), token_of(live, "olive")
    for token in (desk_one, desk_two):
        assert ok(live.client.get("/api/v1/auth/status", headers=as_(token)))["account"]["login"] == "olive"
    olive = next(a for a in ok(live.client.get("/api/v1/staff", headers=as_(owner)))["items"] if a["login"] == "olive")
    ok(
        live.client.post(
            f"/api/v1/staff/{olive['id']}/password", json={"password": "olive-new-pass-2"}, headers=as_(owner)
        )
    )
    for token in (desk_one, desk_two):
        assert ok(live.client.get("/api/v1/auth/status", headers=as_(token)))["account"] is None
    refused(live.client.get("/api/v1/students", headers=as_(desk_one)), 401, "auth.sign_in_required")
    # The owner's other desk is signed out by a recovery, and the recovering desk is signed in afresh.
    back = ok(
        live.client.post(
            "/api/v1/auth/recover", json={"recovery_code": on["recovery_code"], "new_password": "owner-new-pass-3"}
        )
    )
    assert ok(live.client.get("/api/v1/auth/status", headers=as_(owner)))["account"] is None
    assert ok(live.client.get("/api/v1/auth/status", headers=as_(back["token"])))["account"]["login"] == "dana"
