"""The fast path (the msgspec mirrors) and the detailed (explaining) path accept exactly the same
documents: both are built from the model's declarations."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings

from cmc_core import Canvas
from cmc_core.fileformat import CanvasLoadError, from_dict, to_dict
from cmc_core.fileformat.detailed import explain_canvas
from cmc_core.fileformat.mirror import structure_mirrored
from cmc_core.strategies import canvases
from cmc_core.testing import examples

from .canvases import rich_canvas


def body(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in ("$schema", "schema_version")}


def changed(path: list[str | int], value: object) -> dict[str, Any]:
    data = copy.deepcopy(to_dict(rich_canvas()))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


BAD = [
    (["meta", "name"], 1),
    (["meta", "name"], None),
    (["meta", "language"], "de"),
    (["meta", "authors"], "Ann"),
    (["meta", "authors"], ["Ann", 2]),
    (["meta", "extra"], 1),
    (["parties", 0, "roles"], ["supplier", "boss"]),
    (["parties", 0, "external"], 0),
    (["parties", 0], "p1"),
    (["parties"], {"id": "p1"}),
    (["flows", 0, "from"], ["p1"]),
    (["flows", 0, "via_commonality"], "true"),
    (["values", 0, "level"], "high"),
    (["factors", "vision", "maturity"], 4),
    (["factors", "vision", "maturity"], True),
    (["factors", "vision", "answer"], None),
    (["factors", "visoin"], {}),
    (["factors", "vision"], "x"),
    (["notes", "culture"], ["x"]),
    (["waste", "baseline_share"], "12"),
    (["waste", "expected_saving"], float("nan")),
    (["governance", "decision_rights", 0, "holders"], [None]),
    (["process_steps"], None),
]


@pytest.mark.parametrize(("path", "value"), BAD)
def test_both_paths_refuse_a_bad_value(path: list[str | int], value: object) -> None:
    data = body(changed(path, value))
    assert structure_mirrored(changed(path, value)) is None
    with pytest.raises(Exception):  # noqa: B017, PT011 -- the detailed tree is checked elsewhere
        explain_canvas(data)
    with pytest.raises(CanvasLoadError) as caught:
        from_dict(changed(path, value))
    assert caught.value.problems[0].path.startswith(logical_path(path))


def logical_path(segments: list[str | int]) -> str:
    """The diagnostic form of a path: keys joined by dots, list positions in brackets."""
    text = ""
    for segment in segments:
        text += f"[{segment}]" if isinstance(segment, int) else f".{segment}" if text else segment
    return text


GOOD = [
    (["meta", "owner"], None),
    (["waste", "baseline_share"], 12),
    (["factors", "vision", "maturity"], None),
    (["flows", 0, "step"], None),
]


@pytest.mark.parametrize(("path", "value"), GOOD)
def test_both_paths_accept_a_good_value_alike(path: list[str | int], value: object) -> None:
    document = changed(path, value)
    assert structure_mirrored(document) == explain_canvas(body(document))


@settings(max_examples=examples(100), deadline=None)
@given(canvas=canvases())
def test_both_paths_read_any_written_canvas_alike(canvas: Canvas) -> None:
    document = to_dict(canvas)
    assert structure_mirrored(document) == explain_canvas(body(document)) == canvas


def test_the_fast_path_declines_a_wrong_type_without_explaining() -> None:
    assert structure_mirrored({"schema_version": 1, "meta": {"name": 1}}) is None


def test_a_large_document_with_one_bad_flow_reports_just_that_flow() -> None:
    data = to_dict(Canvas())
    data["flows"] = [{"id": f"f{index}", "from": "a", "to": "b"} for index in range(20_000)]
    data["flows"][12_345]["to"] = 7
    with pytest.raises(CanvasLoadError) as caught:
        from_dict(data, "big.cmc.json")
    assert [problem.path for problem in caught.value.problems] == ["flows[12345].to"]
