"""PyInstaller entry point for the frozen backend (same flags as `python -m odsm`)."""

import sys

from odsm.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
