"""A Dutch export of the port example reads Dutch: no English sentence in the visible text of
the html page, the markdown report or the svg poster (the stop-word test of
``tests/english.py``), the default coordination steps by their Dutch names, and plurals
right."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest

from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.testing import sample_canvases
from cmc_core.vocabulary import Language
from cmc_exporters.html import HTML_EXPORTER
from cmc_exporters.markdown import MARKDOWN_EXPORTER
from cmc_exporters.svg import SVG_EXPORTER
from english import english_words

_TAG = re.compile(r"<[^>]*>")


def visible_text(exporter: Exporter, output: bytes) -> str:
    """What a reader sees: the page's text without tags, styles or attributes."""
    text = output.decode("utf-8")
    if exporter is SVG_EXPORTER:
        root = ET.fromstring(output)
        return "\n".join(
            "".join(node.itertext()) for node in root.iter() if node.tag.endswith("}text")
        )
    if exporter is HTML_EXPORTER:
        text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
        return html.unescape(_TAG.sub("\n", text))
    return text


def dutch(exporter: Exporter) -> str:
    canvas = sample_canvases()["port-logistics"]
    output = exporter.export_bytes(canvas, ExportOptions(language=Language.NL))
    return visible_text(exporter, output)


@pytest.mark.parametrize(
    "exporter", [HTML_EXPORTER, MARKDOWN_EXPORTER, SVG_EXPORTER], ids=lambda e: e.name
)
def test_a_dutch_export_of_the_port_example_has_no_english_sentence(exporter: Exporter) -> None:
    assert english_words(dutch(exporter)) == []


def test_the_default_steps_and_plurals_are_dutch() -> None:
    text = dutch(MARKDOWN_EXPORTER)
    assert "profileren → vinden → matchen → handelen" in text
    assert "profile → find" not in text
    assert "· 1 stroom" in text
    assert "1 stromen" not in text
    english = MARKDOWN_EXPORTER.export_bytes(
        sample_canvases()["port-logistics"], ExportOptions(language=Language.EN)
    ).decode()
    assert "profile → find → match → transact" in english
    assert "· 1 flow" in english
    assert "1 flows" not in english
