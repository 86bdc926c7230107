"""`make bench`: measures and prints figures; the last line is one JSON object with all of them.

Targets are printed beside the figures, never asserted: these machines are noisy, so compare
ratios measured in one run (the bridge against a raw ASGI echo on the same transport).
"""

from __future__ import annotations

import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "build" / "frozen" / "odsm-backend" / "odsm-backend"
JITI = ROOT / "node_modules" / ".bin" / "jiti"


def run_node(script: str, extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    env = {**os.environ, "BENCH_PYTHON": sys.executable, **(extra_env or {})}
    proc = subprocess.run([str(JITI), script], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{script} failed with exit code {proc.returncode}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def rss_kib(pid: int) -> int:
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total = int(line.split()[1])
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            total += rss_kib(int(child))
    return total


def start_frozen(data_dir: Path, sock_dir: Path) -> tuple[subprocess.Popen[str], float]:
    env = {**os.environ, "ODSM_API_SECRET": secrets.token_hex(16)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(FROZEN), "--data-dir", str(data_dir), "--uds", str(sock_dir / "b.sock"), "--log-level", "warning"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    if '"backend.ready"' not in line:
        proc.kill()
        raise SystemExit(f"frozen backend did not print its ready line: {line!r}")
    return proc, elapsed


def stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def frozen_figures(runs: int = 5) -> dict[str, Any]:
    if not FROZEN.exists():
        raise SystemExit(f"no frozen backend at {FROZEN}: run `make freeze`")
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as sock:
        os.chmod(sock, 0o700)
        data = Path(tmp) / "data"
        proc, first = start_frozen(data, Path(sock))  # migrates a new database
        stop(proc)
        times = []
        for _ in range(runs):
            proc, elapsed = start_frozen(data, Path(sock))
            times.append(elapsed)
            stop(proc)
        proc, _ = start_frozen(data, Path(sock))
        time.sleep(2.0)  # idle
        idle = rss_kib(proc.pid)
        stop(proc)
    return {
        "frozen_ready_s": round(statistics.median(times), 3),
        "frozen_ready_first_run_s": round(first, 3),
        "frozen_idle_rss_mb": round(idle / 1024, 1),
    }


def large_db_figures() -> dict[str, Any]:
    """100,000 students and 1,000,000 lessons, built by the bench itself, queried through the bridge."""
    with tempfile.TemporaryDirectory(prefix="odsm-bench-large-") as tmp:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "bench/big_dataset.py", tmp, "--students", "100000", "--lessons", "1000000"],
            cwd=ROOT,
            check=True,
        )
        build_s = time.perf_counter() - t0
        large = run_node("bench/large-db-bench.ts", {"BENCH_DATA_DIR": tmp})
    return {
        "large_build_s": round(build_s, 1),
        "large_search_p50_ms": large["search"]["p50_ms"],
        "large_search_p95_ms": large["search"]["p95_ms"],
        "large_week_calendar_p50_ms": large["week"]["p50_ms"],
        "large_week_calendar_p95_ms": large["week"]["p95_ms"],
        "large_worklist_p50_ms": large["worklist"]["p50_ms"],
        "large_worklist_max_ms": large["worklist"]["max_ms"],
    }


def import_figures() -> dict[str, Any]:
    """10,000 students from a CSV: preview, import, and the same file again."""
    proc = subprocess.run(
        [sys.executable, "bench/import_bench.py"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        "import_10k_preview_s": figures["preview_s"],
        "import_10k_s": figures["import_s"],
        "import_10k_again_s": figures["reimport_s"],
    }


def main() -> int:
    figures: dict[str, Any] = {}
    ipc = run_node("bench/ipc-bench.ts")
    figures.update({f"{name}_{k}": v for name, fig in ipc.items() for k, v in fig.items() if k != "n"})
    figures["bridge_to_echo_p50_ratio"] = round(ipc["bridge_c1"]["p50_ms"] / ipc["echo_c1"]["p50_ms"], 2)
    figures.update(frozen_figures())
    figures.update(large_db_figures())
    figures.update(import_figures())

    targets = {
        "bridge_to_echo_p50_ratio": ("<=", 3.0),
        "bridge_c16_rps": (">=", 2000),
        "frozen_ready_s": ("<=", 1.0),
        "frozen_idle_rss_mb": ("<=", 100),
        "large_search_p95_ms": ("<=", 20),
        "large_week_calendar_p95_ms": ("<=", 20),
        "large_worklist_p50_ms": ("<=", 200),
        "import_10k_s": ("<=", 10.0),
    }
    print("figure".ljust(34), "value".rjust(10), "  target")
    for name, value in figures.items():
        target = targets.get(name)
        mark = ""
        if target:
            op, limit = target
            met = value <= limit if op == "<=" else value >= limit
            mark = f"  {op} {limit}  {'met' if met else 'NOT MET'}"
        print(name.ljust(34), str(value).rjust(10), mark)
    figures["targets"] = {k: f"{op} {limit}" for k, (op, limit) in targets.items()}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
