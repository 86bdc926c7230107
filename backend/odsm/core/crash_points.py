"""Crash points for the fault tests: `ODSM_CRASH_POINT=<name>` makes the backend die (os._exit) there.

Read once at start-up (`arm_from_environment`, called by `odsm.serve`); with the variable unset every
point is one comparison with None. os._exit skips every finally and atexit, as a kill -9 would.
"""

from __future__ import annotations

import os
import sys

AFTER_WRITE_BEFORE_ANSWER = "after_write_before_answer"  # the route answered; its answer is not stored yet
AFTER_ANSWER_BEFORE_SEND = "after_answer_before_send"  # write and answer committed; the client has nothing
KNOWN = frozenset({AFTER_WRITE_BEFORE_ANSWER, AFTER_ANSWER_BEFORE_SEND})
CRASH_EXIT_CODE = 99

_armed: str | None = None


def arm_from_environment() -> None:
    global _armed
    name = os.environ.get("ODSM_CRASH_POINT") or None
    if name is not None and name not in KNOWN:
        raise ValueError(f"ODSM_CRASH_POINT={name!r} names no crash point; known: {sorted(KNOWN)}")
    _armed = name


def crash_here(name: str) -> None:
    if _armed == name:
        sys.stderr.write(f"odsm: crash point {name} reached; exiting at once\n")
        sys.stderr.flush()
        os._exit(CRASH_EXIT_CODE)
