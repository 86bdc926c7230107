"""A normal stop reads as one in the log; only an app that vanished reads as parent_gone."""

from __future__ import annotations

import json
from pathlib import Path

from .spawn import Backend


def _stop_through_stdin(backend: Backend, payload: bytes) -> tuple[int, list[dict[str, str]]]:
    """Writes the payload, closes stdin as the app does, and returns the exit code and the stderr events."""
    assert backend.proc.stdin is not None
    backend.proc.stdin.write(payload)
    backend.proc.stdin.close()
    code = backend.proc.wait(timeout=30)
    events = []
    for line in backend.stderr().splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
    backend.close()
    return code, events


def _lifeline(events: list[dict[str, str]]) -> list[dict[str, str]]:
    return [e for e in events if e.get("event") in {"backend.stopping", "backend.parent_gone"}]


def test_a_stop_line_then_end_of_file_is_logged_as_a_normal_stop(tmp_path: Path) -> None:
    backend = Backend(tmp_path / "data", ODSM_LOG_LEVEL="info").wait_ready()
    code, events = _stop_through_stdin(backend, b"stop\n")
    assert code == 0
    assert _lifeline(events) == [{"event": "backend.stopping", "how": "stop_requested", "level": "info"}]
    assert any(e.get("event") == "db.checkpointed" for e in events), "the normal stop skipped the checkpoint"


def test_end_of_file_without_a_stop_line_is_logged_as_the_parent_gone(tmp_path: Path) -> None:
    backend = Backend(tmp_path / "data", ODSM_LOG_LEVEL="info").wait_ready()
    code, events = _stop_through_stdin(backend, b"")
    assert code == 0
    assert _lifeline(events) == [{"event": "backend.parent_gone", "how": "stdin_closed", "level": "warning"}]


def test_other_bytes_on_stdin_are_not_a_stop_request(tmp_path: Path) -> None:
    backend = Backend(tmp_path / "data", ODSM_LOG_LEVEL="info").wait_ready()
    code, events = _stop_through_stdin(backend, b"stopping\nsto")
    assert code == 0
    assert [e["event"] for e in _lifeline(events)] == ["backend.parent_gone"]
