"""The deck itself: python-pptx slides of native text boxes and tables, every size fitted.

One overview slide of the whole canvas, then one slide per zone of
:data:`cmc_core.blueprint.ZONES`. Every piece of text is a native text box (or a table) whose
font size :mod:`cmc_pptx.fitting` computed for it; auto-fit is switched off so that PowerPoint
shows exactly what was computed. The block headings of a slide share one size (the largest at
which all of them fit), so that they line up. The speaker notes of each zone slide hold the full,
untruncated text of its blocks, so nothing a box had to cut is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from cmc_core.blueprint import ZONES, Zone, ZoneKey
from cmc_core.vocabulary import Language
from cmc_exporters.palette import INK, MUTED, hex_digits, zone_colours
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Pt

from cmc_pptx.content import BlockContent, Table
from cmc_pptx.fitting import (
    LINE_SPACING_EM,
    PARAGRAPH_GAP_EM,
    FittedTable,
    FittedText,
    FontClamp,
    fit_table,
    fit_text,
)
from cmc_pptx.layout import (
    FOOTER,
    GAP,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    TITLE,
    Box,
    overview_areas,
    zone_cells,
)
from cmc_pptx.wording import more_line, word

__all__ = ["CLAMPS", "FONT", "build_deck"]

#: The typeface every run is set in; the width estimate of :mod:`cmc_pptx.fitting` assumes it.
FONT = "Calibri"
#: Inner margins of text boxes and table cells, in points (left and right, top and bottom).
PAD_X, PAD_Y = 4.0, 3.0
#: Share of a table's width that its first column takes.
FIRST_COLUMN = 0.42

#: The smallest and largest font size of each kind of box, in points.
CLAMPS: dict[str, FontClamp] = {
    "title": FontClamp(14, 28),
    "footer": FontClamp(5.5, 8),
    "overview_zone": FontClamp(7, 11),
    "overview_heading": FontClamp(6.5, 10),
    "overview_body": FontClamp(5.5, 10),
    "zone_heading": FontClamp(9, 16),
    "zone_body": FontClamp(7, 14),
    "zone_table": FontClamp(6.5, 12),
}


def _rgb(hex_code: str) -> RGBColor:
    color: RGBColor = RGBColor.from_string(hex_code)  # type: ignore[no-untyped-call]  # unannotated
    return color


# Each zone has a dark colour (headings) and a light one (block bodies): the one colour scheme
# of cmc's posters (cmc_exporters.palette), shared with the html and svg exports.
_DARK = {zone: _rgb(hex_digits(zone_colours(zone).edge)) for zone in ZoneKey}
_LIGHT = {zone: _rgb(hex_digits(zone_colours(zone).fill)) for zone in ZoneKey}
_WHITE, _BLACK, _GREY = _rgb("FFFFFF"), _rgb(hex_digits(INK)), _rgb(hex_digits(MUTED))
_TITLE_ONLY_LAYOUT = 5  # "Title Only" in python-pptx's default template


class _Painter:
    """Fits text to boxes and puts it on slides, in one language."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def more(self, hidden: int) -> str:
        return more_line(hidden, self.language)

    def fit(self, box: Box, items: Sequence[str], clamp: FontClamp) -> FittedText:
        return fit_text(items, box.width - 2 * PAD_X, box.height - 2 * PAD_Y, clamp, self.more)

    def fit_alike(
        self, boxes: Sequence[Box], texts: Sequence[str], clamp: FontClamp
    ) -> list[FittedText]:
        """One line of text per box, all at the largest size at which every one fits."""
        fitted = [self.fit(box, [text], clamp) for box, text in zip(boxes, texts, strict=True)]
        size = min((each.size for each in fitted), default=clamp.maximum)
        return [each if each.cut else FittedText(size, each.items) for each in fitted]

    def text_box(
        self,
        slide: Slide,
        box: Box,
        fitted: FittedText,
        *,
        bold: bool = False,
        color: RGBColor = _BLACK,
        fill: RGBColor | None = None,
    ) -> None:
        shape = slide.shapes.add_textbox(Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height))
        if fill is not None:
            shape.fill.solid()
            shape.fill.fore_color.rgb = fill
        write(shape.text_frame, fitted, color, bold)

    def table(self, slide: Slide, box: Box, content: Table, zone: ZoneKey) -> FittedTable:
        widths = (box.width * FIRST_COLUMN, box.width * (1 - FIRST_COLUMN))
        fitted = fit_table(
            content.header,
            content.rows,
            widths,
            box.height,
            clamp=CLAMPS["zone_table"],
            more=self.more,
            padding=(2 * PAD_X, 2 * PAD_Y),
        )
        height = Pt(sum(fitted.row_heights))
        shape = slide.shapes.add_table(
            len(fitted.rows), 2, Pt(box.left), Pt(box.top), Pt(box.width), height
        )
        table = shape.table
        for index, width in enumerate(widths):
            table.columns[index].width = Pt(width)
        rows = zip(table.rows, fitted.row_heights, fitted.rows, strict=True)
        for index, (row, row_height, texts) in enumerate(rows):
            row.height = Pt(row_height)
            header = index == 0
            for cell, text in zip(row.cells, texts, strict=True):
                cell.margin_left = cell.margin_right = Pt(PAD_X)
                cell.margin_top = cell.margin_bottom = Pt(PAD_Y)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _DARK[zone] if header else _LIGHT[zone]
                single = FittedText(fitted.size, (text,))
                write(cell.text_frame, single, _WHITE if header else _BLACK, bold=header)
        return fitted

    def slide(self, presentation: PresentationType, title: str, footer: Sequence[str]) -> Slide:
        """A new slide with its title (in the title placeholder) and its footer."""
        slide: Slide = presentation.slides.add_slide(presentation.slide_layouts[_TITLE_ONLY_LAYOUT])
        placeholder = slide.shapes.title
        assert placeholder is not None  # the "Title Only" layout has one
        placeholder.left, placeholder.top = Pt(TITLE.left), Pt(TITLE.top)
        placeholder.width, placeholder.height = Pt(TITLE.width), Pt(TITLE.height)
        write(placeholder.text_frame, self.fit(TITLE, [title], CLAMPS["title"]), _BLACK, True)
        self.text_box(slide, FOOTER, self.fit(FOOTER, footer, CLAMPS["footer"]), color=_GREY)
        return slide


