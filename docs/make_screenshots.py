"""Make the screenshots in docs/images from the bundled examples, with headless Chromium.

    python docs/make_screenshots.py            # all of them
    python docs/make_screenshots.py --check    # only say whether Chromium is there

``poster-port-logistics.png`` is the html poster of the ``port-logistics`` example (in its own
language, Dutch) in an A3-landscape window (1587 x 1123 CSS pixels), the first screen a
workshop sees. ``poster-print-a3.png`` and ``poster-print-a1.png`` are the same poster as it
prints on one sheet of A3 and of A1 (print media emulated on a window as large as the sheet,
through the DevTools protocol of the browser tests, ``tests/browser/chromium.py``; the image is
1600 pixels wide). Run it again after changing the poster's look and commit the images. Needs
Debian's ``chromium`` (or ``CMC_CHROMIUM`` naming another binary) and ``websocket-client``.
"""

from __future__ import annotations

import argparse
import base64
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cmc_core.exporting import ExportOptions
from cmc_core.testing import sample_canvases
from cmc_exporters.html import HTML_EXPORTER
from cmc_exporters.pdf import FLAGS as PRINT_FLAGS

IMAGES = Path(__file__).parent / "images"
WINDOW = (1587, 1123)
#: The printed sheets shown, with their size in millimetres (landscape).
SHEETS = {"a3": (420, 297), "a1": (841, 594)}
#: The width of a printed sheet's image in pixels.
PRINT_WIDTH = 1600
FLAGS = PRINT_FLAGS


def screenshot(chromium: str, page: Path, target: Path, window: tuple[int, int]) -> None:
    """A PNG of ``page`` in a window of ``window`` CSS pixels, written to ``target``."""
    with tempfile.TemporaryDirectory(prefix="cmc-chromium-") as profile:
        subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={window[0]},{window[1]}",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )


def printed_sheets(chromium: str, scratch: Path) -> list[Path]:
    """PNGs of the port example's poster as printed on each of :data:`SHEETS`."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from browser.chromium import Chromium

    canvas = sample_canvases()["port-logistics"]
    written = []
    browser = Chromium(chromium, scratch / "profile")
    try:
        page = browser.new_page()
        for paper, size_mm in SHEETS.items():
            poster = scratch / f"poster-{paper}.html"
            options = ExportOptions(settings={"paper": paper})
            poster.write_bytes(HTML_EXPORTER.export_bytes(canvas, options))
            width, height = (round(mm * 96 / 25.4) for mm in size_mm)
            page.command("Emulation.setEmulatedMedia", {"media": "print"})
            page.command(
                "Emulation.setDeviceMetricsOverride",
                {
                    "width": width,
                    "height": height,
                    "screenWidth": width,
                    "screenHeight": height,
                    "deviceScaleFactor": PRINT_WIDTH / width,
                    "mobile": False,
                },
            )
            page.load(poster.as_uri())
            shot = page.command("Page.captureScreenshot", {"format": "png"})
            target = IMAGES / f"poster-print-{paper}.png"
            target.write_bytes(base64.b64decode(shot["data"]))
            written.append(target)
    finally:
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Write every screenshot into docs/images."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only look for Chromium")
    args = parser.parse_args(argv)
    chromium = os.environ.get("CMC_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("no chromium found: apt-get install chromium", file=sys.stderr)
        return 1
    if args.check:
        print(chromium)
        return 0
    IMAGES.mkdir(exist_ok=True)
    canvas = sample_canvases()["port-logistics"]
    with tempfile.TemporaryDirectory(prefix="cmc-poster-") as scratch:
        page = Path(scratch) / "poster.html"
        page.write_bytes(HTML_EXPORTER.export_bytes(canvas, ExportOptions()))
        target = IMAGES / "poster-port-logistics.png"
        screenshot(chromium, page, target, WINDOW)
        print(f"wrote {target}")
        for sheet in printed_sheets(chromium, Path(scratch)):
            print(f"wrote {sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
