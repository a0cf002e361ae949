"""The default hostile-text checks refuse injected markup and formulas and accept escaped text."""

from __future__ import annotations

import html

import pytest

from cmc_core.fileformat import dumps
from cmc_core.testing import (
    HOSTILE_TEXTS,
    assert_round_trips,
    assert_safe_csv,
    assert_safe_html,
    assert_safe_xml,
    hostile_canvas,
    sample_canvases,
)
from cmc_core.testing._outputs import default_extract_text, media_family

Failed = pytest.fail.Exception


def page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("media_type", "family"),
    [
        ("application/json", "json"),
        ("application/ld+json", "json"),
        ("application/yaml", "yaml"),
        ("text/html; charset=utf-8", "html"),
        ("image/svg+xml", "xml"),
        ("text/csv", "csv"),
        ("text/markdown", "markdown"),
        ("application/vnd.ms-powerpoint", "other"),
    ],
)
def test_media_types_fall_into_the_families_the_checks_know(media_type: str, family: str) -> None:
    assert media_family(media_type) == family


def test_html_with_every_hostile_text_escaped_is_safe() -> None:
    assert_safe_html(page("".join(f"<p>{html.escape(text)}</p>" for text in HOSTILE_TEXTS)))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (HOSTILE_TEXTS[0], "a <script> element"),
        (HOSTILE_TEXTS[1], "an attribute onerror="),
        (HOSTILE_TEXTS[4], "a <cmc-injected> element"),
    ],
)
def test_html_with_a_hostile_text_pasted_in_is_refused(text: str, found: str) -> None:
    with pytest.raises(Failed, match=found):
        assert_safe_html(page(f"<p>{text}</p>"))


def test_a_hostile_text_breaking_out_of_an_attribute_is_refused() -> None:
    with pytest.raises(Failed, match="onclick"):
        assert_safe_html(page(f'<a title="{HOSTILE_TEXTS[2]}">x</a>'))


def test_a_javascript_url_is_refused() -> None:
    with pytest.raises(Failed, match="javascript: URL"):
        assert_safe_html(page(f'<a href="{html.escape(HOSTILE_TEXTS[7])}">x</a>'))


def test_xml_must_be_well_formed_and_free_of_injected_elements() -> None:
    escaped = "".join(f"<t>{html.escape(text, quote=False)}</t>" for text in HOSTILE_TEXTS)
    assert_safe_xml(f"<svg xmlns='http://www.w3.org/2000/svg'>{escaped}</svg>".encode())
    with pytest.raises(Failed, match="not well-formed XML"):
        assert_safe_xml(f"<svg><text>{HOSTILE_TEXTS[5]}</text></svg>".encode())
    with pytest.raises(Failed, match="a <cmc-injected> element"):
        assert_safe_xml(b"<svg><text><cmc-injected/></text></svg>")


def test_csv_refuses_formulas_but_accepts_numbers_and_defused_text() -> None:
    assert_safe_csv(b"name,share\r\n'=1+2,-12.5\r\nplain,+3\r\n")
    with pytest.raises(Failed, match="'=1\\+2'"):
        assert_safe_csv(b"name,share\r\n=1+2,1\r\n")
    with pytest.raises(Failed, match="'@SUM\\(A1\\)'"):
        assert_safe_csv(b"name\r\n@SUM(A1)\r\n")


def test_csv_refuses_rows_broken_by_unquoted_delimiters() -> None:
    with pytest.raises(Failed, match="different numbers of cells"):
        assert_safe_csv(b"name,share\r\na,b;c,1\r\n")


def test_a_canvas_format_must_load_back_as_the_same_canvas() -> None:
    canvas = hostile_canvas()
    assert_round_trips(dumps(canvas, "yaml").encode(), canvas, "yaml")
    other = sample_canvases()["starter-en"]
    with pytest.raises(Failed, match="loads back as a different canvas"):
        assert_round_trips(dumps(other, "json").encode(), canvas, "json")
    with pytest.raises(Failed, match="does not load back as a canvas"):
        assert_round_trips(b'{"report": 1}', canvas, "json")


def test_the_text_of_a_document_is_what_a_reader_sees() -> None:
    assert "a < b & c" in default_extract_text(page("<p>a &lt; b &amp; c</p>"), "text/html")
    assert "Zoë" in default_extract_text(b'{"name": "Zo\\u00eb"}', "application/json")
    assert default_extract_text(b'a,"b,c"\r\n', "text/csv") == "a\nb,c"
    with pytest.raises(Failed, match="Override extract_text"):
        default_extract_text(b"PK\x03\x04", "application/zip")
