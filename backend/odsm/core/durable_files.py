"""Files the backend writes for the school (a backup, an export): written under a temporary name, flushed,
then renamed into place with the folder's entry flushed too, so a file under its real name is always whole."""

from __future__ import annotations

import os
from pathlib import Path


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
