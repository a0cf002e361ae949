"""Measuring and wrapping text for SVG, which lays out nothing by itself.

An SVG ``<text>`` element never wraps, so the svg exporter breaks text into lines and picks a
font size itself. Widths come from the advance widths of DejaVu Sans (measured once, in
thousandths of an em, for the Latin characters below U+0180), the widest of the common sans
fonts; the poster names it first and falls back to Verdana, Arial and Helvetica, which are no
wider, so text measured here fits in any of them. Characters outside the table are estimated
by kind: wide East Asian characters and emoji a full em, combining and invisible characters
nothing, anything else 0.65 em. Bold text is taken as 10 % wider.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["FittedText", "fit_line", "fit_paragraphs", "text_width", "wrap"]

# Advance widths of DejaVu Sans in 1/1000 em: U+0020-U+007E, then U+00A0-U+017F.
# fmt: off
_ASCII = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
    770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
    684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
    525, 636, 337, 636, 838,
)
_LATIN = (
    318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 0, 1000, 500, 500, 838,
    401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531, 684, 684, 684, 684,
    684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775, 748, 787, 787, 787, 787,
    787, 838, 787, 732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550,
    615, 615, 615, 615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634,
    634, 634, 634, 592, 635, 592, 684, 613, 684, 613, 684, 613, 698, 550, 698, 550, 698, 550,
    698, 550, 770, 635, 775, 635, 632, 615, 632, 615, 632, 615, 632, 615, 632, 615, 775, 635,
    775, 635, 775, 635, 775, 635, 752, 634, 916, 695, 295, 278, 295, 278, 295, 278, 295, 278,
    295, 278, 590, 556, 295, 278, 656, 579, 579, 557, 278, 557, 278, 557, 375, 557, 342, 562,
    284, 748, 634, 748, 634, 748, 634, 813, 748, 634, 787, 612, 787, 612, 787, 612, 1070, 1023,
    695, 411, 695, 411, 695, 411, 635, 521, 635, 521, 635, 521, 635, 521, 611, 392, 611, 392,
    611, 392, 732, 634, 732, 634, 732, 634, 732, 634, 732, 634, 732, 634, 989, 818, 611, 592,
    611, 685, 525, 685, 525, 685, 525, 352,
)
# fmt: on
_BOLD = 1.1
_ELLIPSIS = "…"
#: The no-break spaces, which :func:`wrap` keeps inside a word, and the other white space.
_NO_BREAK_SPACES = "\u00a0\u2007\u202f"
_NO_BREAKS = re.compile(f"[{_NO_BREAK_SPACES}]")
_BREAKS = re.compile(f"[^\\S{_NO_BREAK_SPACES}]+")


@functools.lru_cache(maxsize=4096)
def _advance(char: str) -> float:
    """The advance width of one character in em."""
    code = ord(char)
    if 0x20 <= code <= 0x7E:
        return _ASCII[code - 0x20] / 1000
    if 0xA0 <= code <= 0x17F:
        return _LATIN[code - 0xA0] / 1000
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F") or unicodedata.category(char) == "So":
        return 1.0
    return 0.65


@functools.lru_cache(maxsize=65536)
def _em_width(text: str) -> float:
    """The width of ``text`` in em; cached, as wrapping measures the same words again and again
    (each size tried, each repeated name)."""
    return sum(map(_advance, text))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` on one line at font size ``size`` (in the same unit)."""
    width = _em_width(text) * size
    return width * _BOLD if bold else width


