"""Checks of exported documents: is hostile text escaped, and what text does a document show.

:class:`~cmc_core.testing.ExporterContract` picks a check by the exporter's media type. The
checks are public so that an exporter with its own format can reuse them: an exporter of
Markdown rendered to HTML, for example, can render and call :func:`assert_safe_html`.
"""

from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from xml.etree import ElementTree

import pytest

from cmc_core.canvas import Canvas
from cmc_core.fileformat import CanvasLoadError, loads
from cmc_core.testing._hostile import INJECTION_MARKER

__all__ = [
    "assert_round_trips",
    "assert_safe_csv",
    "assert_safe_html",
    "assert_safe_xml",
    "default_extract_text",
    "default_hostile_text_check",
    "media_family",
]

_YAML_TYPES = frozenset({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_TEXT_FAMILIES = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/vnd.mermaid": "mermaid",
    "text/x-mermaid": "mermaid",
    "text/vnd.graphviz": "dot",
    "text/x-dot": "dot",
}
#: Cells that start with these are run as formulas by spreadsheets (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def media_family(media_type: str) -> str:
    """The family of a media type the default checks know, or ``"other"``.

    One of ``json``, ``yaml``, ``toml``, ``html``, ``xml`` (SVG and every ``+xml`` type),
    ``csv``, ``tsv``, ``text``, ``markdown``, ``mermaid``, ``dot`` and ``other``.
    """
    essence = media_type.split(";", 1)[0].strip().lower()
    if essence == "application/json" or essence.endswith("+json"):
        return "json"
    if essence in _YAML_TYPES:
        return "yaml"
    if essence == "application/toml":
        return "toml"
    if essence in _HTML_TYPES:
        return "html"
    if essence in _XML_TYPES or essence.endswith("+xml"):
        return "xml"
    if essence == "text/csv":
        return "csv"
    if essence == "text/tab-separated-values":
        return "tsv"
    return _TEXT_FAMILIES.get(essence, "other")


def _decode(output: bytes, what: str) -> str:
    try:
        return output.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        pytest.fail(f"the {what} output is not valid UTF-8: {error}")


# -- checks ------------------------------------------------------------------------------------


def assert_round_trips(output: bytes, canvas: Canvas, format: str) -> None:
    """The output is a canvas document that loads back into a canvas equal to ``canvas``.

    :param format: ``json``, ``yaml`` or ``toml``.
    """
    try:
        loaded = loads(output, format, source=f"<exported {format}>").canvas
    except CanvasLoadError as error:
        pytest.fail(
            f"the {format} output does not load back as a canvas:\n{error}\n"
            "If it is not a canvas document, override assert_hostile_text_is_safe."
        )
    if loaded != canvas:
        pytest.fail(f"the {format} output loads back as a different canvas")


class _MarkupScanner(html.parser.HTMLParser):
    """Collects the elements, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _injections(tags: Iterable[tuple[str, Iterable[tuple[str, str | None]]]]) -> Iterator[str]:
    for tag, attributes in tags:
        name = tag.rpartition("}")[2].lower()
        if name in ("script", INJECTION_MARKER):
            yield f"a <{name}> element"
        for attribute, value in attributes:
            key = attribute.rpartition("}")[2].lower()
            if key.startswith("on") or INJECTION_MARKER in key:
                yield f"an attribute {key}={value!r} on <{name}>"
            elif value and value.strip().lower().startswith("javascript:"):
                yield f"a javascript: URL in {key}={value!r} on <{name}>"


def _fail_on_injections(found: list[str], kind: str) -> None:
    if found:
        listed = "\n  ".join(dict.fromkeys(found))
        pytest.fail(
            f"the {kind} output holds markup that hostile text can inject:\n  {listed}\n"
            "Escape user text for the format. If the exporter writes such markup itself "
            "(its own <script>), override assert_hostile_text_is_safe."
        )


def assert_safe_html(output: bytes) -> None:
    """The HTML has no ``<script>`` element, no ``on*`` event attribute, no ``javascript:`` URL
    and no element or attribute named after :data:`INJECTION_MARKER`."""
    scanner = _MarkupScanner()
    scanner.feed(_decode(output, "HTML"))
    scanner.close()
    _fail_on_injections(list(_injections(scanner.tags)), "HTML")


def _parse_xml(output: bytes) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(output)
    except ElementTree.ParseError as error:
        pytest.fail(f"the output is not well-formed XML ({error}); is user text escaped?")


def assert_safe_xml(output: bytes) -> None:
    """The XML (or SVG) is well-formed and has none of what :func:`assert_safe_html` refuses."""
    root = _parse_xml(output)
    tags = [(element.tag, element.attrib.items()) for element in root.iter()]
    _fail_on_injections(list(_injections(tags)), "XML")


def _rows(output: bytes, delimiter: str) -> list[list[str]]:
    text = _decode(output, "CSV")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def assert_safe_csv(output: bytes, delimiter: str = ",") -> None:
    """Every row has the same number of cells, and no cell starts a formula.

    A cell starting with ``= + - @``, tab or carriage return is run by spreadsheets; an
    exporter must prefix such text with ``'`` (OWASP's advice). Plain numbers (``-1.5``) are
    allowed.
    """
    rows = [row for row in _rows(output, delimiter) if row]
    widths = {len(row) for row in rows}
    if len(widths) > 1:
        pytest.fail(
            f"the CSV rows have different numbers of cells ({sorted(widths)}); is user text "
            "with delimiters, quotes or line breaks quoted?"
        )
    formulas = [
        cell
        for row in rows
        for cell in row
        if cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(cell)
    ]
    if formulas:
        shown = "\n  ".join(repr(cell) for cell in dict.fromkeys(formulas))
        pytest.fail(
            "these CSV cells start a formula a spreadsheet would run; prefix them with "
            f'"\'":\n  {shown}'
        )


def default_hostile_text_check(output: bytes, canvas: Canvas, media_type: str) -> None:
    """The check :class:`~cmc_core.testing.ExporterContract` runs for a media type by default.

    Canvas formats (JSON, YAML, TOML) must load back to an equal canvas; HTML, XML and SVG must
    parse and hold no injected markup; CSV and TSV must be rectangular without formulas; plain
    text must be UTF-8. Any other type fails, asking for an override.
    """
    family = media_family(media_type)
    if family in ("json", "yaml", "toml"):
        assert_round_trips(output, canvas, family)
    elif family == "html":
        assert_safe_html(output)
    elif family == "xml":
        assert_safe_xml(output)
    elif family in ("csv", "tsv"):
        assert_safe_csv(output, "," if family == "csv" else "\t")
    elif family == "text":
        _decode(output, "plain text")
    else:
        pytest.fail(
            f"cmc_core.testing cannot tell whether hostile text is escaped in {media_type} "
            "output. Override assert_hostile_text_is_safe(self, output, canvas) in your test "
            "class with a check of your format: every text of HOSTILE_TEXTS must end up as "
            "text, never as markup or a formula (see docs/testing-plugins.md)."
        )


# -- text --------------------------------------------------------------------------------------


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list | tuple):
        for item in data:
            yield from _strings(item)


def default_extract_text(output: bytes, media_type: str) -> str:
    """The text a reader of the document sees, by media type.

    The strings of JSON, YAML and TOML; the text content of HTML and XML (entities resolved);
    the cells of CSV; the decoded text of every other ``text/*`` type. Binary types fail,
    asking for an override of ``extract_text``.
    """
    family = media_family(media_type)
    if family == "json":
        return "\n".join(_strings(json.loads(_decode(output, "JSON"))))
    if family == "yaml":
        # ruamel.yaml only for YAML output: a plugin's tests of other formats never load it.
        from ruamel.yaml import YAML  # noqa: PLC0415

        return "\n".join(_strings(YAML(typ="safe", pure=True).load(_decode(output, "YAML"))))
    if family == "toml":
        return "\n".join(_strings(tomllib.loads(_decode(output, "TOML"))))
    if family == "html":
        scanner = _MarkupScanner()
        scanner.feed(_decode(output, "HTML"))
        scanner.close()
        return " ".join(scanner.text)
    if family == "xml":
        return " ".join(_parse_xml(output).itertext())
    if family in ("csv", "tsv"):
        return "\n".join(
            cell for row in _rows(output, "," if family == "csv" else "\t") for cell in row
        )
    if family != "other" or media_type.startswith("text/"):
        return _decode(output, media_type)
    pytest.fail(
        f"cmc_core.testing cannot read the text of {media_type} output. Override "
        "extract_text(self, output) in your test class to return the text a reader sees."
    )