def write(frame: TextFrame, fitted: FittedText, color: RGBColor, bold: bool) -> None:
    """Set the fitted items as paragraphs, with exactly the spacing the estimate assumed.

    Each line of an item is a paragraph; the gap goes above the first line of every item but the
    first. Auto-fit is off and the line spacing is exact, so PowerPoint shows what was computed.
    """
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = Pt(PAD_X)
    frame.margin_top = frame.margin_bottom = Pt(PAD_Y)
    lines = [
        (line, bool(index) and not line_index)
        for index, item in enumerate(fitted.items)
        for line_index, line in enumerate(item.split("\n"))
    ]
    frame.text = "\n".join(line for line, _ in lines)  # one paragraph per line
    for paragraph, (_, gap) in zip(frame.paragraphs, lines, strict=True):
        paragraph.line_spacing = Pt(fitted.size * LINE_SPACING_EM)
        paragraph.space_before = Pt(fitted.size * PARAGRAPH_GAP_EM if gap else 0.0)
        paragraph.space_after = Pt(0)
        for font in [paragraph.font, *(run.font for run in paragraph.runs)]:
            font.name = FONT
            font.size = Pt(fitted.size)
            font.bold = bold
            font.color.rgb = color


def _zone_label(zone: Zone, language: Language) -> str:
    return f"{zone.code} · {zone.label_nl if language is Language.NL else zone.label_en}"


