"""The published JSON Schema is generated from the model and accepts what cmc writes."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from cmc_core import Canvas, Party, ValueFlow
from cmc_core.fileformat import json_schema, to_dict

from .canvases import rich_canvas


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "canvas",
    [
        Canvas(),
        rich_canvas(),
        Canvas(parties=(Party("p1"),), flows=(ValueFlow("f1", from_party="p1", to_party="p1"),)),
    ],
    ids=["empty", "rich", "tiny"],
)
def test_every_written_canvas_is_valid(validator: Any, canvas: Canvas) -> None:
    validator.validate(to_dict(canvas))


def broken(path: list[str | int], value: object) -> dict[str, Any]:
    data = copy.deepcopy(to_dict(rich_canvas()))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["meta", "langauge"], "nl"),
        (["parties", 0, "roles", 0], "suplier"),
        (["flows", 0, "from_party"], "p1"),
        (["factors", "vision", "maturity"], 4),
        (["factors", "visoin"], {"answer": "x"}),
        (["waste", "baseline_share"], 100.5),
        (["notes", "boundary"], 5),
        (["schema_version"], 3),
        (["parties", 0, "external"], "no"),
    ],
)
def test_what_the_loader_refuses_the_schema_refuses(
    validator: Any, path: list[str | int], value: object
) -> None:
    assert not validator.is_valid(broken(path, value))


def test_a_document_without_schema_version_is_invalid(validator: Any) -> None:
    assert not validator.is_valid({"meta": {"name": "x"}})


def test_an_entity_without_an_id_is_invalid(validator: Any) -> None:
    data = to_dict(rich_canvas())
    del data["parties"][0]["id"]
    assert not validator.is_valid(data)


def test_the_schema_uses_the_file_keys_and_the_keyed_mappings() -> None:
    schema = json_schema()
    flow = schema["$defs"]["ValueFlow"]
    assert list(flow["properties"])[:4] == ["id", "value", "from", "to"]
    assert flow["required"] == ["id"]
    assert flow["additionalProperties"] is False
    factors = schema["properties"]["factors"]
    assert list(factors["properties"]) == [
        "perspective",
        "vision",
        "ambition",
        "coordination",
        "governance",
        "structure",
        "culture",
    ]
    assert factors["properties"]["vision"] == {"$ref": "#/$defs/FactorEntry"}
    assert "key" not in schema["$defs"]["FactorEntry"]["properties"]
    assert schema["properties"]["notes"]["properties"]["boundary"] == {"type": "string"}


def test_the_schema_publishes_the_enums_and_bounds() -> None:
    schema = json_schema()
    maturity = schema["$defs"]["FactorEntry"]["properties"]["maturity"]
    assert (maturity["minimum"], maturity["maximum"]) == (0, 3)
    assert maturity["type"] == ["integer", "null"]
    roles = schema["$defs"]["Party"]["properties"]["roles"]["items"]["enum"]
    assert roles[:2] == ["supplier", "demander"]
    share = schema["$defs"]["Waste"]["properties"]["baseline_share"]
    assert (share["minimum"], share["maximum"]) == (0, 100)


def test_the_schema_is_draft_2020_12_and_names_itself() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == to_dict(Canvas())["$schema"]
    assert schema["required"] == ["schema_version"]
    assert schema["additionalProperties"] is False
