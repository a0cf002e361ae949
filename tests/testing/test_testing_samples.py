"""The sample canvases, the hostile canvas and make_plugins hand plugin tests what they promise."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest

import cmc_exporters
from cmc_core import examples, shape
from cmc_core.fileformat import dumps, loads, to_dict
from cmc_core.rules import BUILTIN_RULES, validate
from cmc_core.testing import (
    HOSTILE_TEXTS,
    SAMPLE_NAMES,
    hostile_canvas,
    make_plugins,
    sample_canvases,
)


def test_sample_canvases_are_every_bundled_example_and_both_starters() -> None:
    samples = sample_canvases()
    assert tuple(samples) == SAMPLE_NAMES
    assert set(examples.names()) | {"starter-en", "starter-nl"} == set(samples)
    for example in examples.EXAMPLES:
        assert samples[example.name].meta.language is example.language
    assert samples["starter-en"].parties == ()


def test_each_call_hands_out_fresh_sample_canvases() -> None:
    first = sample_canvases()["port-logistics"]
    object.__setattr__(first.meta, "name", "changed by a misbehaving plugin")
    assert sample_canvases()["port-logistics"].meta.name != "changed by a misbehaving plugin"
    assert sample_canvases()["port-logistics"] is not first


def strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings(item)


def text_fields(value: object, where: str = "") -> Iterator[tuple[str, object]]:
    """Every free-text field of a canvas, as the model declares them (not an id, a reference or a
    list of names): text, optional text and lists of text, at every depth."""
    if not attrs.has(type(value)):
        return
    texts = {field.name for field in shape.text_fields(type(value))}
    for field in attrs.fields(type(value)):
        inner = getattr(value, field.name)
        path = f"{where}.{field.name}"
        if field.name in texts:
            yield path, inner
        elif isinstance(inner, tuple):
            for index, item in enumerate(inner):
                yield from text_fields(item, f"{path}[{index}]")
        else:
            yield from text_fields(inner, path)


def test_every_hostile_text_appears_in_the_hostile_canvas() -> None:
    written = set(strings(to_dict(hostile_canvas())))
    assert [text for text in HOSTILE_TEXTS if text not in written] == []


def test_every_free_text_field_of_the_hostile_canvas_is_hostile() -> None:
    fields = dict(text_fields(hostile_canvas()))
    assert fields.pop(".meta.date") == "2025-03-14"  # a real date, so that exporters show one
    assert len(fields) > len(HOSTILE_TEXTS)
    for path, value in fields.items():
        values = value if isinstance(value, tuple) else (value,)
        assert values, path
        assert all(text in HOSTILE_TEXTS for text in values), path


def test_hostile_texts_have_no_control_characters_but_tab_and_line_breaks() -> None:
    controls = {chr(code) for code in range(32)} - {"\t", "\n", "\r"}
    assert [text for text in HOSTILE_TEXTS if controls & set(text)] == []


@pytest.mark.parametrize("file_format", ["json", "yaml", "toml"])
def test_the_hostile_canvas_saves_and_loads_losslessly(file_format: str) -> None:
    canvas = hostile_canvas()
    assert loads(dumps(canvas, file_format), file_format).canvas == canvas


def test_every_reference_of_the_hostile_canvas_resolves() -> None:
    codes = validate(hostile_canvas()).codes()
    assert "CMC022" not in codes  # references resolve
    assert "CMC023" not in codes  # ids are unique


def test_make_plugins_holds_only_the_plugins_it_is_given() -> None:
    assert len(make_plugins().exporters) == 0
    assert len(make_plugins().rules) == 0
    plugins = make_plugins(cmc_exporters)
    assert plugins.exporters.names() == tuple(e.name for e in cmc_exporters.BUILTIN_EXPORTERS)
    assert len(plugins.rules) == 0


def test_make_plugins_adds_the_built_in_rules_when_asked() -> None:
    plugins = make_plugins(cmc_exporters, builtins=True)
    assert plugins.rules.names() == tuple(rule.code for rule in BUILTIN_RULES)
    assert plugins.rules.provider("CMC001").builtin
    assert "json" in plugins.exporters
