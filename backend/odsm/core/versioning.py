"""Optimistic concurrency shared by every editable record: a stale `version` is a conflict, never an overwrite."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm.exc import StaleDataError

from .errors import AppError

T = TypeVar("T")


def check_version(current: int, given: int, conflict: type[AppError], **details: Any) -> None:
    if current != given:
        raise conflict(details={**details, "your_version": given, "current_version": current})


def guard_stale(write: Callable[[], T], conflict: type[AppError], **details: Any) -> T:
    """Another writer bumped the version between our read and our UPDATE (version_id_col saw it)."""
    try:
        return write()
    except StaleDataError as exc:
        raise conflict(details=details) from exc


def apply_changes(obj: object, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(obj, name, value)
