"""`make bench`: measures and prints figures; the last line is one JSON object with all of them.

The backend and main run as the app runs them: the supervisor starts the backend with the app's flags (its
log at info, with its rotating file), and the bridge logs through main's own logger (info, with its file).
The bridge bench and the large-school bench run on SQLite and then once on PostgreSQL, in a database made
for the run and dropped after it (ODSM_TEST_PG_URL names the server, as for the tests).

Targets are printed beside the figures, never asserted: these machines are noisy, so compare ratios
measured in one run (the bridge against a raw ASGI echo on the same transport).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "build" / "frozen" / "odsm-backend" / "odsm-backend"
JITI = ROOT / "node_modules" / ".bin" / "jiti"
PG_ADMIN_URL = os.environ.get("ODSM_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def run_node(script: str, extra_env: dict[str, str] | None = None) -> dict[str, Any]:
    env = {**os.environ, "BENCH_PYTHON": sys.executable, **(extra_env or {})}
    # Main's and the backend's log lines go to stderr, as in the app: a file here, shown when a run fails.
    with tempfile.TemporaryFile("w+") as stderr:
        proc = subprocess.run([str(JITI), script], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
        if proc.returncode != 0:
            stderr.seek(0)
            sys.stderr.write("".join(stderr.readlines()[-40:]))
            raise SystemExit(f"{script} failed with exit code {proc.returncode}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def descendants(pid: int) -> list[int]:
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        for child in children.read_text().split():
            pids += descendants(int(child))
    return pids


def rss_kib(pid: int) -> int:
    """The resident memory of a process and all its children."""
    total = 0
    for p in descendants(pid):
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def cpu_s(pid: int) -> float:
    """User plus system CPU seconds of a process and its living children."""
    total = 0
    for p in descendants(pid):
        stat = Path(f"/proc/{p}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def start_frozen(data_dir: Path, sock_dir: Path) -> tuple[subprocess.Popen[str], float, float]:
    """As the supervisor starts it: the app's flags (its own log level, info, and its file), stdin held open."""
    env = {**os.environ, "ODSM_API_SECRET": secrets.token_hex(16), "PYTHONUNBUFFERED": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(FROZEN), "--data-dir", str(data_dir), "--uds", str(sock_dir / "b.sock"), "--exit-with-stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    cpu = cpu_s(proc.pid)
    if '"backend.ready"' not in line:
        proc.kill()
        raise SystemExit(f"frozen backend did not print its ready line: {line!r}")
    return proc, elapsed, cpu


def stop(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()  # as the supervisor stops it: the backend checkpoints and exits
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def frozen_figures(runs: int = 5) -> dict[str, Any]:
    if not FROZEN.exists():
        raise SystemExit(f"no frozen backend at {FROZEN}: run `make freeze`")
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as sock:
        os.chmod(sock, 0o700)
        data = Path(tmp) / "data"
        proc, first, _ = start_frozen(data, Path(sock))  # migrates a new database
        stop(proc)
        times, cpus = [], []
        for _ in range(runs):
            proc, elapsed, cpu = start_frozen(data, Path(sock))
            times.append(elapsed)
            cpus.append(cpu)
            stop(proc)
        proc, _, _ = start_frozen(data, Path(sock))
        time.sleep(3.0)  # idle, after any housekeeping that runs once it is ready
        idle = rss_kib(proc.pid)
        processes = len(descendants(proc.pid))
        stop(proc)
    return {
        "frozen_ready_s": round(statistics.median(times), 3),
        "frozen_cpu_to_ready_s": round(statistics.median(cpus), 3),
        "frozen_ready_first_run_s": round(first, 3),
        "frozen_idle_rss_mb": round(idle / 1024, 1),
        "frozen_processes": processes,
    }


def ipc_figures(database_url: str | None) -> dict[str, Any]:
    ipc = run_node("bench/ipc-bench.ts", {"BENCH_DATABASE_URL": database_url} if database_url else {})
    figures: dict[str, Any] = {}
    for name, fig in ipc.items():
        if isinstance(fig, dict):
            figures.update({f"{name}_{k}": v for k, v in fig.items() if k != "n"})
        else:
            figures[name] = fig
    figures["bridge_to_echo_p50_ratio"] = round(ipc["bridge_c1"]["p50_ms"] / ipc["echo_c1"]["p50_ms"], 2)
    # The bridge's own cost: the same read through it, less a raw http.request on the same socket.
    figures["bridge_overhead_p50_ms"] = round(ipc["bridge_c1"]["p50_ms"] - ipc["direct_c1"]["p50_ms"], 3)
    figures["bridge_overhead_main_cpu_us"] = ipc["bridge_c1"]["main_cpu_us"] - ipc["direct_c1"]["main_cpu_us"]
    return figures


# The issues' large school: students, lessons (#10), invoices and payments (#8).
LARGE_SCHOOL = ["--students", "100000", "--lessons", "1000000", "--invoices", "300000", "--payments", "500000"]


def large_db_figures(database_url: str | None) -> dict[str, Any]:
    """100,000 students, 1,000,000 lessons, 300,000 invoices and 500,000 payments, built by the bench itself,
    queried through the bridge."""
    with tempfile.TemporaryDirectory(prefix="odsm-bench-large-") as tmp:
        extra = {"DATABASE_URL": database_url} if database_url else {}
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "bench/big_dataset.py", tmp, *LARGE_SCHOOL],
            cwd=ROOT,
            env={**os.environ, **extra},
            check=True,
        )
        build_s = time.perf_counter() - t0
        large = run_node(
            "bench/large-db-bench.ts",
            {"BENCH_DATA_DIR": tmp, **({"BENCH_DATABASE_URL": database_url} if database_url else {})},
        )
    return {
        "large_build_s": round(build_s, 1),
        "large_search_p50_ms": large["search"]["p50_ms"],
        "large_search_p95_ms": large["search"]["p95_ms"],
        "large_week_calendar_p50_ms": large["week"]["p50_ms"],
        "large_week_calendar_p95_ms": large["week"]["p95_ms"],
        "large_worklist_p50_ms": large["worklist"]["p50_ms"],
        "large_worklist_max_ms": large["worklist"]["max_ms"],
        "large_find_slots_p50_ms": large["findSlots"]["p50_ms"],
        "large_find_slots_p95_ms": large["findSlots"]["p95_ms"],
        "large_statement_p50_ms": large["statement"]["p50_ms"],
        "large_statement_p95_ms": large["statement"]["p95_ms"],
        "large_hst_report_p50_ms": large["hstReport"]["p50_ms"],
        "large_hst_report_max_ms": large["hstReport"]["max_ms"],
        "large_unpaid_p50_ms": large["unpaid"]["p50_ms"],
        "large_unpaid_p95_ms": large["unpaid"]["p95_ms"],
        "large_overdue_p50_ms": large["overdue"]["p50_ms"],
        "large_overdue_p95_ms": large["overdue"]["p95_ms"],
        "large_backup_s": (large["backup"] or {}).get("s"),
        "large_backup_mb": (large["backup"] or {}).get("mb"),
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


def pg_server() -> str | None:
    """The PostgreSQL server's admin URL, started by scripts/with-postgres.sh if it is this machine's; or None."""
    subprocess.run(["scripts/with-postgres.sh", "true"], cwd=ROOT, check=os.environ.get("CI") == "true")
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", pool_size=1)
    try:
        with engine.connect():
            return PG_ADMIN_URL
    except Exception as error:
        if os.environ.get("CI") == "true":
            raise
        sys.stderr.write(f"bench: the PostgreSQL half is SKIPPED: {type(error).__name__}\n")
        return None
    finally:
        engine.dispose()


@contextlib.contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """An empty database for one part of the run, dropped after it whatever happens."""
    name = f"odsm_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", pool_size=1)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# figure: [(op, limit, engines it applies to, where the target comes from)]
