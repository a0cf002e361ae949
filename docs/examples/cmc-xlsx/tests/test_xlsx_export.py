import io
import zipfile
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

import cmc_xlsx  # noqa: E402  (imports openpyxl)

from cmc_core import BLOCKS, Canvas, Language  # noqa: E402
from cmc_core.exporting import Exporter, ExportOptions  # noqa: E402
from cmc_core.testing import (  # noqa: E402
    ExporterContract,
    assert_safe_xml,
    make_plugins,
    sample_canvas,
)


def cells(output: bytes) -> list[str]:
    """The text of every cell of every sheet."""
    workbook = openpyxl.load_workbook(io.BytesIO(output))
    return [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value]


class TestXlsxExporter(ExporterContract):
    max_examples = 10  # every export writes and reads back a workbook

    @pytest.fixture
    def exporter(self) -> Exporter:
        return make_plugins(cmc_xlsx).exporters.get("xlsx")

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_xlsx

    def extract_text(self, output: bytes) -> str:
        return "\n".join(cells(output))

    def assert_hostile_text_is_safe(self, output: bytes, canvas: Canvas) -> None:
        """Every XML part is well-formed, and no cell is a formula."""
        with zipfile.ZipFile(io.BytesIO(output)) as package:
            for name in package.namelist():
                if name.endswith((".xml", ".rels")):
                    assert_safe_xml(package.read(name))
        workbook = openpyxl.load_workbook(io.BytesIO(output))
        assert all(c.data_type != "f" for sheet in workbook for row in sheet for c in row)


@pytest.mark.parametrize(
    ("language", "sheet", "headings"),
    [
        (Language.NL, "A Richting (vraagzijde)", ["Code", "Blok", "Veld", "Tekst"]),
        (Language.EN, "A Direction (demand side)", ["Code", "Block", "Field", "Text"]),
    ],
)
def test_every_block_and_party_is_in_the_workbook(
    language: Language, sheet: str, headings: list[str]
) -> None:
    canvas = sample_canvas("port-logistics")
    output = cmc_xlsx.EXPORTER.export_bytes(canvas, ExportOptions(language=language))

    workbook = openpyxl.load_workbook(io.BytesIO(output))
    assert workbook.sheetnames[0] == sheet
    assert len(workbook.sheetnames) == 4  # one sheet per zone
    assert [c.value for c in workbook.worksheets[0][2]] == headings
    text = cells(output)
    assert {block.code for block in BLOCKS} <= set(text)
    assert {block.label(language) for block in BLOCKS} <= set(text)
    assert "Havenbedrijf Noordmonde N.V." in text


def test_the_same_canvas_gives_the_same_bytes_stamped_with_its_date() -> None:
    canvas = sample_canvas("port-logistics")

    first, second = (cmc_xlsx.EXPORTER.export_bytes(canvas, ExportOptions()) for _ in range(2))

    assert first == second
    year, month, day = (int(part) for part in canvas.meta.date.split("-"))
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {m.date_time for m in package.infolist()} == {(year, month, day, 0, 0, 0)}


def test_the_exporter_is_under_120_lines() -> None:
    source = Path(cmc_xlsx.__file__).read_text(encoding="utf-8")
    assert len(source.splitlines()) < 120
