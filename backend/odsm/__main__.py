"""python -m odsm --data-dir D (--uds PATH | --host 127.0.0.1 --port 0) [--exit-with-stdin]

The order matters: the lifeline first, then the checks that need nothing but the standard library, and
only then the heavy imports (pydantic, SQLAlchemy, FastAPI), so a refusal is immediate and a parent
that dies during start-up takes the backend with it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from odsm.core import lifeline
from odsm.core.startup_faults import StartupFault, refused


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="odsm", description="Ontario Driving School Manager backend")
    parser.add_argument("--data-dir", type=Path, required=True)
    listen = parser.add_mutually_exclusive_group()
    listen.add_argument("--uds", type=Path, help="Unix socket path, in a private 0700 directory")
    listen.add_argument("--port", type=int, help="TCP port on --host (0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--log-level", choices=["debug", "info", "warning", "error"])
    parser.add_argument(lifeline.EXIT_WITH_STDIN, action="store_true", help="exit when stdin reaches end of file")
    return parser.parse_args(argv)


def check_early(args: argparse.Namespace) -> None:
    # The secret comes from the environment (ODSM_API_SECRET), never from argv; an empty one would
    # make every request's check compare against nothing.
    if not os.environ.get("ODSM_API_SECRET", "").strip():
        raise refused("ODSM_API_SECRET must be set in the environment, and not empty")
    if args.uds is not None:
        check_socket_dir(args.uds)


def check_socket_dir(uds: Path) -> None:
    """uvicorn makes the socket 0666, so only a private (0700) directory keeps other users out."""
    parent = uds.parent
    if not parent.is_dir():
        raise refused(f"socket directory {parent} does not exist")
    if os.name == "posix" and parent.stat().st_mode & 0o077:
        raise refused(f"socket directory {parent} must be private (mode 0700)")


def main(argv: list[str] | None = None) -> int:
    raw = sys.argv[1:] if argv is None else argv
    lifeline.start(raw)  # first: the few imports above are the standard library and two small modules
    args = parse_args(raw)
    try:
        check_early(args)
        # pydantic looks for plugins by scanning every installed package's entry points the first time it
        # builds a model (about 27 ms); the backend uses none.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        from odsm.core.config import Settings
        from odsm.serve import serve

        overrides: dict[str, object] = {"data_dir": args.data_dir, "host": args.host}
        for name in ("uds", "port", "log_level"):
            if getattr(args, name) is not None:
                overrides[name] = getattr(args, name)
        serve(Settings(**overrides))  # type: ignore[arg-type]
    except StartupFault as fault:
        sys.stderr.write(f"odsm: {fault.message}\n")
        return fault.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
