"""A backend pointed at a database server that does not answer exits with its own code (16) and one plain
line naming the server, so main keeps retrying and says which server it waits for."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.conftest import SECRET


def test_a_server_that_does_not_answer_is_exit_16_naming_the_server(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, then released
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("ODSM_") and k != "DATABASE_URL"}
    env.update(ODSM_API_SECRET=SECRET, DATABASE_URL=f"postgresql+psycopg://frontdesk:s3cret@127.0.0.1:{port}/school")
    proc = subprocess.run(
        [sys.executable, "-m", "odsm", "--data-dir", str(tmp_path / "data"), "--port", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 16, proc.stderr[-2000:]
    last = [line for line in proc.stderr.splitlines() if line.startswith("odsm: ")][-1]
    assert last.startswith(f"odsm: the database server at 127.0.0.1:{port} did not answer")
    assert "s3cret" not in proc.stderr
    assert proc.stdout == ""
