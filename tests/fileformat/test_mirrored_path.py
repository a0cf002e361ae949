"""The msgspec path for JSON takes only what the dict paths accept, and reads it alike."""

from __future__ import annotations

import copy
import math
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_core import Canvas, ValueFlow
from cmc_core.canvas import SCHEMA_VERSION
from cmc_core.fileformat import CanvasLoadError, from_dict, loads, to_dict
from cmc_core.fileformat.json_io import encode_json
from cmc_core.fileformat.mirror import decode_mirrored
from cmc_core.strategies import canvases
from cmc_core.testing import examples

from .canvases import rich_canvas
from .test_fast_and_detailed_paths import BAD, GOOD, changed


def as_json(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data)


@settings(deadline=None)
@given(canvas=canvases())
def test_it_reads_any_written_canvas_back_unchanged(canvas: Canvas) -> None:
    assert decode_mirrored(encode_json(canvas)) == canvas


def test_it_reads_the_rich_canvas_from_bytes_and_from_text() -> None:
    data = encode_json(rich_canvas())
    assert decode_mirrored(data) == rich_canvas()
    assert decode_mirrored(data.decode("utf-8")) == rich_canvas()


@pytest.mark.parametrize(("path", "value"), BAD)
def test_it_declines_every_value_the_dict_paths_refuse(
    path: list[str | int], value: object
) -> None:
    if isinstance(value, float) and math.isnan(value):  # orjson writes NaN as null; spell it out
        text = as_json(changed(path, "NAN")).replace(b'"NAN"', b"NaN")
    else:
        text = as_json(changed(path, value))
    assert decode_mirrored(text) is None


@pytest.mark.parametrize(("path", "value"), GOOD)
def test_it_reads_a_good_value_as_the_dict_path_does(path: list[str | int], value: object) -> None:
    data = changed(path, value)
    assert decode_mirrored(as_json(data)) == from_dict(data)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("schema_version", SCHEMA_VERSION + 1),
        ("schema_version", 0),
        ("schema_version", "1"),
        ("schema_version", True),
        ("$schema", 1),
    ],
)
def test_it_leaves_other_versions_and_bad_headers_to_the_dict_path(
    header: str, value: object
) -> None:
    data = to_dict(rich_canvas())
    data[header] = value
    assert decode_mirrored(as_json(data)) is None


def test_a_document_without_a_version_is_left_to_the_dict_path() -> None:
    data = to_dict(rich_canvas())
    del data["schema_version"]
    assert decode_mirrored(as_json(data)) is None
    with pytest.raises(CanvasLoadError, match="schema_version"):
        loads(as_json(data), "json")


def test_an_unknown_key_is_left_to_the_dict_path_which_names_it() -> None:
    data = changed(["flows", 0, "form"], "p1")
    assert decode_mirrored(as_json(data)) is None
    with pytest.raises(CanvasLoadError, match="form"):
        loads(as_json(data), "json")


NOT_TEXT = [
    b'{"schema_version": 1, "meta": {"name": "\xff\xfe"}}',  # not UTF-8 inside a string
    b'{"schema_version": 1, "meta": {"name": "\xc0\xaf"}}',  # an overlong encoding
    b'{"schema_version": 1, "meta": {"name": "\xed\xa0\x80"}}',  # an encoded surrogate
    '{"schema_version": 1, "meta": {"name": "\ud800"}}',  # a lone surrogate in a str
]


@pytest.mark.parametrize(
    "text",
    [
        b"",
        b"[]",
        b"{",
        b'{"schema_version": 1, "meta": {"name": "\\ud800"}}',
        b"\xff\xfe",
        *NOT_TEXT,
    ],
)
def test_malformed_json_is_declined(text: bytes | str) -> None:
    assert decode_mirrored(text) is None


@pytest.mark.parametrize("text", NOT_TEXT)
def test_text_that_is_not_utf8_is_a_load_error_not_a_traceback(text: bytes | str) -> None:
    with pytest.raises(CanvasLoadError):
        loads(text, "json", "bad.cmc.json")


def test_a_deeply_nested_document_is_declined_without_a_crash() -> None:
    text = b'{"schema_version": 1, "meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert decode_mirrored(text) is None


# Any JSON value at any place of a canvas: wherever the msgspec path accepts the result, the dict
# path must accept it too and read the same canvas. This is what makes the msgspec path safe to
# take first: it may decline more than it must, never accept more, never read differently.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 200)
    | st.floats(-1, 200, allow_nan=False)
    | st.sampled_from(["", "p1", "supplier", "vision", "high", "cooperate", "x" * 3]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=5,
)


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_in(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_in(value, (*prefix, index))
    return found


RICH = to_dict(rich_canvas())
RICH_PATHS = paths_in(RICH)


@settings(max_examples=examples(300), deadline=None)
@given(
    path=st.sampled_from(RICH_PATHS),
    value=json_values,
    new_key=st.sampled_from(["", "name", "from", "from_party", "maturity", "zz"]),
    add=st.booleans(),
)
def test_it_never_accepts_what_the_dict_path_refuses(
    path: tuple[Any, ...], value: object, new_key: str, add: bool
) -> None:
    data = copy.deepcopy(RICH)
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    if add and isinstance(target[path[-1]], dict):
        target[path[-1]][new_key] = value
    else:
        target[path[-1]] = value
    mirrored = decode_mirrored(as_json(data))
    if mirrored is not None:
        assert mirrored == from_dict(data)


def flows_with_steps(steps: list[str | None], process_steps: tuple[str, ...] | None) -> bytes:
    canvas = Canvas(
        flows=tuple(
            ValueFlow(f"f-{n}", "v-x", "p-a", "p-b", step=step) for n, step in enumerate(steps)
        )
    )
    if process_steps is not None:
        canvas = canvas.evolve(process_steps=process_steps)
    return encode_json(canvas)


def test_the_default_steps_are_shared_by_every_flow_that_names_them() -> None:
    # a million flows then hold four strings, not a million copies (docs/benchmarks.md)
    read = decode_mirrored(flows_with_steps(["find", "match", "find", None], None))
    assert read is not None
    first, second, third, fourth = (flow.step for flow in read.flows)
    assert (first, second, fourth) == ("find", "match", None)
    assert first is third


@pytest.mark.parametrize(
    ("steps", "process_steps"),
    [
        (["intake", "find", "deliver"], ("intake", "find", "deliver")),  # steps of its own
        (["find", "ghost"], None),  # a step that names nothing: CMC022 reports it, it loads
        (["find", ""], None),
    ],
)
def test_steps_other_than_the_defaults_are_read_as_any_text(
    steps: list[str | None], process_steps: tuple[str, ...] | None
) -> None:
    data = flows_with_steps(steps, process_steps)
    read = decode_mirrored(data)
    assert read is not None
    assert [flow.step for flow in read.flows] == steps
    assert read == from_dict(orjson.loads(data))
