"""A loaded document knows where each logical path was written."""

from __future__ import annotations

import pytest

from cmc_core.diagnostics import Location
from cmc_core.fileformat import CanvasDocument, loads
from cmc_core.fileformat.locate import format_path, json_positions, parse_path

from .canvases import rich_canvas

YAML = """\
# comment
schema_version: 1
meta:
  name: Port
parties:
  - id: p1
    roles: [supplier, demander]
  - {id: p2, name: Two}
"""

JSON = """{
  "schema_version": 1,
  "parties": [
    {"id": "p1", "roles": ["supplier", "demander"]},
    {"id": "p2", "name": "Two"}
  ]
}
"""


@pytest.mark.parametrize(
    ("path", "line", "column"),
    [
        ("", 2, 1),
        ("meta", 3, 1),
        ("meta.name", 4, 3),
        ("parties[0]", 6, 5),
        ("parties[0].roles[1]", 7, 23),
        ("parties[1].name", 8, 14),
        ("parties[1].nothing", 8, 5),
        ("flows[3].to", 2, 1),
    ],
)
def test_yaml_paths_are_located_at_their_key_or_item(path: str, line: int, column: int) -> None:
    document = loads(YAML, "yaml", "c.cmc.yaml")
    assert document.locate(path) == Location("c.cmc.yaml", line, column)


@pytest.mark.parametrize(
    ("path", "line", "column"),
    [
        ("", 1, 1),
        ("parties", 3, 3),
        ("parties[0].roles[1]", 4, 40),
        ("parties[1].name", 5, 18),
        ("parties[7]", 3, 3),
    ],
)
def test_json_paths_are_located_too(path: str, line: int, column: int) -> None:
    document = loads(JSON, "json", "c.cmc.json")
    assert document.locate(path) == Location("c.cmc.json", line, column)


def test_json_keys_with_escapes_are_located() -> None:
    positions = json_positions('{"a\\"b": {"c": [1, {"d": 2}]}}')
    assert positions[('a"b',)] == (1, 2)
    assert positions[('a"b', "c", 1, "d")] == (1, 21)


def test_a_toml_document_locates_only_its_file() -> None:
    document = loads("schema_version = 1\n", "toml", "c.cmc.toml")
    assert document.locate("meta.name") == Location("c.cmc.toml")


def test_a_canvas_that_came_from_no_file_has_no_location() -> None:
    assert CanvasDocument(rich_canvas()).locate("meta") is None


@pytest.mark.parametrize("path", ["", "meta", "flows[3].to", "parties[0].roles[1]", "$schema"])
def test_paths_format_and_parse_back(path: str) -> None:
    assert format_path(parse_path(path)) == path
