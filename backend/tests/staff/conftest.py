"""Staff tests: the real database and server, with argon2id at a test's cost (a second a hash otherwise)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from odsm.core.config import Settings

from ..conftest import SECRET, LiveServer

OWNER_PASSWORD = "owner-passphrase-1"
SESSION = "X-ODSM-Session"


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        api_secret=SecretStr(SECRET),
        log_level="debug",
        password_hash_memory_kib=64,
        password_hash_passes=1,
    )


def as_(token: str | None) -> dict[str, str]:
    return {SESSION: token} if token else {}


def enable(c: httpx.Client, login: str = "dana", password: str = OWNER_PASSWORD) -> dict[str, Any]:
    r = c.post("/api/v1/auth/enable", json={"name": "Dana Owner", "login": login, "password": password})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def add_staff(c: httpx.Client, owner: str, login: str, role: str, **kw: Any) -> dict[str, Any]:
    body = {"name": f"{login.title()} Person", "login": login, "role": role, "password": f"{login}-password-1", **kw}
    r = c.post("/api/v1/staff", json=body, headers=as_(owner))
    assert r.status_code == 201, r.text
    out: dict[str, Any] = r.json()
    return out


def sign_in(c: httpx.Client, login: str, password: str | None = None) -> httpx.Response:
    return c.post("/api/v1/auth/sign-in", json={"login": login, "password": password or f"{login}-password-1"})


def token_of(live: LiveServer, login: str) -> str:
    r = sign_in(live.client, login)
    assert r.status_code == 200, r.text
    token: str = r.json()["token"]
    return token
