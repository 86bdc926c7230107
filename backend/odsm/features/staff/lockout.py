"""Repeated wrong passwords: after a couple in a row each attempt waits a little longer, then the account
locks for the setting's minutes. A lock that ran out starts a fresh count."""

from __future__ import annotations

from datetime import datetime, timedelta

from odsm.core.orm import utcnow
from odsm.models import SignInSettings, StaffAccount

from .errors import AccountLocked, TryAgainLater, WrongCredentials

# After this many failures in a row, each further attempt must wait a little longer (1 s, 2 s, 4 s …)
# until the account locks at the setting's count.
SLOW_DOWN_AFTER = 2


def refuse_while_locked(account: StaffAccount, now: datetime) -> None:
    if account.locked_until is not None and account.locked_until > now:
        raise AccountLocked(details={"locked_until": account.locked_until.isoformat()})
    if account.failed_attempts >= SLOW_DOWN_AFTER and account.last_failed_at is not None:
        wait = timedelta(seconds=2 ** (account.failed_attempts - SLOW_DOWN_AFTER))
        if account.last_failed_at + wait > now:
            left = (account.last_failed_at + wait - now).total_seconds()
            raise TryAgainLater(details={"retry_after_seconds": max(1, round(left))})


def count_failure(account: StaffAccount | None, settings: SignInSettings) -> Exception:
    if account is None:
        return WrongCredentials()
    now = utcnow()
    if account.locked_until is not None and account.locked_until <= now:
        account.failed_attempts = 0  # a lock that ran out starts a fresh count
    account.failed_attempts += 1
    account.last_failed_at = now
    if account.failed_attempts >= settings.failures_before_lock:
        account.locked_until = now + timedelta(minutes=settings.lock_minutes)
        return AccountLocked(details={"locked_until": account.locked_until.isoformat()})
    return WrongCredentials()
