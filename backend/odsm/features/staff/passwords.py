"""Passwords and tokens: argon2id through pwdlib for what a person types, sha256 for random tokens."""

from __future__ import annotations

import functools
import hashlib
import secrets

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher


class Passwords:
    """argon2id at the cost the settings give (pwdlib's recommended parameters unless a test lowers them)."""

    def __init__(self, memory_kib: int, passes: int) -> None:
        self._hasher = PasswordHash((Argon2Hasher(time_cost=passes, memory_cost=memory_kib),))

    @functools.cached_property
    def _dummy(self) -> str:
        return self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password: str, stored: str | None) -> bool:
        """With no stored hash (an unknown login, a used-up code) it checks a dummy one: the same work."""
        if stored is None:
            self._hasher.verify(password, self._dummy)
            return False
        return self._hasher.verify(password, stored)


@functools.cache
def passwords_at(memory_kib: int, passes: int) -> Passwords:
    return Passwords(memory_kib, passes)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """Session tokens are random and long: a plain sha256 is enough to make a read copy useless."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_recovery_code() -> str:
    # Four groups of five, easy to write down: 80 bits.
    raw = secrets.token_hex(10).upper()
    return "-".join(raw[i : i + 5] for i in range(0, 20, 5))


def normal_recovery_code(code: str) -> str:
    return code.replace("-", "").replace(" ", "").upper()
