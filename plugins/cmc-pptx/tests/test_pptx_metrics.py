"""With real font metrics, every box of a deck holds its text: the estimate leaves room to spare.

The fitting estimates text width from an average glyph width (:mod:`cmc_pptx.fitting`). This
test measures the text instead, with Carlito, a font metric-compatible with Calibri (the deck's
font), wraps it the way PowerPoint does, and checks that no text box, title or table cell
overflows. It is skipped where Carlito is not installed (Debian: fonts-crosextra-carlito).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from cmc_core.exporting import ExportOptions
from cmc_core.testing import SAMPLE_NAMES, sample_canvas
from cmc_core.vocabulary import Language
from PIL import ImageFont
from pptx import Presentation
from pptx.text.text import TextFrame
from pptx.util import Length

from cmc_pptx import EXPORTER

FONT_DIRECTORIES = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"))
MEASURING_SIZE = 100  # measure at 100 px and scale: a font object per weight serves every size


def _carlito(style: str) -> Path | None:
    for directory in FONT_DIRECTORIES:
        found = sorted(Path(directory).glob(f"**/Carlito-{style}.ttf"))
        if found:
            return found[0]
    return None


REGULAR, BOLD = _carlito("Regular"), _carlito("Bold")
pytestmark = [
    pytest.mark.slow,  # measures every box of every deck with real font metrics
    pytest.mark.skipif(
        REGULAR is None or BOLD is None,
        reason="the Carlito font (Calibri's metrics) is not installed",
    ),
]


class Measure:
    """Widths of text in points, as Calibri sets it."""

    def __init__(self) -> None:
        assert REGULAR is not None
        assert BOLD is not None
        self.fonts = {
            False: ImageFont.truetype(str(REGULAR), MEASURING_SIZE),
            True: ImageFont.truetype(str(BOLD), MEASURING_SIZE),
        }

    def width(self, text: str, size: float, bold: bool) -> float:
        return self.fonts[bold].getlength(text) * size / MEASURING_SIZE

    def lines(self, text: str, width: float, size: float, bold: bool) -> int:
        """Lines of a greedy word wrap; a word wider than the line is broken."""
        count, line = 1, ""
        for word in text.split(" "):
            candidate = f"{line} {word}" if line else word
            if self.width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                count, line = count + 1, ""
            rest = word
            while self.width(rest, size, bold) > width and len(rest) > 1:
                cut = len(rest)
                while cut > 1 and self.width(rest[:cut], size, bold) > width:
                    cut -= 1
                count, rest = count + 1, rest[cut:]
            line = rest
        return count


def _points(length: Length | None) -> float:
    return 0.0 if length is None else float(length.pt)


def _boxes(output: bytes) -> Iterator[tuple[str, TextFrame, float, float]]:
    """(where, text frame, inner width, inner height) for every box and table cell."""
    deck = Presentation(io.BytesIO(output))
    for number, slide in enumerate(deck.slides):
        for shape in slide.shapes:
            if shape.has_table:
                table = shape.table
                for row in table.rows:
                    for index, cell in enumerate(row.cells):
                        width = _points(table.columns[index].width)
                        width -= _points(cell.margin_left) + _points(cell.margin_right)
                        height = _points(row.height)
                        height -= _points(cell.margin_top) + _points(cell.margin_bottom)
                        yield f"slide {number} table", cell.text_frame, width, height
            elif shape.has_text_frame:
                frame = shape.text_frame
                width = _points(shape.width) - _points(frame.margin_left)
                width -= _points(frame.margin_right)
                height = _points(shape.height) - _points(frame.margin_top)
                height -= _points(frame.margin_bottom)
                yield f"slide {number} {shape.name}", frame, width, height


@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_no_box_overflows_when_measured_with_calibri_metrics(name: str, language: Language) -> None:
    measure = Measure()
    output = EXPORTER.export_bytes(sample_canvas(name), ExportOptions(language=language))
    overflowing = []
    for where, frame, width, height in _boxes(output):
        used = 0.0
        for paragraph in frame.paragraphs:
            run = paragraph.runs[0] if paragraph.runs else None
            size = _points(run.font.size) if run else _points(paragraph.font.size)
            bold = bool(run.font.bold) if run else False
            lines = measure.lines(paragraph.text, width, size, bold)
            used += _points(paragraph.space_before) + lines * _points(paragraph.line_spacing)
        if used > height + 0.01:
            overflowing.append(f"{where}: {frame.text[:40]!r} needs {used:.1f} of {height:.1f} pt")
    assert not overflowing, "\n".join(overflowing)
