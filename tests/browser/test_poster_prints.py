"""The html poster printed in a real Chromium: one sheet at A3, A2, A1 and A0, four zones side by
side, and a canvas too long for the sheet cut with a visible note instead of a second page.

Printing is ``Page.printToPDF`` with the page's own CSS paper size, as a person printing the
page gets it; the pages are counted in the PDF. The layout is read with print media emulated
on a window as large as the sheet. Needs ``chromium``; under ``CI`` a missing one fails.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import attrs
import pytest

from cmc_core import Canvas
from cmc_core.blueprint import ZONES
from cmc_core.exporting import ExportOptions
from cmc_core.testing import sample_canvases
from cmc_exporters._document import build_document
from cmc_exporters._paper import PAPER_SIZES, Paper
from cmc_exporters._sheet import BASE_PT, FITS, sheet_for
from cmc_exporters.html import HTML_EXPORTER

from .test_poster_in_chromium import MEDIA_BOX

pytestmark = pytest.mark.slow  # drives a real Chromium

ZONE_IDS = [f"zone-{zone.key.value}" for zone in ZONES]


@pytest.fixture(scope="module")
def port() -> Canvas:
    return sample_canvases()["port-logistics"]  # src/cmc_core/examples/port-logistics.cmc.yaml


def long_canvas(canvas: Canvas, times: int = 15) -> Canvas:
    """``canvas`` with every development and resistance ``times`` over: far more text than
    the change zone holds on any sheet."""
    return attrs.evolve(
        canvas,
        developments=tuple(
            attrs.evolve(item, id=f"{item.id}-{n}")
            for n in range(times)
            for item in canvas.developments
        ),
        resistances=tuple(
            attrs.evolve(item, id=f"{item.id}-{n}")
            for n in range(times)
            for item in canvas.resistances
        ),
    )


def printed(page: Any, tmp_path: Path, canvas: Canvas, paper: str) -> bytes:
    from .chromium import pdf_pages

    path = tmp_path / f"poster-{paper}.html"
    options = ExportOptions(settings={"paper": paper})
    path.write_bytes(HTML_EXPORTER.export_bytes(canvas, options))
    page.load(path.as_uri())
    pdf: bytes = page.print_to_pdf()
    (tmp_path / f"poster-{paper}.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) >= 1
    return pdf


def zone_rects(page: Any) -> list[dict[str, float]]:
    return [
        page.evaluate(f"document.getElementById('{i}').getBoundingClientRect().toJSON()")
        for i in ZONE_IDS
    ]


#: For each zone, whether its "continued" note is what shows at the note's middle (not the
#: cover that hides it while the blocks end above it).
NOTES_SHOWN = """[...document.querySelectorAll('.zone')].map(zone => {
  const note = zone.querySelector('.continued').getBoundingClientRect();
  const there = document.elementFromPoint(note.left + note.width / 2, note.top + note.height / 2);
  return [zone.id, zone.querySelector('.continued').contains(there)];
})"""


@pytest.mark.parametrize("paper", list(PAPER_SIZES))
def test_the_port_poster_prints_on_one_sheet_with_the_four_zones_side_by_side(
    page: Any, tmp_path: Path, port: Canvas, paper: str
) -> None:
    from .chromium import pdf_pages

    pdf = printed(page, tmp_path, port, paper)
    assert pdf_pages(pdf) == 1
    width, height = (mm * 72 / 25.4 for mm in PAPER_SIZES[paper])
    (box,) = {tuple(float(n) for n in found.split()) for found in MEDIA_BOX.findall(pdf)}
    assert box[2:] == pytest.approx((width, height), abs=1.0)

    page.emulate_print(PAPER_SIZES[paper])
    page.load((tmp_path / f"poster-{paper}.html").as_uri())
    page.screenshot(tmp_path / f"poster-{paper}.png")
    rects = zone_rects(page)
    lefts = [rect["left"] for rect in rects]
    assert lefts == sorted(lefts), "the zones stand side by side, in order"
    assert len(set(lefts)) == 4
    for before, after in itertools.pairwise(rects):
        assert before["right"] <= after["left"]
        assert before["top"] < after["bottom"]
        assert after["top"] < before["bottom"]
    sheet_width = PAPER_SIZES[paper][0] * 96 / 25.4
    assert rects[-1]["right"] <= sheet_width
    assert rects[1]["width"] > 1.5 * rects[0]["width"], "the market zone is the widest"
    # the whole canvas fits: no zone is cut, so no note shows
    assert dict(page.evaluate(NOTES_SHOWN)) == dict.fromkeys(ZONE_IDS, False)
    # what the screen shows besides the canvas (tables, navigation) is left off the sheet
    assert page.evaluate("getComputedStyle(document.getElementById('flows')).display") == "none"


@pytest.mark.parametrize("paper", ["a3", "a1"])
def test_a_canvas_too_long_for_the_sheet_is_cut_with_a_note_not_printed_on_two_pages(
    page: Any, tmp_path: Path, port: Canvas, paper: str
) -> None:
    from .chromium import pdf_pages

    pdf = printed(page, tmp_path, long_canvas(port), paper)
    assert pdf_pages(pdf) == 1
    page.emulate_print(PAPER_SIZES[paper])
    page.load((tmp_path / f"poster-{paper}.html").as_uri())
    page.screenshot(tmp_path / f"long-{paper}.png")
    shown = dict(page.evaluate(NOTES_SHOWN))
    assert shown["zone-change"] is True, "the cut zone says where the rest is"
    assert shown["zone-organising"] is False
    note = page.evaluate("document.querySelector('#zone-change .continued').textContent")
    assert "volledige tekst" in note  # the port example is Dutch
    # the text shrank to the smallest size before it was cut; the example's is larger
    assert _body_pt(long_canvas(port), paper) == pytest.approx(
        BASE_PT * scale(paper) * FITS[-1], abs=0.01
    )
    assert _body_pt(port, paper) > _body_pt(long_canvas(port), paper)
    body = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(body.removesuffix("px")) == pytest.approx(
        _body_pt(long_canvas(port), paper) * 96 / 72, abs=0.05
    )


def scale(paper: str) -> float:
    return Paper(paper).scale


def _body_pt(canvas: Canvas, paper: str) -> float:
    """The print font of ``canvas`` on ``paper`` in points, as the page declares it."""
    return sheet_for(build_document(canvas, ExportOptions()), Paper(paper)).font_pt


def test_the_screen_layout_is_unchanged_by_the_print_style(
    page: Any, tmp_path: Path, port: Canvas
) -> None:
    path = tmp_path / "poster.html"
    path.write_bytes(HTML_EXPORTER.export_bytes(port))
    page.resize(1587, 1123)
    page.load(path.as_uri())
    direction, market, organising, change = zone_rects(page)
    assert direction["top"] == market["top"] == organising["top"]
    assert change["top"] >= max(direction["bottom"], market["bottom"], organising["bottom"])
    assert page.evaluate("getComputedStyle(document.querySelector('.continued')).display") == (
        "none"
    )
