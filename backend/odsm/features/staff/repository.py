"""The queries of staff accounts, their sessions and the sign-in settings' one row."""

from __future__ import annotations

from functools import partial
from typing import cast

from sqlalchemy import Connection, Select, Table, func, select
from sqlalchemy.orm import Session

from odsm.core.resource_lock_repository import Resource, one_row
from odsm.models import ClassroomSession, Lesson, SignInSettings, StaffAccount, StaffSession

SETTINGS_ID = 1


def sign_in_settings(s: Session) -> SignInSettings | None:
    """The row, or None while sign-in was never switched on (it is off, with the model's defaults)."""
    return s.get(SignInSettings, SETTINGS_ID)


_settings_table = cast(Table, SignInSettings.__table__)
_SWITCH = select(_settings_table.c.enabled).where(_settings_table.c.id == SETTINGS_ID)


def sign_in_switched_on(conn: Connection) -> bool:
    """Whether sign-in is on: one Core statement, for the check every request makes before its route."""
    return bool(conn.execute(_SWITCH).scalar())


def get_or_create_settings(s: Session) -> SignInSettings:
    find = partial(s.get, SignInSettings, SETTINGS_ID)
    return one_row(s, Resource.SIGN_IN_SETTINGS, find, partial(SignInSettings, id=SETTINGS_ID, enabled=False))


def by_login(login: str) -> Select[StaffAccount]:
    return select(StaffAccount).where(StaffAccount.login == login)


def everyone() -> Select[StaffAccount]:
    return select(StaffAccount).order_by(StaffAccount.active.desc(), StaffAccount.name, StaffAccount.id)


def active_owners() -> Select[int]:
    return select(func.count()).select_from(StaffAccount).where(StaffAccount.role == "owner", StaffAccount.active)


def active_with_roles(roles: list[str]) -> Select[StaffAccount]:
    return (
        select(StaffAccount)
        .where(StaffAccount.active.is_(True), StaffAccount.role.in_(roles))
        .order_by(StaffAccount.name, StaffAccount.id)
    )


def first_owner() -> Select[StaffAccount]:
    return select(StaffAccount).where(StaffAccount.role == "owner").order_by(StaffAccount.id).limit(1)


def live_session(token_hash: str) -> Select[StaffSession, StaffAccount]:
    return (
        select(StaffSession, StaffAccount)
        .join(StaffAccount, StaffAccount.id == StaffSession.account_id)
        .where(StaffSession.token_hash == token_hash, StaffSession.ended_at.is_(None))
    )


def names(ids: set[int]) -> Select[int, str]:
    return select(StaffAccount.id, StaffAccount.name).where(StaffAccount.id.in_(ids))


def open_sessions(account_id: int) -> Select[StaffSession]:
    return select(StaffSession).where(StaffSession.account_id == account_id, StaffSession.ended_at.is_(None))


def lesson_instructor(lesson_id: int) -> Select[int]:
    return select(Lesson.instructor_id).where(Lesson.id == lesson_id)


def class_instructor(session_id: int) -> Select[int]:
    return select(ClassroomSession.instructor_id).where(ClassroomSession.id == session_id)
