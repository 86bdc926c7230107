"""`make demo-data`: python -m odsm.features.demo --data-dir D [--students N]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import SecretStr

from odsm.core.config import Settings
from odsm.core.logging import configure_logging
from odsm.core.migrations import migrate
from odsm.core.unit_of_work import Database

from .builder import load_demo
from .errors import DemoRefused


def _print_progress(label: str, done: int, total: int) -> None:
    # About twenty lines per stage, not one per row.
    if done == total or done % max(1, total // 20) == 0:
        sys.stderr.write(f"  {label}: {done}/{total}\n")
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fill an empty database with a realistic demo school.")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--students", type=int, default=200)
    args = parser.parse_args(argv)
    settings = Settings(data_dir=args.data_dir, api_secret=SecretStr("demo"), log_level="warning")
    configure_logging(settings.log_dir, settings.log_level)
    db = Database(settings)
    migrate(settings, db.engine)
    try:
        summary = load_demo(db, args.students, _print_progress)
    except DemoRefused as exc:
        sys.stderr.write(f"odsm.demo: {exc.message}\n")
        return 2
    print(f"demo school loaded into {settings.data_dir}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
