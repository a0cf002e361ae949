"""JSON is the canonical machine form: deterministic, diff-friendly, in model field order."""

from __future__ import annotations

import json

import attrs
import orjson

from cmc_core import Canvas, ValueFlow
from cmc_core.fileformat import dumps, loads, to_dict

from .canvases import rich_canvas


def test_the_same_canvas_gives_identical_bytes() -> None:
    first = dumps(rich_canvas(), "json")
    assert dumps(rich_canvas(), "json") == first
    assert dumps(loads(first, "json").canvas, "json") == first


def test_equal_canvases_built_in_another_order_give_identical_text() -> None:
    canvas = rich_canvas()
    shuffled = canvas.evolve(
        factors=tuple(reversed(canvas.factors)),
        principles=tuple(reversed(canvas.principles)),
        notes=tuple(reversed(canvas.notes)),
    )
    assert dumps(shuffled, "json") == dumps(canvas, "json")


def test_keys_come_in_model_field_order() -> None:
    data = json.loads(dumps(rich_canvas(), "json"))
    canvas_fields = [a.name for a in attrs.fields(Canvas)]
    assert list(data)[2:] == [name for name in canvas_fields if name in data]
    flow_keys = ["id", "value", "from", "to", "counter_value", "via_commonality", "step"]
    assert list(data["flows"][0]) == flow_keys
    assert [a.name for a in attrs.fields(ValueFlow)][:7] == [
        "id",
        "value",
        "from_party",
        "to_party",
        "counter_value",
        "via_commonality",
        "step",
    ]


def test_json_is_indented_by_two_spaces_and_ends_with_a_newline() -> None:
    text = dumps(rich_canvas(), "json")
    assert text.startswith('{\n  "$schema": "cmc-canvas-2.schema.json",\n  "schema_version": 2,\n')
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")


def test_json_keeps_non_ascii_text_unescaped() -> None:
    assert "Çem Ünal" in dumps(rich_canvas(), "json")


def test_the_json_text_holds_exactly_the_unstructured_form() -> None:
    assert orjson.loads(dumps(rich_canvas(), "json")) == to_dict(rich_canvas())
