"""A bad exporter setting: a public error in library terms for programs, ``-O`` words for people.

A program that passes ``ExportOptions(settings=...)`` gets :class:`ExportSettingError` naming
the exporter, the setting, the value and what was expected; ``cmc export -O`` says the same in
the command line's words, with exit status 2. What was expected is said in the language of the
moment: Dutch for the Dutch port example, English with ``--lang en``.
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
from cmc_core.translation import using_language
from cmc_core.vocabulary import Language
from english import english_words

# exporter, setting, bad value, what is expected in English, and in Dutch.
BAD_SETTINGS = [
    (
        "html",
        "paper",
        "b5",
        "one of a3, a2, a1, a0 (default a3)",
        "een van a3, a2, a1, a0 (standaard a3)",
    ),
    (
        "svg",
        "orientation",
        "sideways",
        "one of landscape, portrait (default landscape)",
        "een van landscape, portrait (standaard landscape)",
    ),
    ("csv", "table", "values", "one of flows, parties, sources", "een van flows, parties, sources"),
    (
        "pdf",
        "timeout",
        "9999",
        "a number of seconds from 1 to 3600",
        "een aantal seconden van 1 tot en met 3600",
    ),
]
FIELDS = ("exporter", "setting", "value", "expected", "dutch")


@pytest.mark.parametrize(FIELDS, BAD_SETTINGS)
def test_a_bad_setting_raises_the_public_error_in_library_terms(
    exporter: str, setting: str, value: str, expected: str, dutch: str
) -> None:
    chosen = load_plugins(allow=()).exporters.get(exporter)
    canvas = loads(example_text("port-logistics"), "yaml").canvas
    with using_language("en"), pytest.raises(ExportSettingError) as caught:
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
    assert dutch != expected


@pytest.mark.parametrize(FIELDS, BAD_SETTINGS)
def test_what_a_setting_expects_is_said_in_the_language_of_the_moment(
    exporter: str, setting: str, value: str, expected: str, dutch: str
) -> None:
    chosen = load_plugins(allow=()).exporters.get(exporter)
    canvas = loads(example_text("port-logistics"), "yaml").canvas
    # The export's own language (here English) does not decide: the reader of the error does.
    options = ExportOptions(language=Language.EN, settings={setting: value})
    with using_language("nl"), pytest.raises(ExportSettingError) as caught:
        chosen.export_bytes(canvas, options)
    assert caught.value.expected == dutch


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


def _export(tmp_path: Path, exporter: str, setting: str, value: str, *lang: str) -> str:
    """``cmc export`` of the Dutch port example with one bad setting: its error message."""
    args = ["export", "--example", "port-logistics", "--to", exporter, "-O", f"{setting}={value}"]
    result = CliRunner().invoke(cli, [*args, *lang, "-o", "out.txt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.txt").exists()
    return result.stderr


@pytest.mark.parametrize(FIELDS, BAD_SETTINGS)
def test_the_command_line_says_it_in_its_own_words_with_exit_status_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    exporter: str,
    setting: str,
    value: str,
    expected: str,
    dutch: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    said = _export(tmp_path, exporter, setting, value, "--lang", "en")
    assert said == (
        f"Error: -O {setting}={value!r}: the {exporter} exporter's {setting} must be {expected}.\n"
    )
    assert dutch not in said


@pytest.mark.parametrize(FIELDS, BAD_SETTINGS)
def test_for_a_dutch_canvas_the_command_line_says_in_dutch_what_is_expected(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    exporter: str,
    setting: str,
    value: str,
    expected: str,
    dutch: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CMC_LANG", raising=False)
    said = _export(tmp_path, exporter, setting, value)
    assert said.startswith(f"Fout: -O {setting}={value!r}: ")
    assert f" {dutch} " in said
    assert expected not in said
    # The choices are the setting's own values ("flows", "landscape"), kept as they are typed.
    assert english_words(said, allowed=dutch.replace(",", " ").split()) == []
