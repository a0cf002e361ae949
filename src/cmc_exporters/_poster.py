"""The svg poster's layout: every box and every line of text, placed in Python.

The page is A3-sized in SVG units (96 per inch; the paper setting only scales it). Landscape:
a header, the canvas (direction, market and organising side by side, change below, as on the
html page) and a side bar with the score card's radar chart, the scores, the validation
counts and, as far as they fit, the canvas's sources; portrait puts the side bar under the
canvas. Each block's text is wrapped to the block's width and set in the largest size at
which it fits (:mod:`cmc_exporters._measure`); what does not fit even at the smallest size is
cut, with a last line saying how many lines were left out (the markdown and html exports have
them all). The sources are fitted the same way into what the side bar has left.
"""

from __future__ import annotations

import re

import attrs

from cmc_core.diagnostics import Severity
from cmc_exporters import palette
from cmc_exporters._citations import SourceRow
from cmc_exporters._document import Document
from cmc_exporters._measure import fit_line, fit_paragraphs, text_width, wrap
from cmc_exporters._radar import RadarChart, radar_chart
from cmc_exporters._words import severity_heading
from cmc_exporters.blocks import BlockView, ZoneView

__all__ = ["Area", "Box", "Group", "Line", "Poster", "lay_out_poster"]

#: The poster's size in SVG units: A3 at 96 units per inch, landscape.
A3_UNITS = (1587.4, 1122.5)
_MARGIN = 20.0
_GAP = 8.0
_PAD = 6.0
_BODY_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
_SOURCE_SIZES = (8.0, 7.0, 6.0, 5.0)
_HEADING_SIZE = 13.0
_TITLE_SIZE = 10.5
_ZONE_TITLE = 12.0
_ZONE_SIZES = (12.0, 11.0, 10.0, 9.0, 8.0)
_LINE_HEIGHT = 1.25
_INK, _MUTED = palette.INK, palette.MUTED
#: Each zone's light and dark colour, from the one palette (:mod:`cmc_exporters.palette`).
ZONE_COLOURS = {key: (colours.fill, colours.edge) for key, colours in palette.ZONES.items()}
_BAND_COLOURS = dict(palette.BANDS)


@attrs.frozen
class Box:
    """A rectangle."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str
    stroke_width: float = 1.0
    radius: float = 4.0


@attrs.frozen
class Line:
    """One line of text at (x, y), its baseline; ``head`` is drawn in ``head_fill`` first."""

    x: float
    y: float
    size: float
    text: str
    fill: str = _INK
    bold: bool = False
    head: str = ""
    head_fill: str = _INK
    anchor: str = "start"


@attrs.frozen
class Group:
    """The boxes and lines of one part of the poster, such as a block; ``key`` becomes the
    group's id (``block-vision``, ``zone-market``), generated here, never from user text."""

    key: str
    boxes: tuple[Box, ...]
    lines: tuple[Line, ...]


@attrs.frozen
class Poster:
    """The whole poster: its size, its groups of boxes and lines, and the radar chart with its
    placement."""

    width: float
    height: float
    groups: tuple[Group, ...]
    chart: RadarChart | None
    chart_x: float
    chart_y: float
    chart_scale: float


def _r(value: float) -> float:
    return round(value, 1) + 0.0


@attrs.frozen
class Area:
    """A rectangle to lay something out in: top-left corner, width and height."""

    x: float
    y: float
    width: float
    height: float

    @property
    def inner_width(self) -> float:
        """The width left for text inside the padding."""
        return self.width - 2 * _PAD