def _overview(
    presentation: PresentationType,
    contents: Sequence[BlockContent],
    title: str,
    *,
    footer: Sequence[str],
    notes: str | None,
    paint: _Painter,
) -> None:
    language = paint.language
    slide = paint.slide(presentation, f"{title} — {word('overview', language)}", footer)
    notes_frame = slide.notes_slide.notes_text_frame if notes else None
    if notes_frame is not None and notes is not None:
        notes_frame.text = notes
    by_zone = {zone.key: [c for c in contents if c.block.zone is zone.key] for zone in ZONES}
    areas = overview_areas({zone: len(blocks) for zone, blocks in by_zone.items()})
    zone_headers = paint.fit_alike(
        [areas[zone.key].header for zone in ZONES],
        [_zone_label(zone, language) for zone in ZONES],
        CLAMPS["overview_zone"],
    )
    cells = [
        (content, cell)
        for zone in ZONES
        for content, cell in zip(by_zone[zone.key], areas[zone.key].cells, strict=True)
    ]
    split = [cell.split_top(min(16.0, cell.height / 3)) for _, cell in cells]
    headings = paint.fit_alike(
        [heading for heading, _ in split], [c.heading for c, _ in cells], CLAMPS["overview_heading"]
    )
    for zone, fitted in zip(ZONES, zone_headers, strict=True):
        header = areas[zone.key].header
        paint.text_box(slide, header, fitted, bold=True, color=_WHITE, fill=_DARK[zone.key])
    for (content, _), (heading, body), fitted in zip(cells, split, headings, strict=True):
        dark, light = _DARK[content.block.zone], _LIGHT[content.block.zone]
        paint.text_box(slide, heading, fitted, bold=True, color=_WHITE, fill=dark)
        items = [f"• {line}" for line in content.summary]
        summary = paint.fit(body, items, CLAMPS["overview_body"])
        paint.text_box(slide, body, summary, fill=light)


def _zone_slide(
    presentation: PresentationType,
    zone: Zone,
    contents: Sequence[BlockContent],
    *,
    footer: Sequence[str],
    paint: _Painter,
    notes: bool,
) -> None:
    slide = paint.slide(presentation, _zone_label(zone, paint.language), footer)
    split = [cell.split_top(26.0, GAP / 2) for cell in zone_cells(len(contents))]
    headings = paint.fit_alike(
        [heading for heading, _ in split], [c.heading for c in contents], CLAMPS["zone_heading"]
    )
    for content, (heading, body), fitted in zip(contents, split, headings, strict=True):
        paint.text_box(slide, heading, fitted, bold=True, color=_WHITE, fill=_DARK[zone.key])
        if content.table is not None:
            paint.table(slide, body, content.table, zone.key)
        else:
            items = [f"• {line}" for line in content.details]
            details = paint.fit(body, items, CLAMPS["zone_body"])
            paint.text_box(slide, body, details, fill=_LIGHT[zone.key])
    notes_frame = slide.notes_slide.notes_text_frame if notes else None
    if notes_frame is not None:
        notes_frame.text = "\n\n".join(content.full_text() for content in contents)


def build_deck(
    contents: Sequence[BlockContent],
    title: str,
    *,
    footer: Sequence[str],
    language: Language,
    overview_notes: str | None = None,
) -> PresentationType:
    """A new presentation: the overview, then one slide per zone.

    :param contents: every block of the canvas (:func:`cmc_pptx.content.block_contents`).
    :param title: the canvas name, shown in the overview's title.
    :param footer: the lines at the bottom of every slide (versions, date, attribution).
    :param overview_notes: the speaker notes of the overview; ``None`` writes no speaker notes
        at all, otherwise each zone slide's notes hold the full text of its blocks.
    """
    presentation = Presentation()
    presentation.slide_width = Pt(SLIDE_WIDTH)
    presentation.slide_height = Pt(SLIDE_HEIGHT)
    paint = _Painter(language)
    _overview(presentation, contents, title, footer=footer, notes=overview_notes, paint=paint)
    for zone in ZONES:
        in_zone = [content for content in contents if content.block.zone is zone.key]
        notes = overview_notes is not None
        _zone_slide(presentation, zone, in_zone, footer=footer, paint=paint, notes=notes)
    return presentation
