"""The html and svg posters in a real browser: Debian's headless Chromium, driven over the
DevTools protocol (``tests/browser/chromium.py``).

Each poster is loaded from a ``file://`` URL at A3 landscape (1587 x 1123 CSS pixels) and at
phone width (390 x 844): it loads without a console error and without a single request beyond
its own file; every block is on screen, and on a phone within the page's width; the svg's text
stays inside its boxes with the real font; and a canvas full of ``<script>``, ``onerror=`` and
``javascript:`` payloads runs nothing. Screenshots go to pytest's temporary directory.

Needs ``chromium`` (``apt-get install chromium``) and the ``websocket-client`` package (the
test extra). Without them these tests skip, saying so, except under ``CI``, where they fail:
CI must run them.
"""

from __future__ import annotations

import base64
import itertools
import re
import struct
from pathlib import Path
from typing import Any

import pytest

from cmc_core import Canvas
from cmc_core.blueprint import BLOCKS, ZONES
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.testing import INJECTION_MARKER, hostile_canvas, sample_canvases
from cmc_exporters.html import HTML_EXPORTER
from cmc_exporters.svg import SVG_EXPORTER

# The canvas of schema version 2 that the exporter tests use: pytest puts tests/ on the path.
from exporters.schema2 import hostile_schema2_canvas, schema2_canvas

pytestmark = pytest.mark.slow  # drives a real Chromium

A3_LANDSCAPE = (1587, 1123)
PHONE = (390, 844)
BLOCK_KEYS = [block.key.value for block in BLOCKS]


def written(tmp_path: Path, exporter: Exporter, canvas: Canvas, **extras: Any) -> Path:
    path = tmp_path / f"poster{exporter.extension}"
    path.write_bytes(exporter.export_bytes(canvas, ExportOptions(extras=extras)))
    return path


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def open_poster(page: Any, path: Path, size: tuple[int, int]) -> None:
    page.resize(*size, mobile=size == PHONE)
    page.load(path.as_uri())


def assert_loaded_alone_without_errors(page: Any, path: Path) -> None:
    assert page.errors() == []
    assert page.requests() == [path.as_uri()], "the poster asked for something beyond itself"


BLOCK_RECTS = {
    "html": "[...document.querySelectorAll('[data-block]')].map(e => "
    "[e.dataset.block, e.getBoundingClientRect().toJSON()])",
    "svg": "[...document.querySelectorAll('g[id^=\"block-\"]')].map(e => "
    "[e.id.slice(6), e.getBoundingClientRect().toJSON()])",
}


@pytest.mark.parametrize("size", [A3_LANDSCAPE, PHONE], ids=["a3-landscape", "phone"])
@pytest.mark.parametrize("kind", ["html", "svg"])
@pytest.mark.parametrize("name", ["port-logistics", "starter-en"])
def test_every_block_of_the_poster_is_visible_without_errors_or_requests(
    page: Any, tmp_path: Path, name: str, kind: str, size: tuple[int, int]
) -> None:
    exporter = HTML_EXPORTER if kind == "html" else SVG_EXPORTER
    path = written(tmp_path, exporter, sample_canvases()[name])
    open_poster(page, path, size)
    assert_loaded_alone_without_errors(page, path)
    screenshot = page.screenshot(tmp_path / f"{name}-{kind}-{size[0]}x{size[1]}.png")
    assert png_size(screenshot) == size
    rects = dict(page.evaluate(BLOCK_RECTS[kind]))
    assert list(rects) == BLOCK_KEYS
    page_width = page.evaluate("document.documentElement.clientWidth")
    for key, rect in rects.items():
        assert rect["width"] > 0, key
        assert rect["height"] > 0, key
        if size == PHONE:
            assert rect["left"] >= 0, key
            assert rect["right"] <= page_width + 0.5, key
    if size == PHONE:  # nothing sticks out sideways: the page does not scroll horizontally
        assert page.evaluate("document.documentElement.scrollWidth") <= page_width


def zone_rects(page: Any) -> list[dict[str, float]]:
    ids = [f"zone-{zone.key.value}" for zone in ZONES]
    return [
        page.evaluate(f"document.getElementById('{i}').getBoundingClientRect().toJSON()")
        for i in ids
    ]


def test_the_html_poster_is_a_canvas_on_a3_and_a_column_on_a_phone(
    page: Any, tmp_path: Path
) -> None:
    path = written(tmp_path, HTML_EXPORTER, sample_canvases()["regional-healthcare"])
    open_poster(page, path, A3_LANDSCAPE)
    direction, market, organising, change = zone_rects(page)
    assert direction["top"] == market["top"] == organising["top"]
    assert direction["right"] <= market["left"] < market["right"] <= organising["left"]
    assert change["top"] >= max(direction["bottom"], market["bottom"], organising["bottom"])
    open_poster(page, path, PHONE)
    stacked = zone_rects(page)
    assert [rect["left"] for rect in stacked] == [stacked[0]["left"]] * 4
    assert all(a["bottom"] <= b["top"] for a, b in itertools.pairwise(stacked))


#: The lines of text of each block, and of the sources in the side bar, that leave their box.
OVERFLOWING = """[...document.querySelectorAll('g[id^="block-"], g#sources')].flatMap(group => {
    const frame = group.id === 'sources' ? document.querySelector('g#score-card rect')
                                         : group.querySelector('rect');
    const box = frame.getBBox();
    return [...group.querySelectorAll('text')].map(text => [text, text.getBBox()])
      .filter(([, b]) => b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5
                         || b.y < box.y - 0.5 || b.y + b.height > box.y + box.height + 0.5)
      .map(([text]) => group.id + ': ' + text.textContent);
})"""


