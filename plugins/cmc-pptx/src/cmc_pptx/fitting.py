"""Font sizes computed to fit: how much room text takes in a box, estimated without rendering.

python-pptx has no font metrics, PowerPoint recomputes its "shrink text on overflow" only when
it edits a box itself, and other viewers ignore it, so a generated deck relying on it would open
with text spilling out of its boxes. Every box of the deck therefore gets a font size computed
here, from its text and the size of the box:

* **Width.** A character is :data:`AVERAGE_GLYPH_WIDTH_EM` of the font size wide. Measured over
  the text of the bundled example canvases, the mean advance width (spaces included) is 0.41 em
  in Calibri's metrics (Carlito; 0.42 em bold) and 0.45 em in Arial's (Liberation Sans; 0.48 em
  bold). 0.48 em covers both and leaves Calibri, the deck's font, about a sixth of headroom for
  capitals, digits and bold, so an estimate errs towards a box with room to spare rather than
  one that overflows.
  East Asian wide and full-width characters (CJK, most emoji) count twice; combining marks and
  other zero-width characters count nothing.
* **Wrapping.** Greedy word wrap, as PowerPoint does it: a word that does not fit on the line
  starts the next one; a word longer than a whole line is broken.
* **Height.** ``lines * LINE_SPACING_EM * size`` plus ``PARAGRAPH_GAP_EM * size`` between items.
  The deck sets exactly this line spacing and gap on every paragraph, so the estimate and the
  rendering use the same numbers.
* **Search.** From the clamp's maximum down to its minimum in :data:`SIZE_STEP_PT` steps, the
  first (largest) size at which everything fits wins. Longer text therefore never gets a larger
  size than shorter text in the same box.
* **Overflow.** When not even the minimum fits, whole items are kept while they fit, the next one
  is cut with an ellipsis, and a "+N more" line counts the items left out.

Sizes are in points throughout. This module is pure: no python-pptx, no I/O.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence

import attrs

__all__ = [
    "AVERAGE_GLYPH_WIDTH_EM",
    "ELLIPSIS",
    "LINE_SPACING_EM",
    "PARAGRAPH_GAP_EM",
    "SIZE_STEP_PT",
    "FittedTable",
    "FittedText",
    "FontClamp",
    "cut_to_lines",
    "fit_table",
    "fit_text",
    "line_count",
    "text_height",
]

#: Estimated advance width of an average character, as a fraction of the font size (see above).
AVERAGE_GLYPH_WIDTH_EM = 0.48
#: Distance between the baselines of two lines, as a fraction of the font size.
LINE_SPACING_EM = 1.2
#: Extra space above every item but the first, as a fraction of the font size.
PARAGRAPH_GAP_EM = 0.3
#: The font sizes tried between a clamp's maximum and minimum are this far apart.
SIZE_STEP_PT = 0.5
#: Ends a cut item.
ELLIPSIS = "…"
#: Most lines a table cell keeps when a table does not fit at its minimum size.
MAX_CELL_LINES = 3

_WORDS = re.compile(r"\S+\s*|\s+")
_EPSILON = 1e-6


@attrs.frozen
class FontClamp:
    """The smallest and the largest font size a box may get, in points."""

    minimum: float = attrs.field()
    maximum: float = attrs.field()

    @maximum.validator
    def _check(self, _attribute: attrs.Attribute[float], value: float) -> None:
        if not 0 < self.minimum <= value:
            raise ValueError(f"a font clamp needs 0 < minimum <= maximum, not {self!r}")

    def sizes(self) -> tuple[float, ...]:
        """Every size tried, largest first."""
        steps = round((self.maximum - self.minimum) / SIZE_STEP_PT)
        return tuple(self.maximum - step * SIZE_STEP_PT for step in range(steps + 1))


@attrs.frozen
class FittedText:
    """Text fitted to a box: the size to set and the items to show.

    :param size: the font size in points, within the clamp.
    :param items: what to show: the items that fit (the last one possibly cut with an ellipsis),
        followed by the "+N more" line when items were left out.
    :param hidden: how many items were left out.
    :param cut: whether anything was cut or left out.
    """

    size: float
    items: tuple[str, ...]
    hidden: int = 0
    cut: bool = False


@attrs.frozen
class FittedTable:
    """A table fitted to a box: the size to set, the rows to show and each row's height.

    :param rows: the header row, the rows that fit (cells possibly cut) and, when rows were left
        out, a last row whose first cell is the "+N more" line.
    :param row_heights: the height of each of ``rows`` in points.
    """

    size: float
    rows: tuple[tuple[str, ...], ...]
    row_heights: tuple[float, ...]
    hidden: int = 0
    cut: bool = False


def _char_units(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _units(text: str) -> int:
    """The width of ``text`` in average characters."""
    if text.isascii():  # the common case: every printable ASCII character counts one
        return len(text)
    return sum(_char_units(char) for char in text)


@functools.lru_cache(maxsize=4096)
def _words(paragraph: str) -> tuple[tuple[int, int], ...]:
    """Each word of a paragraph as (width of the word, width of the space after it).

    Cached: the fitting tries one text at many sizes, and widths do not depend on the size.
    """
    return tuple(
        (_units(token.rstrip()), _units(token) - _units(token.rstrip()))
        for token in _WORDS.findall(paragraph)
    )


def _paragraph_lines(paragraph: str, line_units: int) -> int:
    """How many lines one paragraph wraps to, ``line_units`` average characters a line."""
    lines, used = 1, 0
    for width, space in _words(paragraph):
        if used and used + width > line_units:
            lines, used = lines + 1, 0
        broken = max(0, width - 1) // line_units  # a word longer than a line is broken across lines
        lines += broken
        used += width - broken * line_units + space
    return lines


def _line_units(width: float, size: float) -> int:
    return max(1, math.floor(width / (AVERAGE_GLYPH_WIDTH_EM * size) + _EPSILON))


def line_count(item: str, width: float, size: float) -> int:
    """How many lines ``item`` (its own line breaks included) takes in ``width`` points."""
    units = _line_units(width, size)
    return sum(_paragraph_lines(paragraph, units) for paragraph in item.split("\n"))


def text_height(items: Sequence[str], width: float, size: float, limit: float = math.inf) -> float:
    """The height of ``items`` set at ``size`` in a box ``width`` points wide.

    Stops adding once the height passes ``limit``, so that huge texts are cheap to reject.
    """
    height = 0.0
    for index, item in enumerate(items):
        height += line_count(item, width, size) * LINE_SPACING_EM * size
        height += PARAGRAPH_GAP_EM * size if index else 0.0
        if height > limit + _EPSILON:  # past the limit even allowing for rounding: stop
            break
    return height


def cut_to_lines(item: str, lines: int, width: float, size: float) -> str:
    """The longest start of ``item`` that, ended by an ellipsis, takes at most ``lines`` lines."""
    if lines < 1:
        return ""
    low, high = 0, len(item)
    while low < high:  # the number of lines grows with the length: binary search the length
        middle = (low + high + 1) // 2
        if line_count(item[:middle].rstrip() + ELLIPSIS, width, size) <= lines:
            low = middle
        else:
            high = middle - 1
    return item[:low].rstrip() + ELLIPSIS


def _clip(items: Sequence[str], width: float, height: float, smallest: float) -> list[str]:
    """Shorten items far longer than the box could ever show, so that fitting stays fast."""
    visible = _line_units(width, smallest) * (height / (LINE_SPACING_EM * smallest) + 1)
    limit = int(4 * visible) + 64
    return [item if len(item) <= limit else item[:limit] + ELLIPSIS for item in items]


def fit_text(
    items: Sequence[str],
    width: float,
    height: float,
    clamp: FontClamp,
    more: Callable[[int], str],
) -> FittedText:
    """Fit ``items`` (paragraphs, each possibly with line breaks) into a ``width`` x ``height`` box.

    :param more: formats the "+N more" line for N items left out.
    """
    clipped = _clip(items, width, height, clamp.minimum)
    for size in clamp.sizes():
        if text_height(clipped, width, size, limit=height) <= height + _EPSILON:
            return FittedText(size, tuple(clipped), cut=clipped != list(items))
    return _overflow(clipped, width, height, clamp.minimum, more)


def _overflow(
    items: list[str], width: float, height: float, size: float, more: Callable[[int], str]
) -> FittedText:
    line = LINE_SPACING_EM * size
    gap = PARAGRAPH_GAP_EM * size
    more_height = gap + line_count(more(len(items)), width, size) * line
    shown: list[str] = []
    used = 0.0
    hidden = 0
    for index, item in enumerate(items):
        above = gap if shown else 0.0
        remaining = len(items) - index - 1
        reserve = more_height if remaining else 0.0
        item_height = line_count(item, width, size) * line
        if used + above + item_height + reserve <= height + _EPSILON:
            shown.append(item)
            used += above + item_height
            continue
        room_lines = math.floor((height - used - above - reserve) / line + _EPSILON)
        if room_lines >= 1:
            shown.append(cut_to_lines(item, room_lines, width, size))
            hidden = remaining
        else:
            hidden = remaining + 1
        break
    if hidden:
        shown.append(more(hidden))
    return FittedText(size, tuple(shown), hidden=hidden, cut=True)


def _row_height(
    row: Sequence[str], widths: Sequence[float], size: float, padding: tuple[float, float]
) -> float:
    cells = zip(row, widths, strict=True)
    lines = max((line_count(cell, width - padding[0], size) for cell, width in cells), default=1)
    return lines * LINE_SPACING_EM * size + padding[1]


def fit_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    height: float,
    *,
    clamp: FontClamp,
    more: Callable[[int], str],
    padding: tuple[float, float] = (0.0, 0.0),
) -> FittedTable:
    """Fit a table (a header row, then ``rows``) with columns ``widths`` points wide.

    :param padding: the horizontal and the vertical cell margins of a cell, each side added up.
    """
    clipped = [tuple(_clip(row, min(widths), height, clamp.minimum)) for row in rows]
    every = [tuple(header), *clipped]
    for size in clamp.sizes():
        heights: list[float] = []
        for row in every:
            heights.append(_row_height(row, widths, size, padding))
            if sum(heights) > height + _EPSILON:
                break
        else:
            cut = clipped != [tuple(row) for row in rows]
            return FittedTable(size, tuple(every), tuple(heights), cut=cut)
    return _overflow_table(every, widths, height, clamp.minimum, more=more, padding=padding)


def _overflow_table(
    every: list[tuple[str, ...]],
    widths: Sequence[float],
    height: float,
    size: float,
    *,
    more: Callable[[int], str],
    padding: tuple[float, float],
) -> FittedTable:
    def shorten(cell: str, width: float) -> str:
        if line_count(cell, width - padding[0], size) <= MAX_CELL_LINES:
            return cell
        return cut_to_lines(cell, MAX_CELL_LINES, width - padding[0], size)

    rows = [tuple(shorten(c, w) for c, w in zip(row, widths, strict=True)) for row in every]
    more_row = (more(len(rows)), *("" for _ in widths[1:]))
    more_height = _row_height(more_row, widths, size, padding)
    shown = [rows[0]]
    heights = [_row_height(rows[0], widths, size, padding)]
    hidden = 0
    for index, row in enumerate(rows[1:], start=1):
        row_height = _row_height(row, widths, size, padding)
        reserve = more_height if index < len(rows) - 1 else 0.0
        if sum(heights) + row_height + reserve > height + _EPSILON:
            hidden = len(rows) - index
            break
        shown.append(row)
        heights.append(row_height)
    if hidden:
        shown.append((more(hidden), *("" for _ in widths[1:])))
        heights.append(more_height)
    return FittedTable(size, tuple(shown), tuple(heights), hidden=hidden, cut=True)
