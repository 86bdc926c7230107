"""The unit of work's write hooks: run inside each write transaction, their after-commit only on commit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from odsm.app import create_app
from odsm.core.config import Settings
from odsm.core.unit_of_work import Database
from odsm.models import Student


def _recording_hook(seen: list[str]) -> Callable[[Session], Callable[[], None]]:
    def hook(session: Session) -> Callable[[], None]:
        seen.append(f"in transaction: {session.in_transaction()}")
        return lambda: seen.append("committed")

    return hook


def test_a_write_runs_the_hooks_inside_its_transaction_and_their_after_commit_once_it_commits(
    settings: Settings, db: Database
) -> None:
    seen: list[str] = []
    hooked = Database(settings, db.engine, write_hooks=[_recording_hook(seen)])
    hooked.write(lambda s: seen.append("the write"))
    assert seen == ["in transaction: True", "the write", "committed"]


def test_a_rolled_back_write_never_runs_the_after_commit(settings: Settings, db: Database) -> None:
    seen: list[str] = []
    hooked = Database(settings, db.engine, write_hooks=[_recording_hook(seen)])

    def refuse(s: Session) -> None:
        raise LookupError("refused")

    with pytest.raises(LookupError):
        hooked.write(refuse)
    assert seen == ["in transaction: True"]


def test_a_read_runs_no_write_hook(settings: Settings, db: Database) -> None:
    seen: list[str] = []
    hooked = Database(settings, db.engine, write_hooks=[_recording_hook(seen)])
    assert hooked.read(lambda s: s.get(Student, 1)) is None
    assert seen == []


def test_the_app_refuses_a_database_that_would_not_claim_idempotency_keys(settings: Settings, db: Database) -> None:
    with pytest.raises(ValueError, match="open_database"):
        create_app(settings, Database(settings, db.engine))
