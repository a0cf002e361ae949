"""A bad exporter setting: a public error in library terms for programs, ``-O`` words for people.

A program that passes ``ExportOptions(settings=...)`` gets :class:`ExportSettingError` naming
the exporter, the setting, the value and what was expected; ``cmc export -O`` says the same in
the command line's words, with exit status 2.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmc_core.cli import cli
from cmc_core.errors import CmcError
from cmc_core.examples import example_text
from cmc_core.exporting import ExportOptions, ExportSettingError
from cmc_core.fileformat import loads
from cmc_core.plugins import load_plugins

BAD_SETTINGS = [
    ("html", "paper", "b5", "one of a3, a2, a1, a0 (default a3)"),
    ("svg", "orientation", "sideways", "one of landscape, portrait (default landscape)"),
    ("csv", "table", "values", "one of flows, parties, sources"),
]


@pytest.mark.parametrize(("exporter", "setting", "value", "expected"), BAD_SETTINGS)
def test_a_bad_setting_raises_the_public_error_in_library_terms(
    exporter: str, setting: str, value: str, expected: str
) -> None:
    chosen = load_plugins(allow=()).exporters.get(exporter)
    canvas = loads(example_text("port-logistics"), "yaml").canvas
    with pytest.raises(ExportSettingError) as caught:
        chosen.export_bytes(canvas, ExportOptions(settings={setting: value}))
    error = caught.value
    assert (error.exporter, error.setting, error.value, error.expected) == (
        exporter,
        setting,
        value,
        expected,
    )
    assert str(error) == (
        f"the {exporter} exporter's setting {setting!r} cannot be {value!r}; expected {expected}"
    )
    assert "-O" not in str(error)
    assert isinstance(error, CmcError)
    assert isinstance(error, ValueError)


def test_the_error_survives_pickling_with_its_fields() -> None:
    error = ExportSettingError("csv", "table", "values", "one of flows, parties, sources")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ExportSettingError
    assert (copy.exporter, copy.setting, copy.value, copy.expected) == (
        "csv",
        "table",
        "values",
        "one of flows, parties, sources",
    )
    assert str(copy) == str(error)


@pytest.mark.parametrize(("exporter", "setting", "value", "expected"), BAD_SETTINGS)
def test_the_command_line_says_it_in_its_own_words_with_exit_status_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    exporter: str,
    setting: str,
    value: str,
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["export", "--example", "port-logistics", "--to", exporter, "-O", f"{setting}={value}"]
    result = CliRunner().invoke(cli, [*args, "-o", "out.txt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: -O {setting}={value!r}: the {exporter} exporter's {setting} must be {expected}.\n"
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.txt").exists()
