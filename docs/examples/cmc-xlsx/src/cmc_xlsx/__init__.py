"""cmc-xlsx: the canvas as an Excel workbook, one sheet per zone, one row per line of a block.

What belongs in each block comes from cmc's block view (``cmc_exporters.blocks``), in Dutch or
English; ``cmc_core.reproducible`` makes the same canvas give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from cmc_core import Canvas, hookimpl
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.reproducible import EARLIEST, document_date, reproducible_zip
from cmc_core.vocabulary import Language
from cmc_exporters.blocks import BlockView, read_zones

#: The column headings and the label of a guiding question, in Dutch and English.
WORDS = {
    Language.NL: ("Code", "Blok", "Veld", "Tekst", "Vraag", "Naamloos canvas"),
    Language.EN: ("Code", "Block", "Field", "Text", "Question", "Untitled canvas"),
}
#: What a sheet title cannot hold, and its longest length.
_NOT_IN_TITLES = re.compile(r"[\[\]:*?/\\]")
_TITLE_LENGTH = 31


def _text(value: str) -> str:
    """User text as a cell holds it: without the control characters XML cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def _row(sheet: Worksheet, *values: str) -> None:
    """Append a row of text cells: never a formula, whatever the text starts with."""
    sheet.append([_text(value) for value in values])
    for cell in sheet[sheet.max_row]:
        cell.data_type = "s"


def _rows(sheet: Worksheet, block: BlockView, question: str) -> None:
    """One row per line of the block; an empty block gets its guiding questions."""
    for item in block.items:
        _row(sheet, block.code, block.label, item.label or "", item.text)
    if block.is_empty:
        for text in block.questions:
            _row(sheet, block.code, block.label, question, text)


def _sheet(workbook: Workbook, title: str) -> Worksheet:
    sheet = workbook.create_sheet(_NOT_IN_TITLES.sub(" ", title)[:_TITLE_LENGTH])
    sheet.column_dimensions["B"].width = 30
    sheet.column_dimensions["C"].width = 24
    sheet.column_dimensions["D"].width = 80
    return sheet


def export_xlsx(canvas: Canvas, options: ExportOptions) -> bytes:
    """The canvas as an .xlsx workbook in the language ``options`` asks for."""
    language = options.language_for(canvas)
    code, block, field, text, question, untitled = WORDS[language]
    workbook = Workbook()
    workbook.remove(workbook.active)
    for zone in read_zones(canvas, language):
        sheet = _sheet(workbook, f"{zone.code} {zone.label}")
        _row(sheet, _text(canvas.meta.name.strip()) or untitled)
        _row(sheet, code, block, field, text)
        for cell in (*sheet[1], *sheet[2]):
            cell.font = Font(bold=True)
        for view in zone.blocks:
            _rows(sheet, view, question)
        for cells in sheet.iter_rows(min_row=3):
            cells[-1].alignment = Alignment(wrap_text=True, vertical="top")
    # The workbook's dates are the canvas's, never the clock's (openpyxl's save would stamp it).
    moment = document_date(canvas)
    workbook.properties.created = workbook.properties.modified = moment or EARLIEST
    workbook.properties.title = _text(canvas.meta.name)
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return reproducible_zip(saved.getvalue(), moment)


#: The exporter this plugin registers.
EXPORTER = Exporter(
    name="xlsx",
    title="Excel workbook",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension=".xlsx",
    export=export_xlsx,
    description="One sheet per zone, one row per line of each of the eighteen blocks.",
)


@hookimpl
def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the ``xlsx`` exporter."""
    register(EXPORTER)
