"""Files the backend writes for the school (a backup, an export): written under a temporary name, flushed,
then renamed into place with the folder's entry flushed too, so a file under its real name is always whole."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import AppError


def publish(temp: Path, target: Path) -> None:
    """Flushes the checked copy to disk, renames it to its real name, and flushes the folder's entry."""
    with open(temp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(temp, target)
    if os.name != "nt":  # Windows cannot open a directory to flush it
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def written_whole(file: str, not_writable: type[AppError]) -> Iterator[Path]:
    """Yields the temporary path to write `file` under; when the block ends it is published under its real name.
    A file that can't be written or renamed raises `not_writable` naming the `file` field and the system's
    reason, and whatever went wrong, no half-written file stays in the user's folder."""
    target = Path(file)
    temp = target.with_name(f".{target.name}.partial")
    try:
        yield temp
        publish(temp, target)
    except OSError as exc:
        cause = exc.strerror or str(exc)
        raise not_writable(details={"field": "file", "rule": "writable", "file": file, "cause": cause}) from exc
    finally:
        temp.unlink(missing_ok=True)
