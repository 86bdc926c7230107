"""python -m odsm --data-dir D (--uds PATH | --host 127.0.0.1 --port 0)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from odsm.core.config import Settings


def parse_args(argv: list[str]) -> Settings:
    parser = argparse.ArgumentParser(prog="odsm", description="Ontario Driving School Manager backend")
    parser.add_argument("--data-dir", type=Path, required=True)
    listen = parser.add_mutually_exclusive_group()
    listen.add_argument("--uds", type=Path, help="Unix socket path, in a private 0700 directory")
    listen.add_argument("--port", type=int, help="TCP port on --host (0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--log-level", choices=["debug", "info", "warning", "error"])
    args = parser.parse_args(argv)
    overrides: dict[str, object] = {"data_dir": args.data_dir, "host": args.host}
    if args.uds is not None:
        overrides["uds"] = args.uds
    if args.port is not None:
        overrides["port"] = args.port
    if args.log_level:
        overrides["log_level"] = args.log_level
    # The secret comes from the environment (ODSM_API_SECRET), never from argv.
    return Settings(**overrides)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    settings = parse_args(sys.argv[1:] if argv is None else argv)
    if settings.api_secret is None:
        sys.stderr.write("odsm: ODSM_API_SECRET must be set in the environment\n")
        return 2
    from odsm.serve import StartupRefused, serve

    try:
        serve(settings)
    except StartupRefused as exc:
        sys.stderr.write(f"odsm: {exc}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