@pytest.mark.parametrize("name", ["port-logistics", "schema2"])
def test_every_line_of_the_svg_poster_stays_inside_its_block_in_the_real_font(
    page: Any, tmp_path: Path, name: str
) -> None:
    canvas = schema2_canvas() if name == "schema2" else sample_canvases()[name]
    path = written(tmp_path, SVG_EXPORTER, canvas)
    open_poster(page, path, A3_LANDSCAPE)
    if name == "schema2":  # the side bar lists the sources
        assert page.evaluate("document.querySelectorAll('g#sources text').length") > 1
    assert page.evaluate(OVERFLOWING) == []


@pytest.mark.parametrize("size", [A3_LANDSCAPE, PHONE], ids=["a3-landscape", "phone"])
def test_the_html_poster_shows_the_sources_and_the_new_columns_within_the_page(
    page: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    path = written(tmp_path, HTML_EXPORTER, schema2_canvas())
    open_poster(page, path, size)
    assert_loaded_alone_without_errors(page, path)
    page.screenshot(tmp_path / f"schema2-{size[0]}x{size[1]}.png")
    rect = page.evaluate("document.getElementById('sources').getBoundingClientRect().toJSON()")
    assert rect["height"] > 0
    page_width = page.evaluate("document.documentElement.clientWidth")
    assert rect["right"] <= page_width + 0.5
    assert page.evaluate("document.documentElement.scrollWidth") <= page_width


def test_the_html_poster_shows_changes_against_a_previous_version(
    page: Any, tmp_path: Path
) -> None:
    import attrs

    old = sample_canvases()["port-logistics"]
    party = old.parties[3]
    new = old.replace(attrs.evolve(party, name=party.name + " (nieuw)"))
    path = written(tmp_path, HTML_EXPORTER, new, previous=old)
    open_poster(page, path, A3_LANDSCAPE)
    assert_loaded_alone_without_errors(page, path)
    marked = page.evaluate("[...document.querySelectorAll('article.state-changed')].map(e => e.id)")
    assert marked  # the party's blocks
    outline = page.evaluate(f"getComputedStyle(document.getElementById('{marked[0]}')).boxShadow")
    assert outline != "none"
    backgrounds = page.evaluate(
        f"""(() => {{
          const block = document.getElementById('{marked[0]}');
          const line = block.querySelector('li.state-changed');
          return [getComputedStyle(block).backgroundColor, getComputedStyle(line).backgroundColor];
        }})()"""
    )
    assert backgrounds[0] != backgrounds[1], "the changed line stands out in its block"
    page.screenshot(tmp_path / "changes.png")


@pytest.mark.parametrize(
    ("settings", "size_mm"),
    [({}, (420, 297)), ({"paper": "a1"}, (841, 594)), ({"paper": "a0"}, (1189, 841))],
)
def test_the_html_poster_prints_on_the_paper_asked_for(
    page: Any, tmp_path: Path, settings: dict[str, str], size_mm: tuple[int, int]
) -> None:
    path = tmp_path / "poster.html"
    canvas = sample_canvases()["port-logistics"]
    path.write_bytes(HTML_EXPORTER.export_bytes(canvas, ExportOptions(settings=settings)))
    page.load(path.as_uri())
    printed = page.command("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    pdf = base64.b64decode(printed["data"])
    (tmp_path / "poster.pdf").write_bytes(pdf)
    boxes = {tuple(float(n) for n in box.split()) for box in MEDIA_BOX.findall(pdf)}
    expected = tuple(mm * 72 / 25.4 for mm in size_mm)
    assert len(boxes) == 1
    (_, _, width, height) = boxes.pop()
    assert (width, height) == pytest.approx(expected, abs=1.0)


MEDIA_BOX = re.compile(rb"/MediaBox\s*\[([^\]]*)\]")


HOSTILE_DOM = f"""(() => {{
  const all = [...document.querySelectorAll('*')];
  const named = (e, test) => [...e.attributes].filter(test).map(a => e.tagName + ' ' + a.name);
  const marker = '{INJECTION_MARKER}';
  return {{
    scripts: document.querySelectorAll('script').length,
    handlers: all.flatMap(e => named(e, a => a.name.toLowerCase().startsWith('on'))),
    javascript: all.flatMap(e => named(e, a => /^\\s*javascript:/i.test(a.value))),
    injected: all.filter(e => e.tagName.toLowerCase().includes(marker)
                              || named(e, a => a.name.includes(marker)).length).length,
    text: document.documentElement.textContent,
  }};
}})()"""


@pytest.mark.parametrize("size", [A3_LANDSCAPE, PHONE], ids=["a3-landscape", "phone"])
@pytest.mark.parametrize("kind", ["html", "svg"])
@pytest.mark.parametrize("name", ["hostile", "hostile-schema2"])
def test_a_hostile_canvas_runs_nothing_and_shows_its_payloads_as_text(
    page: Any, tmp_path: Path, kind: str, size: tuple[int, int], name: str
) -> None:
    exporter = HTML_EXPORTER if kind == "html" else SVG_EXPORTER
    canvas = hostile_canvas() if name == "hostile" else hostile_schema2_canvas()
    path = written(tmp_path, exporter, canvas)
    open_poster(page, path, size)
    page.screenshot(tmp_path / f"hostile-{kind}.png")
    assert page.dialogs() == []
    assert_loaded_alone_without_errors(page, path)
    dom = page.evaluate(HOSTILE_DOM)
    assert dom["scripts"] == 0
    assert dom["handlers"] == []
    assert dom["javascript"] == []
    assert dom["injected"] == 0
    assert canvas.meta.name in dom["text"]  # the <script> payload, shown as text
