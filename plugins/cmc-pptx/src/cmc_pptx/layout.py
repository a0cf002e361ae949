"""Where every box of the deck goes, in points on a 16:9 slide (960 x 540 pt, 13.33 x 7.5 in).

The overview slide is laid out like the canvas: the demand side (zone A) on the left, the market
as the hinge (zone B, two columns) in the middle, the supply side (zone C) on the right, and
change (zone D) as a strip along the bottom. A zone slide puts its blocks in a grid of one row
(up to three blocks) or two rows. Pure geometry: no python-pptx here.
"""

from __future__ import annotations

import math

import attrs
from cmc_core.blueprint import ZoneKey

__all__ = [
    "FOOTER",
    "GAP",
    "SLIDE_HEIGHT",
    "SLIDE_WIDTH",
    "TITLE",
    "Box",
    "ZoneArea",
    "overview_areas",
    "zone_cells",
]

SLIDE_WIDTH = 960.0
SLIDE_HEIGHT = 540.0
MARGIN = 18.0
#: Space between neighbouring boxes.
GAP = 6.0
#: Height of a zone's header strip on the overview.
ZONE_HEADER_HEIGHT = 16.0
#: Height of the bottom strip that holds zone D on the overview.
CHANGE_STRIP_HEIGHT = 92.0


@attrs.frozen
class Box:
    """A rectangle on a slide, in points from the top left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def split_top(self, height: float, gap: float = 0.0) -> tuple[Box, Box]:
        """This box cut in two: a strip ``height`` high at the top, and the rest below ``gap``."""
        top = Box(self.left, self.top, self.width, height)
        rest = Box(self.left, self.top + height + gap, self.width, self.height - height - gap)
        return top, rest


TITLE = Box(MARGIN, 10.0, SLIDE_WIDTH - 2 * MARGIN, 40.0)
FOOTER = Box(MARGIN, SLIDE_HEIGHT - 8.0 - 28.0, SLIDE_WIDTH - 2 * MARGIN, 28.0)
_BODY_TOP = TITLE.bottom + GAP
BODY = Box(MARGIN, _BODY_TOP, SLIDE_WIDTH - 2 * MARGIN, FOOTER.top - GAP - _BODY_TOP)


def grid(area: Box, count: int, columns: int, *, column_major: bool = False) -> list[Box]:
    """``count`` equal cells filling ``area`` in ``columns`` columns, ``GAP`` apart."""
    rows = max(1, math.ceil(count / columns))
    width = (area.width - (columns - 1) * GAP) / columns
    height = (area.height - (rows - 1) * GAP) / rows
    cells = []
    for index in range(count):
        row, column = (index % rows, index // rows) if column_major else divmod(index, columns)
        left = area.left + column * (width + GAP)
        cells.append(Box(left, area.top + row * (height + GAP), width, height))
    return cells


@attrs.frozen
class ZoneArea:
    """Where a zone goes on the overview: its header strip and one cell per block."""

    header: Box
    cells: tuple[Box, ...]


def overview_areas(block_counts: dict[ZoneKey, int]) -> dict[ZoneKey, ZoneArea]:
    """The overview's zones, each with room for its number of blocks."""
    main, change = BODY.split_top(BODY.height - CHANGE_STRIP_HEIGHT - GAP, GAP)
    column = (main.width - 3 * GAP) / 4
    spans = {  # zone: (first of four columns, columns wide)
        ZoneKey.DIRECTION: (0, 1),
        ZoneKey.MARKET: (1, 2),
        ZoneKey.ORGANISING: (3, 1),
    }
    areas: dict[ZoneKey, ZoneArea] = {}
    for zone, count in block_counts.items():
        if zone in spans:
            first, wide = spans[zone]
            width = wide * column + (wide - 1) * GAP
            area = Box(main.left + first * (column + GAP), main.top, width, main.height)
            columns = wide
        else:
            area, columns = change, max(1, count)
        header, cells = area.split_top(ZONE_HEADER_HEIGHT, GAP / 2)
        placed = grid(cells, count, columns, column_major=True) if count else []
        areas[zone] = ZoneArea(header, tuple(placed))
    return areas


def zone_cells(count: int) -> list[Box]:
    """The cells of a zone slide: one row for up to three blocks, else two rows."""
    rows = 1 if count <= 3 else 2
    return grid(BODY, count, max(1, math.ceil(count / rows)))
