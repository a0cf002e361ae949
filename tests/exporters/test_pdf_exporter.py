"""The pdf exporter: the html poster printed on one sheet by a headless Chromium.

Printing needs ``chromium`` (or ``CMC_CHROMIUM``); without it those tests skip, except under
``CI``, where they fail. What happens when there is no Chromium is tested everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

# pytest puts tests/ on the path
from browser.chromium import pdf_pages
from cmc_core.cli import cli
from cmc_core.exporting import ExportOptions, ExportSettingError
from cmc_core.testing import sample_canvases
from cmc_exporters import BUILTIN_EXPORTERS
from cmc_exporters.pdf import PDF_EXPORTER, RendererNotFoundError, find_chromium, reproducible

PORT = Path(__file__).parents[2] / "src" / "cmc_core" / "examples" / "port-logistics.cmc.yaml"
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[([^\]]*)\]")


def _chromium() -> None:
    try:
        find_chromium()
    except RendererNotFoundError as error:
        if os.environ.get("CI"):
            pytest.fail(f"{error}; CI must run the pdf tests")
        pytest.skip(str(error))


def test_the_pdf_exporter_is_built_in() -> None:
    assert PDF_EXPORTER in BUILTIN_EXPORTERS
    assert PDF_EXPORTER.media_type == "application/pdf"
    assert not PDF_EXPORTER.is_text


@pytest.mark.slow
def test_the_port_example_prints_as_one_a1_sheet_and_the_same_bytes_twice(
    tmp_path: Path,
) -> None:
    _chromium()
    out = tmp_path / "port.pdf"
    arguments = ["export", str(PORT), "--to", "pdf", "-o", str(out)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    pdf = out.read_bytes()
    assert pdf_pages(pdf) == 1
    (box,) = {tuple(float(n) for n in found.split()) for found in MEDIA_BOX.findall(pdf)}
    assert box[2:] == pytest.approx((841 * 72 / 25.4, 594 * 72 / 25.4), abs=1.0)  # A1
    assert b"/CreationDate (D:20241114000000" in pdf  # the canvas's date, not the clock
    again = PDF_EXPORTER.export_bytes(sample_canvases()["port-logistics"])
    assert again == pdf
    assert sorted(path.name for path in tmp_path.iterdir()) == ["port.pdf"]  # nothing left over


@pytest.mark.slow
def test_the_paper_setting_chooses_the_sheet(tmp_path: Path) -> None:
    _chromium()
    options = ExportOptions(settings={"paper": "a3", "orientation": "portrait"})
    pdf = PDF_EXPORTER.export_bytes(sample_canvases()["starter-en"], options)
    assert pdf_pages(pdf) == 1
    (box,) = {tuple(float(n) for n in found.split()) for found in MEDIA_BOX.findall(pdf)}
    assert box[2:] == pytest.approx((297 * 72 / 25.4, 420 * 72 / 25.4), abs=1.0)


def test_without_chromium_the_export_says_how_to_get_one_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CMC_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "port.pdf"
    result = CliRunner().invoke(cli, ["export", str(PORT), "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 2
    assert "apt-get install chromium" in result.output
    assert "CMC_CHROMIUM" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_cmc_chromium_must_name_a_program(tmp_path: Path) -> None:
    with pytest.raises(RendererNotFoundError, match="CMC_CHROMIUM is set to"):
        find_chromium({"CMC_CHROMIUM": str(tmp_path / "nothing"), "PATH": ""})
    browser = tmp_path / "my-chrome"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    assert find_chromium({"CMC_CHROMIUM": str(browser)}) == str(browser)


def test_a_browser_that_hangs_is_stopped_after_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hanging = tmp_path / "chromium"
    hanging.write_text("#!/bin/sh\nsleep 30\n")
    hanging.chmod(0o755)
    monkeypatch.setenv("CMC_CHROMIUM", str(hanging))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    from cmc_exporters.pdf import RendererError

    options = ExportOptions(settings={"timeout": "1"})
    with pytest.raises(RendererError, match=r"within 1\.0 seconds"):
        PDF_EXPORTER.export_bytes(sample_canvases()["starter-en"], options)
    assert [path.name for path in tmp_path.iterdir()] == ["chromium"]  # no temporary left


@pytest.mark.parametrize("value", ["soon", "0", "-3", "99999"])
def test_a_bad_timeout_is_refused(value: str) -> None:
    with pytest.raises(ExportSettingError, match="timeout"):
        PDF_EXPORTER.export_bytes(
            sample_canvases()["starter-en"], ExportOptions(settings={"timeout": value})
        )


def test_the_dates_are_replaced_at_the_same_length() -> None:
    pdf = b"%PDF-1.4\n/CreationDate (D:20261206140920+00'00')\n/ModDate (D:20261206140920+00'00')>>"
    fixed = reproducible(pdf, b"20240101000000")
    assert len(fixed) == len(pdf)
    assert fixed.count(b"D:20240101000000+00'00'") == 2


def test_shutil_which_is_what_finds_it() -> None:  # the search a person's shell would do
    found = shutil.which("chromium")
    if found is not None:
        assert find_chromium({"PATH": os.path.dirname(found)}) == found
