"""Make the screenshots of the how-to "Run a CMC workshop", with headless Chromium.

    python docs/make_workshop_screenshots.py            # all three
    python docs/make_workshop_screenshots.py --check    # only say whether Chromium is there

The scenario of the browser test ``tests/browser/test_workshop_room.py``: a workshop on the
``port-logistics`` example served on 127.0.0.1, three participants (Anouk, Bram, Chen) who
answer the boundary questionnaire in Dutch and disagree on the parent domain. Written to
docs/images, each in a 1280 x 800 window:

- ``workshop-participant.png``: Chen's questionnaire just after saving;
- ``workshop-facilitator.png``: the facilitator's dialogue agenda, the disagreement first;
- ``workshop-poster.png``: the live poster after the facilitator adopted Chen's answer.

Run it again after changing the pages' look and commit the images. Needs Debian's
``chromium`` (or ``CMC_CHROMIUM``), ``websocket-client`` and the plugin with its ``serve``
extra.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

IMAGES = Path(__file__).parent / "images"
ROOT = Path(__file__).resolve().parents[1]
WINDOW = (1280, 800)
QUESTIONNAIRE = "block-boundary"
QUESTION = "boundary-parent-domain"
PEOPLE = (
    ("Anouk", "Rijn-Schelde-delta"),
    ("Bram", "Rijn-Schelde-delta"),
    ("Chen", "Noordzeekanaalgebied en achterland"),
)


def main(argv: list[str] | None = None) -> int:
    """Write the three screenshots into docs/images."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only look for Chromium")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "plugins" / "cmc-workshop" / "src"))
    from browser.chromium import Chromium, find_chromium
    from browser.workshop_pages import LOOPBACK_ONLY, tab
    from browser.workshop_scenario import adopt_button, answer, join, served_workshop

    chromium = find_chromium()
    if chromium is None:
        print("no chromium found: apt-get install chromium", file=sys.stderr)
        return 1
    if args.check:
        print(chromium)
        return 0
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cmc-workshop-") as scratch:
        browser = Chromium(chromium, Path(scratch) / "profile", extra_flags=LOOPBACK_ONLY)
        try:
            with served_workshop(Path(scratch)) as served, tab(browser, size=WINDOW) as page:
                for name, parent_domain in PEOPLE:
                    join(page, served, name, "nl")
                    answer(page, QUESTIONNAIRE, {QUESTION: parent_domain})
                page.evaluate(
                    f"document.querySelector('[data-question=\"{QUESTION}\"]')"
                    ".scrollIntoView({block: 'start'})"
                )
                page.screenshot(IMAGES / "workshop-participant.png")
                page.goto(served.facilitator_url + "?lang=nl")
                page.wait_until("!!document.querySelector('ol#agenda li.agenda-item')")
                page.screenshot(IMAGES / "workshop-facilitator.png")
                with tab(browser, size=WINDOW) as poster:
                    poster.goto(served.url("/poster"))
                    version = poster.wait_until("document.body.dataset.version")
                    page.click_element(adopt_button(QUESTION, PEOPLE[2][1]))
                    poster.wait_until(
                        f"document.body.dataset.version !== {version!r}"
                        " && document.querySelector('iframe#poster') !== null"
                    )
                    time.sleep(0.7)  # let the frame draw the new canvas
                    poster.screenshot(IMAGES / "workshop-poster.png")
        finally:
            browser.close()
    for name in ("participant", "facilitator", "poster"):
        print(f"wrote {IMAGES / f'workshop-{name}.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