Target = tuple[str, float, tuple[str, ...], str]
BOTH = ("sqlite", "postgresql")
TARGETS: dict[str, list[Target]] = {
    "bridge_to_echo_p50_ratio": [("<=", 3.0, BOTH, "#14")],
    "bridge_c16_rps": [(">=", 2500, BOTH, "#14")],
    "create_c1_p50_ms": [("<=", 3.0, BOTH, "#14")],
    "check_c1_p50_ms": [("<=", 5.0, BOTH, "#14")],
    "frozen_ready_s": [("<=", 0.8, ("sqlite",), "#14")],
    "frozen_cpu_to_ready_s": [("<=", 0.7, ("sqlite",), "#14")],
    "frozen_idle_rss_mb": [("<=", 100, ("sqlite",), "#14")],
    "large_search_p95_ms": [("<=", 10, ("sqlite",), "#14"), ("<=", 20, BOTH, "#10")],
    "large_week_calendar_p95_ms": [("<=", 10, ("sqlite",), "#14"), ("<=", 20, BOTH, "#10")],
    "large_worklist_p50_ms": [("<=", 50, ("sqlite",), "#14")],
    "large_worklist_max_ms": [("<=", 200, BOTH, "#10")],
    "large_find_slots_p95_ms": [("<=", 100, BOTH, "#12")],
    "large_statement_p95_ms": [("<=", 20, BOTH, "#8")],
    "large_hst_report_max_ms": [("<=", 200, BOTH, "#8")],
    "large_unpaid_p95_ms": [("<=", 20, BOTH, "#8")],
    "large_overdue_p95_ms": [("<=", 20, BOTH, "#8")],
    "import_10k_s": [("<=", 10.0, ("sqlite",), "")],
}


def verdict(name: str, engine: str, value: Any) -> str:
    checks = [(op, limit) for op, limit, engines, _ in TARGETS.get(name, []) if engine in engines]
    if not checks or not isinstance(value, int | float):
        return ""
    met = all(value <= limit if op == "<=" else value >= limit for op, limit in checks)
    return "met" if met else "NOT MET"


def target_text(name: str) -> str:
    parts = []
    for op, limit, engines, source in TARGETS.get(name, []):
        where = "" if engines == BOTH else f" {'/'.join(engines)}"
        parts.append(f"{op} {limit}{where}{f' ({source})' if source else ''}")
    return "; ".join(parts)


def main() -> int:
    sqlite: dict[str, Any] = {}
    pg: dict[str, Any] = {}
    sqlite.update(ipc_figures(None))
    admin = pg_server()
    if admin:
        with pg_database(admin) as url:
            pg.update(ipc_figures(url))
    sqlite.update(frozen_figures())
    sqlite.update(large_db_figures(None))
    if admin:
        with pg_database(admin) as url:
            pg.update(large_db_figures(url))
    sqlite.update(import_figures())

    print("figure".ljust(34), "sqlite".rjust(18), "postgresql".rjust(18), "  target")
    for name in [*sqlite, *(n for n in pg if n not in sqlite)]:
        cells = []
        for engine, figures in (("sqlite", sqlite), ("postgresql", pg)):
            value = figures.get(name)
            cells.append("" if value is None else f"{value} {verdict(name, engine, value)}".strip())
        print(name.ljust(34), cells[0].rjust(18), cells[1].rjust(18), f"  {target_text(name)}")
    result: dict[str, Any] = {**sqlite, **{f"pg_{k}": v for k, v in pg.items()}}
    result["targets"] = {name: target_text(name) for name in TARGETS}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