class _Page:
    """Collects boxes and lines group by group, rounding coordinates so the output is short
    and stable."""

    def __init__(self) -> None:
        self.groups: dict[str, tuple[list[Box], list[Line]]] = {}
        self.key = "page"

    def group(self, key: str) -> None:
        """Put what comes next in the group ``key``."""
        self.key = key

    def _current(self) -> tuple[list[Box], list[Line]]:
        return self.groups.setdefault(self.key, ([], []))

    def box(self, area: Area, fill: str, stroke: str, **style: float) -> None:
        x, y, width, height = (_r(v) for v in (area.x, area.y, area.width, area.height))
        self._current()[0].append(Box(x, y, width, height, fill, stroke, **style))

    def line(self, x: float, y: float, size: float, text: str, **style: str | bool) -> None:
        line = Line(_r(x), _r(y), size, text, **style)  # type: ignore[arg-type]
        self._current()[1].append(line)

    def finished(self) -> tuple[Group, ...]:
        """Every group, in the order they were begun."""
        return tuple(
            Group(key, tuple(boxes), tuple(lines)) for key, (boxes, lines) in self.groups.items()
        )

    def paragraph(
        self, area: Area, y: float, size: float, text: str, *, max_lines: int, **style: str | bool
    ) -> float:
        """``text`` wrapped to the area's inner width, from ``y`` down; returns the y below it."""
        lines = wrap(text, area.inner_width, size, bool(style.get("bold", False)))
        if len(lines) > max_lines:
            lines = [*lines[: max_lines - 1], lines[max_lines - 1] + " …"]
        for line in lines:
            y += size * _LINE_HEIGHT
            self.line(area.x + _PAD, y, size, line, **style)
        return y


#: A no-break space: the wrapping never breaks a line there (:func:`cmc_exporters._measure.wrap`).
_NO_BREAK = "\u00a0"
#: The spaces the wrapping must not break at: after a number, between it and its unit or ``%``
#: (``60 %``, ``12,000 t``), and after a colon, between a label and what it says
#: (``owners: Port Authority``).
_TIED = re.compile(r"(?<=[\d:]) (?=\S)")


def _paragraphs(block: BlockView) -> tuple[list[str], list[str], bool]:
    """The block's lines as paragraphs, the label heading each, and whether they are questions.

    A label is followed by a colon only when its line says something after it, and a colon is
    tied to the word after it, so that no line ends in a bare colon; a number is tied to the
    word after it, its unit or ``%`` (``60 %`` never ends one line and starts the next with
    ``%``)."""
    if block.is_empty:
        return [f"• {question}" for question in block.questions], [], True
    texts, heads = [], []
    for item in block.items:
        label = " ".join(item.label.split()) if item.label else ""
        text = _TIED.sub(_NO_BREAK, " ".join(item.text.split()))
        head = f"{label}:" if label and text else label
        texts.append(f"{head}{_NO_BREAK}{text}" if head and text else head or text)
        heads.append(head)
    return texts, heads, False


def _headed(lines: tuple[str, ...], head: str) -> list[tuple[str, str]]:
    """Each line of a paragraph split into the part of its ``head`` (the label, drawn in the
    zone's colour) and the rest; the head may run over several lines."""
    parts = []
    for line in lines:
        if head and head.startswith(line):  # the whole line is (part of) the head
            parts.append((line, ""))
            head = head[len(line) :].lstrip(" ")
        elif head and line.startswith(head):
            parts.append((head, line[len(head) :]))
            head = ""
        else:  # no head, or a head cut inside a word
            parts.append(("", line))
            head = ""
    return parts


def _block(page: _Page, block: BlockView, area: Area, edge: str, more: str) -> None:
    page.group(f"block-{block.key}")
    page.box(area, "#ffffff", "#cfd5dd")
    title = f"{block.code} {block.label}"
    top = page.paragraph(area, area.y + 2, _TITLE_SIZE, title, max_lines=2, bold=True, fill=edge)
    top += 3
    texts, heads, questions = _paragraphs(block)
    room = max(area.y + area.height - _PAD - top, 0.0)
    fitted = fit_paragraphs(
        texts, area.inner_width, room, _BODY_SIZES, line_height=_LINE_HEIGHT, more=more
    )
    y = top
    for index, lines in enumerate(fitted.paragraphs):
        head = heads[index] if index < len(heads) else ""
        for part, text in _headed(lines, head):
            y += fitted.size * _LINE_HEIGHT
            fill = _MUTED if questions or text.startswith("…") else _INK
            if part:
                page.line(area.x + _PAD, y, fitted.size, text, fill=fill, head=part, head_fill=edge)
            else:
                page.line(area.x + _PAD, y, fitted.size, text, fill=fill)


