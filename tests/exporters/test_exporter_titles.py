"""Exporter titles in both languages: the built-ins' from their catalog, a plugin's from its own."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from tests.english import english_words

import cmc_exporters
from cmc_core.cli import cli
from cmc_core.exporting import Exporter
from cmc_core.plugins import load_plugins
from cmc_core.translation import Messages, using_language
from cmc_core.vocabulary import Language


def test_every_built_in_title_has_a_dutch_translation() -> None:
    for exporter in load_plugins([cmc_exporters], entry_points=False).exporters:
        english, dutch = exporter.title_in(Language.EN), exporter.title_in(Language.NL)
        assert english == exporter.title
        assert dutch != english, exporter.name
        assert english_words(dutch) == [], exporter.name


def test_export_list_shows_the_titles_in_the_language_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CMC_LOAD_PLUGINS", "")  # the built-ins only
    dutch = CliRunner().invoke(cli, ["export", "--list", "--lang", "nl"]).output
    assert "Canvasposter als één zelfstandige HTML-pagina" in dutch
    assert english_words(dutch) == []
    english = CliRunner().invoke(cli, ["export", "--list", "--lang", "en"]).output
    assert "Canvas poster as one self-contained HTML page" in english


def test_a_title_without_a_catalog_is_shown_as_written() -> None:
    plain = Exporter("plain", "Plain text", "text/plain", ".txt", lambda c, o: "")
    assert plain.title_in(Language.NL) == "Plain text"
    with using_language(Language.NL):
        catalog = Messages("cmc_exporters", "exporters")
        known = Exporter(
            "yamlish",
            "Canvas file in YAML",
            "text/plain",
            ".txt",
            lambda c, o: "",
            messages=catalog,
        )
        assert known.title_in() == "Canvasbestand in YAML"