def _split_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word too long for a line, cut into pieces that fit."""
    pieces, current, used = [], "", 0.0
    for char in word:
        advance = _advance(char) * size * (_BOLD if bold else 1.0)
        if current and used + advance > width:
            pieces.append(current)
            current, used = "", 0.0
        current += char
        used += advance
    if current:
        pieces.append(current)
    if _NO_BREAKS.search(word):  # a cut at a tie: no line starts or ends with the space
        pieces = [piece for piece in (p.strip(_NO_BREAK_SPACES) for p in pieces) if piece]
    return pieces


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at font size ``size``.

    Breaks at spaces, never at a no-break space (U+00A0, U+2007, U+202F), which ties two words
    together as one (a number and its unit, ``60 %``; a label and what it says); a word
    wider than a line is cut between characters, a no-break space at a cut dropped. Line breaks
    and runs of white space in ``text`` count as one space.
    """
    lines: list[str] = []
    current = ""
    space = text_width(" ", size, bold)
    used = 0.0
    em_width = _em_width  # text_width inlined: this loop runs for every word of every block
    if _NO_BREAKS.search(text):
        words = [word for word in _BREAKS.split(text) if word]
    else:
        words = text.split()
    for word in words:
        word_width = em_width(word) * size
        if bold:
            word_width *= _BOLD
        if current and used + space + word_width <= width:
            current += " " + word
            used += space + word_width
            continue
        if current:
            lines.append(current)
        if word_width <= width:
            current, used = word, word_width
        else:
            *full, current = _split_word(word, width, size, bold)
            lines.extend(full)
            used = text_width(current, size, bold)
    if current:
        lines.append(current)
    return lines


def fit_line(
    text: str, width: float, sizes: Sequence[float], bold: bool = False
) -> tuple[str, float]:
    """``text`` on one line of at most ``width``: at the largest of ``sizes`` that fits, else at
    the smallest, cut with an ellipsis."""
    for size in sizes:
        if text_width(text, size, bold) <= width:
            return text, size
    size = sizes[-1]
    kept = text
    while kept and text_width(kept + _ELLIPSIS, size, bold) > width:
        kept = kept[:-1]
    return kept.rstrip() + _ELLIPSIS, size


@attrs.frozen
class FittedText:
    """Paragraphs laid out in a box: the font size, the lines of each paragraph, and how many
    paragraphs did not fit (left out at the end; the last line then says so)."""

    size: float
    paragraphs: tuple[tuple[str, ...], ...]
    left_out: int = 0

    @property
    def line_count(self) -> int:
        """How many lines the laid-out paragraphs take."""
        return sum(len(lines) for lines in self.paragraphs)


def _lay_out(
    paragraphs: Sequence[str], width: float, size: float, capacity: int
) -> tuple[list[tuple[str, ...]], int]:
    """Wrap paragraphs until ``capacity`` lines are used; return them and how many fit."""
    laid: list[tuple[str, ...]] = []
    used = 0
    for paragraph in paragraphs:
        lines = tuple(wrap(paragraph, width, size)) or ("",)
        if used + len(lines) > capacity:
            break
        laid.append(lines)
        used += len(lines)
    return laid, len(laid)


def fit_paragraphs(
    paragraphs: Sequence[str],
    width: float,
    height: float,
    sizes: Iterable[float],
    *,
    line_height: float = 1.25,
    more: str = "+{count}",
) -> FittedText:
    """Lay out ``paragraphs`` in a ``width`` x ``height`` box at the largest size that fits.

    Sizes are tried from the first (largest) to the last. When even the last leaves some out,
    the paragraphs that fit are kept, the last of them cut to make room, and a final line says
    how many were left out (``more`` with ``{count}`` filled in, ended by an ellipsis).
    """
    chosen = list(sizes)
    for size in chosen:
        capacity = int(height // (size * line_height))
        laid, fitted = _lay_out(paragraphs, width, size, capacity)
        if fitted == len(paragraphs):
            return FittedText(size, tuple(laid))
    size = chosen[-1]
    capacity = max(int(height // (size * line_height)), 1)
    laid, fitted = _lay_out(paragraphs, width, size, capacity - 1)
    if not laid and paragraphs:  # not even one paragraph fits: show the start of the first
        first = wrap(paragraphs[0], width, size)[: max(capacity - 1, 0)]
        laid, fitted = ([tuple(first)] if first else []), 0
    left_out = len(paragraphs) - fitted
    note = f"{_ELLIPSIS} {more.format(count=left_out)}"
    return FittedText(size, (*laid, (note,)), left_out)