def _zone(page: _Page, zone: ZoneView, area: Area, columns: int, more: str) -> None:
    fill, edge = ZONE_COLOURS[zone.key]
    page.group(f"zone-{zone.key}")
    page.box(area, fill, edge, stroke_width=2.0, radius=8.0)
    heading = f"{zone.zone.code} · {zone.label}".upper()
    heading, size = fit_line(heading, area.inner_width - 4, _ZONE_SIZES, bold=True)
    page.line(area.x + _PAD + 2, area.y + _ZONE_TITLE + 5, size, heading, fill=edge, bold=True)
    top = area.y + _ZONE_TITLE + 12
    rows = -(-len(zone.blocks) // columns)
    cell_width = (area.inner_width - (columns - 1) * _GAP) / columns
    cell_height = (area.y + area.height - _PAD - top - (rows - 1) * _GAP) / rows
    for index, block in enumerate(zone.blocks):
        row, column = divmod(index, columns)
        x = area.x + _PAD + column * (cell_width + _GAP)
        y = top + row * (cell_height + _GAP)
        _block(page, block, Area(x, y, cell_width, cell_height), edge, more)


def _canvas(page: _Page, doc: Document, area: Area) -> None:
    more = doc.w["more"]
    zones = {zone.key: zone for zone in doc.zones}
    change_height = area.height * 0.2
    main = area.height - change_height - _GAP
    unit = (area.width - 2 * _GAP) / 4
    x, y = area.x, area.y
    _zone(page, zones["direction"], Area(x, y, unit, main), 1, more)
    _zone(page, zones["market"], Area(x + unit + _GAP, y, 2 * unit, main), 2, more)
    _zone(page, zones["organising"], Area(x + 3 * unit + 2 * _GAP, y, unit, main), 1, more)
    _zone(page, zones["change"], Area(x, y + main + _GAP, area.width, change_height), 2, more)


@attrs.frozen
class _Placed:
    chart: RadarChart | None
    x: float
    y: float
    scale: float


def _score_rows(page: _Page, doc: Document, area: Area, y: float) -> float:
    size = 8.5
    for row in doc.dimensions:
        value = f"{row.score_text} · {row.band_label}"
        title_width = area.inner_width - text_width(value, size, bold=True) - 6
        lines = wrap(row.title, max(title_width, area.inner_width / 2), size)[:2]
        for number, text in enumerate(lines):
            y += size * _LINE_HEIGHT
            page.line(area.x + _PAD, y, size, text)
            if number == 0:
                colour = _BAND_COLOURS.get(row.band or "", _MUTED)
                right = area.x + area.width - _PAD
                page.line(right, y, size, value, fill=colour, anchor="end", bold=True)
        y += 2
    return y


def _sidebar(page: _Page, doc: Document, area: Area) -> _Placed:
    page.group("score-card")
    page.box(area, "#f7f8fa", "#cfd5dd", radius=8.0)
    y = page.paragraph(area, area.y + 2, _HEADING_SIZE, doc.w["score_card"], max_lines=1, bold=True)
    band = f" ({doc.overall_band})" if doc.overall_band else ""
    overall = f"{doc.w['overall']}: {doc.overall}{band}"
    y = page.paragraph(area, y, 10.0, overall, max_lines=2, bold=True)
    chart = radar_chart(doc.dimensions, radius=90.0, margin=90.0, font_size=10.0)
    placed = _Placed(None, 0.0, 0.0, 0.0)
    if chart is not None:
        scale = min(area.inner_width / chart.width, (area.height * 0.45) / chart.height)
        x = area.x + (area.width - chart.width * scale) / 2
        placed = _Placed(chart, x, y + 4, scale)
        y += 4 + chart.height * scale
    y = _score_rows(page, doc, area, y)
    y = page.paragraph(area, y + 8, _HEADING_SIZE, doc.w["validation"], max_lines=1, bold=True)
    for severity in Severity:
        y += 9.5 * _LINE_HEIGHT
        heading = severity_heading(severity, doc.language)
        page.line(area.x + _PAD, y, 9.5, f"{heading}: {doc.counts[severity.value]}")
    _sources(page, doc, area, y)
    return placed


def _source_text(source: SourceRow) -> str:
    """A source on one line: ``D5 Fewer trucks running empty (Hamburg Port Authority, 2018)``."""
    detail = ", ".join(part for part in (source.publisher, source.date) if part)
    text = " ".join(part for part in (source.id, source.title or source.url) if part)
    return f"{text} ({detail})" if detail else text


def _sources(page: _Page, doc: Document, area: Area, y: float) -> None:
    """The canvas's sources under the validation counts, as many as fit the side bar (a last
    line says how many more there are; the markdown and html exports list them all). Left out
    when not even the heading and one line fit."""
    bottom = area.y + area.height - _PAD
    top = y + 8 + _HEADING_SIZE * _LINE_HEIGHT + 3
    if not doc.sources or bottom - top < _SOURCE_SIZES[-1] * _LINE_HEIGHT * 2:
        return
    page.group("sources")
    heading = f"{doc.w['sources']} ({len(doc.sources)})"
    y = page.paragraph(area, y + 8, _HEADING_SIZE, heading, max_lines=1, bold=True) + 3
    texts = [_source_text(source) for source in doc.sources]
    fitted = fit_paragraphs(
        texts, area.inner_width, bottom - y, _SOURCE_SIZES, line_height=_LINE_HEIGHT,
        more=doc.w["more"],
    )  # fmt: skip
    for lines in fitted.paragraphs:
        for text in lines:
            y += fitted.size * _LINE_HEIGHT
            page.line(area.x + _PAD, y, fitted.size, text, fill=_MUTED if text[:1] == "…" else _INK)


def lay_out_poster(doc: Document, portrait: bool = False) -> Poster:
    """Place everything of ``doc`` on an A3 page (portrait when asked)."""
    width, height = A3_UNITS[::-1] if portrait else A3_UNITS
    page = _Page()
    page.box(Area(0, 0, width, height), "#ffffff", "#ffffff", radius=0.0)
    header = Area(_MARGIN - _PAD, 0, width - 2 * _MARGIN + 2 * _PAD, 0)
    y = page.paragraph(header, _MARGIN - 6, 22.0, doc.colophon.title, max_lines=2, bold=True)
    y = page.paragraph(header, y + 2, 10.0, doc.colophon.facts, max_lines=2, fill=_MUTED)
    footer_y = height - _MARGIN + 4
    page.group("attribution")
    page.line(_MARGIN, footer_y, 9.0, doc.colophon.attribution, fill=_MUTED)
    top, bottom = y + 10, footer_y - 14
    inner = width - 2 * _MARGIN
    if portrait:
        side_height = (bottom - top) * 0.3
        _canvas(page, doc, Area(_MARGIN, top, inner, bottom - top - side_height - _GAP))
        placed = _sidebar(page, doc, Area(_MARGIN, bottom - side_height, inner / 2, side_height))
    else:
        side_width = 300.0
        _canvas(page, doc, Area(_MARGIN, top, inner - side_width - _GAP, bottom - top))
        side = Area(width - _MARGIN - side_width, top, side_width, bottom - top)
        placed = _sidebar(page, doc, side)
    return Poster(
        width=width,
        height=height,
        groups=page.finished(),
        chart=placed.chart,
        chart_x=_r(placed.x),
        chart_y=_r(placed.y),
        chart_scale=round(placed.scale, 4),
    )
