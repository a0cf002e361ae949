"""Writing a canvas and reading it back gives the same canvas, in YAML, JSON and TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmc_core import BlockKey, BlockNote, Canvas, Meta
from cmc_core.fileformat import (
    UnsupportedFormatError,
    dumps,
    format_for_path,
    from_dict,
    load,
    loads,
    read_canvas,
    save,
    to_dict,
)

from .canvases import rich_canvas

FORMATS = ("yaml", "json", "toml")


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_rich_canvas_reads_back_equal(file_format: str) -> None:
    canvas = rich_canvas()
    document = loads(dumps(canvas, file_format), file_format)
    assert document.canvas == canvas
    assert document.format == file_format


@pytest.mark.parametrize("file_format", FORMATS)
def test_an_empty_canvas_reads_back_equal_and_writes_only_the_header(file_format: str) -> None:
    text = dumps(Canvas(), file_format)
    assert loads(text, file_format).canvas == Canvas()
    assert to_dict(Canvas()) == {"$schema": "cmc-canvas-2.schema.json", "schema_version": 2}


@pytest.mark.parametrize("file_format", FORMATS)
def test_saving_and_loading_a_file_picks_the_format_from_its_name(
    tmp_path: Path, file_format: str
) -> None:
    path = tmp_path / f"port.cmc.{file_format}"
    save(rich_canvas(), path)
    assert read_canvas(path) == rich_canvas()
    assert load(path).source == str(path)
    assert load(path).format == file_format


def test_the_formats_convert_into_each_other_losslessly() -> None:
    canvas = rich_canvas()
    via_toml = loads(dumps(canvas, "toml"), "toml").canvas
    via_yaml = loads(dumps(via_toml, "yaml"), "yaml").canvas
    assert loads(dumps(via_yaml, "json"), "json").canvas == canvas


def test_the_unstructured_form_converts_back_to_the_same_canvas() -> None:
    assert from_dict(to_dict(rich_canvas())) == rich_canvas()


def test_the_unstructured_form_uses_file_keys_and_keyed_mappings() -> None:
    data = to_dict(rich_canvas())
    assert data["flows"][0]["from"] == "p-term-1"
    assert data["flows"][0]["to"] == "p-ship-1"
    assert "from_party" not in data["flows"][0]
    assert data["factors"]["vision"] == {"answer": "Shared data space", "maturity": 2}
    assert data["principles"]["back_to_basic"] == {"status": "weak"}
    assert data["notes"] == {"boundary": "Only the Rotterdam port", "culture": "Dutch\nand English"}


def test_the_unstructured_form_is_plain_data() -> None:
    def kinds(value: object) -> set[type]:
        if isinstance(value, dict):
            return {dict}.union(*(kinds(v) for v in value.values()), *(kinds(k) for k in value))
        if isinstance(value, list):
            return {list}.union(*(kinds(item) for item in value))
        return {type(value)}

    assert kinds(to_dict(rich_canvas())) <= {dict, list, str, int, float, bool}


def test_defaults_are_left_out_so_toml_never_needs_a_null() -> None:
    text = dumps(rich_canvas(), "toml")
    data = to_dict(rich_canvas())
    assert "owner" not in data["meta"]
    assert "external" not in data["parties"][0]
    assert "counter_of" not in data["flows"][0]
    assert "null" not in text.replace('"null"', "")


def test_written_files_carry_the_schema_and_the_version_first() -> None:
    for file_format in ("yaml", "json"):
        lines = dumps(rich_canvas(), file_format).splitlines()
        head = "\n".join(lines[:3])
        assert head.index("$schema") < head.index("schema_version")
    assert list(to_dict(rich_canvas()))[:3] == ["$schema", "schema_version", "meta"]


def test_multi_line_text_is_written_as_a_yaml_block() -> None:
    text = dumps(rich_canvas(), "yaml")
    assert "description: |\n    Line one\n    line two: with a colon\n" in text


def test_a_yaml_date_written_without_quotes_reads_as_text() -> None:
    document = loads("schema_version: 1\nmeta:\n  date: 2024-05-01\n", "yaml")
    assert document.canvas.meta.date == "2024-05-01"


def test_a_byte_order_mark_is_ignored() -> None:
    assert loads(b'\xef\xbb\xbf{"schema_version": 1}', "json").canvas == Canvas()
    assert loads("\ufeffschema_version: 1\n", "yaml").canvas == Canvas()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.cmc.yaml", "yaml"),
        ("a.yml", "yaml"),
        ("A.CMC.JSON", "json"),
        ("dir.d/a.cmc.toml", "toml"),
    ],
)
def test_the_format_follows_from_the_file_name(name: str, expected: str) -> None:
    assert format_for_path(name) == expected


def test_a_file_name_without_a_known_suffix_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"a\.cmc\.txt.*\.cmc\.yaml"):
        format_for_path("a.cmc.txt")


def test_an_unknown_format_name_is_refused() -> None:
    with pytest.raises(UnsupportedFormatError, match="'xml'"):
        dumps(Canvas(), "xml")


@pytest.mark.parametrize(
    ("name", "expected"), [("JSON", "json"), ("Yaml", "yaml"), ("yml", "yaml"), (" toml ", "toml")]
)
def test_a_format_name_is_read_in_any_case_and_yml_is_yaml(name: str, expected: str) -> None:
    # the type accepts any text, so these used to fail at run time (issue 14, item 11)
    assert loads(dumps(Canvas(), name), name).format == expected


@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize("text", ["one\r\ntwo", "one\rtwo", "one\ntwo\n", "nel\x85line\u2028"])
def test_every_kind_of_line_break_reads_back_exactly(file_format: str, text: str) -> None:
    canvas = Canvas(meta=Meta(description=text), notes=(BlockNote(BlockKey.CULTURE, text),))
    assert loads(dumps(canvas, file_format), file_format).canvas == canvas
