"""`make soak`: the long versions of the fault suite; the last line printed is one JSON object of figures.

    1,000 keyed writes with several kill -9s among them, then 100 crash cycles (writes, kill, restart).
Expected: 0 lost, 0 duplicated, 0 stuck keys, 0 answers of 500, and integrity_check "ok" for each.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from .harness import Figures, burst, crash_cycles

WRITES, KILLS, CYCLES = 1000, 6, 100


def clean(figures: Figures) -> bool:
    bad = figures.lost + figures.duplicated + figures.stuck + figures.answers_500
    return bad == 0 and figures.integrity_check == "ok"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="odsm-soak-") as scratch:
        print(f"soak: {WRITES} keyed writes with {KILLS} kill -9s...", file=sys.stderr, flush=True)
        writes = burst(Path(scratch) / "burst", WRITES, KILLS)
        print(f"soak: {CYCLES} crash cycles...", file=sys.stderr, flush=True)
        cycles = crash_cycles(Path(scratch) / "cycles", CYCLES)
    ok = clean(writes) and clean(cycles)
    print(json.dumps({"ok": ok, "burst": writes.summary(), "crash_cycles": cycles.summary()}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
