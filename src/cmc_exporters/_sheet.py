"""How large the html poster's print text can be so that the canvas fills one sheet.

A printed page cannot run a script (the poster has none, and forbids them), and CSS cannot
shrink text to fit its box. So the fitting is done here, when the page is written: every line of
every block is wrapped with the advance widths of the poster's font
(:mod:`cmc_exporters._measure`) at the widths the print style sheet gives the zones on the
chosen paper, and :func:`print_fit` returns the largest of :data:`FITS` at which the tallest
zone fits the sheet. The print style sheet multiplies its font size by it; every padding and gap
of the print layout is in ``em``, so the whole canvas scales with it.

The measurement is an estimate (the browser may wrap a word differently), with some room to
spare; what still does not fit at the smallest factor is cut off at the zone's edge, and the
zone then shows a note that the full text is in the full report (see ``poster.css``).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from cmc_exporters._document import Document
from cmc_exporters._measure import wrap
from cmc_exporters._paper import Paper
from cmc_exporters.blocks import BlockView, ZoneView

__all__ = ["BASE_PT", "COLUMNS", "FITS", "MARGIN_MM", "Sheet", "print_fit", "sheet_for"]

#: The print font size on A3 in points, before fitting; larger sheets multiply it by
#: :attr:`~cmc_exporters._paper.Paper.scale`.
BASE_PT = 7.5
#: The factors tried, largest first: a sparse canvas gets larger text, a full one smaller.
FITS = (1.6, 1.45, 1.3, 1.2, 1.1, 1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
#: The sheet's margin (``@page`` has none; the body keeps this much from the paper's edge).
MARGIN_MM = 8.0
#: Zone widths in the print grid, in fractions (``grid-template-columns``), and their block
#: columns: direction, market, organising and change side by side.
COLUMNS: dict[str, tuple[int, int]] = {
    "direction": (1, 1),
    "market": (2, 2),
    "organising": (1, 1),
    "change": (1, 1),
}
# The print style sheet's measures, in em of the body font (poster.css, @media print).
_GAP = 0.6  # between zones and between blocks
_ZONE_PAD = 0.6
_ZONE_HEAD = 1.0 * 1.3 + 0.4  # zone heading and its margin
_BLOCK_PAD = 0.4  # top and bottom (sides: _BLOCK_SIDE)
_BLOCK_SIDE = 0.6
_TITLE = 0.92  # block heading size
_ITEM = 0.82  # block line size
_LINE = 1.3  # line height
_INDENT = 1.1 * _ITEM  # the list's indent
_ITEM_GAP = 0.2 * _ITEM
#: Header (title, facts, summary) and footer, in em, on top of the description's lines.
_HEADER = 1.7 * 1.2 + 0.3 + 2 * 0.9 * _LINE + 0.8 + 1.2
_FOOTER = 0.85 * _LINE + 0.6
#: Room kept free for wrapping that differs from the estimate.
_SPARE = 0.93
_PT_PER_MM = 72 / 25.4


def _lines(text: str, width: float, size: float, bold: bool = False) -> int:
    return sum(max(len(wrap(part, width, size, bold)), 1) for part in text.split("\n"))


def _block_height(block: BlockView, width: float, em: float, empty: str) -> float:
    """The block's height in points at a body font of ``em`` points, ``width`` wide; ``empty``
    is the line an empty block shows above its questions, in the poster's language."""
    inner = width - 2 * _BLOCK_SIDE * em
    title = _lines(f"{block.code} {block.label}", inner, _TITLE * em, bold=True)
    height = 2 * _BLOCK_PAD * em + title * _TITLE * em * _LINE + 0.3 * em
    texts: Iterable[str]
    if block.is_empty:
        texts = (empty, *block.questions)
    else:
        texts = (f"{item.label}: {item.text}" if item.label else item.text for item in block.items)
    for text in texts:
        count = _lines(text, inner - _INDENT * em, _ITEM * em)
        height += count * _ITEM * em * _LINE + _ITEM_GAP * em
    return height


def _zone_height(zone: ZoneView, width: float, columns: int, em: float, empty: str) -> float:
    inner = width - 2 * _ZONE_PAD * em
    cell = (inner - (columns - 1) * _GAP * em) / columns
    rows = [zone.blocks[i : i + columns] for i in range(0, len(zone.blocks), columns)]
    blocks = sum(max(_block_height(block, cell, em, empty) for block in row) for row in rows)
    return 2 * _ZONE_PAD * em + _ZONE_HEAD * em + blocks + (len(rows) - 1) * _GAP * em


def _fits(doc: Document, paper: Paper, em: float) -> bool:
    width_mm, height_mm = paper.size_mm
    width = (width_mm - 2 * MARGIN_MM) * _PT_PER_MM
    height = (height_mm - 2 * MARGIN_MM) * _PT_PER_MM * _SPARE
    description = min(_lines(doc.description, width, em), 3) if doc.description else 0
    room = height - (_HEADER + description * _LINE + _FOOTER) * em
    units = sum(fraction for fraction, _ in COLUMNS.values())
    unit = (width - (len(COLUMNS) - 1) * _GAP * em) / units
    empty = f"{doc.w['empty']} {doc.w['questions']}:"  # as poster.html writes it
    return all(
        _zone_height(zone, unit * COLUMNS[zone.key][0], COLUMNS[zone.key][1], em, empty) <= room
        for zone in doc.zones
    )


def print_fit(doc: Document, paper: Paper) -> float:
    """The largest factor of :data:`FITS` at which the canvas fits one sheet of ``paper``
    (the smallest when none does: the print style sheet cuts off the rest)."""
    for fit in FITS:
        if _fits(doc, paper, BASE_PT * paper.scale * fit):
            return fit
    return FITS[-1]


@attrs.frozen
class Sheet:
    """What the print style sheet needs: the sheet's size and margin in millimetres and the
    fitted body font in points."""

    width: float
    height: float
    margin: float
    font_pt: float


def sheet_for(doc: Document, paper: Paper) -> Sheet:
    """The print measures of ``doc`` on ``paper``: its font fitted by :func:`print_fit`.

    The page box is a fraction of a millimetre shorter than the paper, so that rounding in the
    browser never pushes an empty second page out.
    """
    width, height = paper.size_mm
    font = round(BASE_PT * paper.scale * print_fit(doc, paper), 2)
    return Sheet(width - 0.5, height - 0.5, MARGIN_MM, font)
