"""Renders build/icons/icon.svg into the installers' icons: icon.png (1024x1024), icon.ico and icon.icns.

`make icons` runs it; the results are committed, so packaging needs neither Chromium nor Pillow.
Chromium (headless, transparent background) draws the SVG once at full size; Pillow scales it down and
writes the Windows ICO (16-256 px) and the Apple ICNS (16-1024 px), both offline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SIZE = 1024
ICO_SIZES = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]


def render_svg(svg: Path, png: Path, chromium: str) -> None:
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--default-background-color=00000000",
            f"--window-size={SIZE},{SIZE}",
            f"--screenshot={png}",
            svg.as_uri(),
        ],
        check=True,
        capture_output=True,
    )


def main() -> None:
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp:
        drawn = Path(tmp) / "drawn.png"
        render_svg(HERE / "icon.svg", drawn, chromium)
        image = Image.open(drawn).convert("RGBA")
    if image.size != (SIZE, SIZE) or image.getpixel((0, 0))[3] != 0:
        sys.exit(f"make_icons: expected a {SIZE}px image with transparent corners, got {image.size}")
    image.save(HERE / "icon.png", optimize=True)
    image.save(HERE / "icon.ico", sizes=ICO_SIZES)
    image.save(HERE / "icon.icns")
    print(f"make_icons: wrote icon.png, icon.ico and icon.icns in {HERE}")


if __name__ == "__main__":
    main()
