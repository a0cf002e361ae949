"""YAML is read by libyaml's C parser and means what it meant when ruamel.yaml read it
(issue 14, item 7): YAML 1.2, every guard with its position, ruamel.yaml only for an edit."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import warnings
from collections.abc import Set as AbstractSet
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cmc_core import Canvas
from cmc_core.examples import example_text, names
from cmc_core.fileformat import CanvasLoadError, dumps, loads
from cmc_core.fileformat.text import plainify
from cmc_core.fileformat.yaml_io import MAX_DEPTH, YamlLocator, read_yaml_data
from cmc_core.fileformat.yaml_scalars import short_tag
from cmc_core.strategies import canvases
from cmc_core.testing import examples


def ruamel_reads(text: str) -> Any:
    """What every YAML read gave before: ruamel.yaml's round-trip load, as plain data."""
    from ruamel.yaml import YAML

    with warnings.catch_warnings():  # ruamel.yaml warns of 1.1's floats without a dot
        warnings.simplefilter("ignore")
        return plainify(YAML(typ="rt").load(text))


def comparable(value: Any) -> Any:
    """Plain data with what each reader makes of a tag in common terms: a tagged scalar as its
    tag and text, a ``!!set`` as its members."""
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(comparable(item) for item in value)
    if isinstance(value, AbstractSet):
        return ("set", sorted(value))
    tag = getattr(value, "tag", None)
    if tag is not None:
        return ("tagged", short_tag(str(getattr(tag, "value", tag))), str(value))
    return value


def outcome(read: Any, text: str) -> str:
    """A reader's result as comparable text: the data (``nan`` equal to itself, ``1`` unequal
    to ``1.0`` and to ``True``), or just that it refused the text."""
    try:
        return repr(comparable(read(text)))
    except Exception:  # ruamel.yaml raises many kinds (and crashes on a few texts)
        return "refused"


def fast_reads(text: str) -> Any:
    return read_yaml_data(text)[0]


# -- the scalars a canvas holds mean what they meant ----------------------------------------------

SCALARS = {
    # YAML 1.1's booleans are text in 1.2
    "yes": "yes",
    "no": "no",
    "on": "on",
    "Off": "Off",
    "y": "y",
    "true": True,
    "FALSE": False,
    # a leading zero is not octal; sexagesimal numbers are text
    "0777": 777,
    "0o17": 15,
    "0x1F": 31,
    "0b101": 5,
    "1_000": 1000,
    "-0": 0,
    "1:20": "1:20",
    "1:20:30.5": "1:20:30.5",
    # floats, infinity and not-a-number
    "1e3": 1000.0,
    "1.": 1.0,
    ".5": 0.5,
    "-.5": -0.5,
    "1_0.5": 10.5,
    ".inf": math.inf,
    "-.Inf": -math.inf,
    "+.INF": math.inf,
    ".nan": math.nan,
    "-.nan": "-.nan",
    # null
    "~": None,
    "null": None,
    "NULL": None,
    "": None,
    "nul": "nul",
    # dates and time stamps are read as their ISO text
    "2024-05-01": "2024-05-01",
    "2024-5-1": "2024-5-1",
    "2024-05-01 10:00:00": "2024-05-01T10:00:00",
    "2024-05-01t10:00:00.5Z": "2024-05-01T10:00:00.500000+00:00",
    "2024-05-01T10:00:00.9999995+01:30": "2024-05-01T10:00:01+01:30",
    # text that looks like a number
    "12e": "12e",
    "1.2.3": "1.2.3",
    "0x": "0x",
    "+": "+",
    "v1.0": "v1.0",
}


@pytest.mark.parametrize(("scalar", "expected"), list(SCALARS.items()))
def test_a_plain_scalar_means_what_ruamel_yaml_read_it_as(scalar: str, expected: Any) -> None:
    text = f"v: {scalar}\n"
    assert repr(fast_reads(text)["v"]) == repr(expected)
    assert outcome(fast_reads, text) == outcome(ruamel_reads, text)


@pytest.mark.parametrize("scalar", [s for s in SCALARS if s])
def test_a_plain_scalar_as_a_key_becomes_the_same_text(scalar: str) -> None:
    text = f"{scalar}: v\n"
    assert outcome(fast_reads, text) == outcome(ruamel_reads, text)


@pytest.mark.parametrize("scalar", ["yes", "no", "on", "0777", "1:20", "1:20.5", "y"])
def test_a_yaml_1_1_document_reads_as_yaml_1_1(scalar: str) -> None:
    text = f"%YAML 1.1\n---\nv: {scalar}\n{scalar}: k\n"
    assert outcome(fast_reads, text) == outcome(ruamel_reads, text)


NUMBERISH = st.from_regex(
    r"[-+]?(0[box])?[0-9a-fA-F_]{0,6}(\.[0-9_]{0,4})?([eE][-+]?[0-9]{1,3})?", fullmatch=True
)
STAMPS = st.from_regex(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]{0,8})?"
    r"( ?(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?",
    fullmatch=True,
)
WORDS = st.sampled_from([*SCALARS, ".NaN", "True", "Null", "<<", "=", "1:2:3", "0o8", "0b2", "_1"])
SEXAGESIMAL = st.from_regex(r"[-+]?[0-9]{1,3}(:[0-9]{1,2}){1,2}(\.[0-9]{0,2})?", fullmatch=True)


@settings(max_examples=examples(1000), deadline=None)
@given(
    scalar=st.one_of(NUMBERISH, STAMPS, WORDS, SEXAGESIMAL),
    form=st.sampled_from(["v: {}\n", "{}: v\n", "- [{}]\n", "%YAML 1.1\n---\n- {}\n"]),
)
def test_the_fast_reader_and_ruamel_yaml_read_the_same_data(scalar: str, form: str) -> None:
    assume(scalar or not form.startswith("{}:"))  # ": v" is a syntax error only to libyaml
    text = form.format(scalar)
    assert outcome(fast_reads, text) == outcome(ruamel_reads, text)


#: Keys without the line breaks only YAML 1.1 has (NEL, LS, PS): in a key, ruamel.yaml folds
#: them into a space and libyaml refuses them (a key spans one line); cmc writes them escaped.
KEYS = st.text(st.characters(exclude_characters="\x85\u2028\u2029"))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=examples(300), deadline=None)
@given(JSON_VALUES)
def test_json_is_yaml_to_both_readers(value: Any) -> None:
    # ensure_ascii would write astral characters as surrogate pairs, which YAML does not take
    text = json.dumps({"v": value}, ensure_ascii=False)
    assert outcome(fast_reads, text) == outcome(ruamel_reads, text)


# -- tags, merges and keys that are not text ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a: !!int '12'",
        "a: !!float 42",
        "a: !!bool yes",
        "a: !!null x",
        "a: !!timestamp 2024-01-01",
        "a: !!binary aGVsbG8=",
        "a: ! 12",
        "a: !foo {b: 1}",
        "a: !foo [1]",
        "a: !!omap [{x: 1}, {y: 2}]",
        "a: !!pairs [{x: 1}, {x: 2}]",
        "<<: [{a: 1}, {a: 2, b: 3}]\nb: 4",
        "a: {<<: {b: 1}, c: 2}",
        "0x1F: a\n1.50: b\n.inf: c\n~: d\ntrue: e\n2024-01-01 10:00:00: f",
        "a: !!set {x, y}",
        "a: !!int [1]",
        "1: a\n1.0: b",
        "true: a\n1: b",
    ],
)
def test_tags_merges_and_other_keys_read_as_ruamel_yaml_read_them(text: str) -> None:
    assert outcome(fast_reads, text) == outcome(ruamel_reads, text)


def test_text_tagged_str_is_text() -> None:
    # ruamel.yaml kept it as a tagged value and the canvas reader refused it
    assert loads("schema_version: 2\nmeta: {name: !!str 2024}\n", "yaml").canvas.meta.name == "2024"


def test_a_key_given_as_text_and_as_a_number_is_a_duplicate() -> None:
    # ruamel.yaml took both and the second silently replaced the first in the plain data
    with pytest.raises(CanvasLoadError) as caught:
        read_yaml_data("'1': a\n1: b\n", "a.yaml")
    assert str(caught.value).startswith('a.yaml:2:1: invalid YAML: found duplicate key "1"')
    assert caught.value.problems[0].kind == "duplicate-key"


# -- the guards -----------------------------------------------------------------------------------


def problem_of(text: str) -> tuple[str, str]:
    with pytest.raises(CanvasLoadError) as caught:
        loads(text, "yaml", "c.cmc.yaml")
    assert len(caught.value.problems) == 1, str(caught.value)
    return str(caught.value), caught.value.problems[0].kind


def nested(levels: int) -> str:
    """A document whose deepest node is ``levels`` deep (the document itself is level 1)."""
    return "schema_version: 2\nmeta:\n" + "".join(
        "  " * (level + 1) + f"k{level}:\n" for level in range(levels - 2)
    )


def test_nesting_is_refused_from_the_101st_level_at_the_node_ruamel_yaml_named() -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.composer import MaxDepthExceededError

    assert "nested" not in problem_of(nested(MAX_DEPTH))[0]  # an unknown key, but read
    message, kind = problem_of(nested(MAX_DEPTH + 1))
    ruamel = YAML(typ="rt")
    ruamel.max_depth = MAX_DEPTH
    with pytest.raises(MaxDepthExceededError) as caught:
        ruamel.load(nested(MAX_DEPTH + 1))
    mark = caught.value.problem_mark
    assert message == (
        f"c.cmc.yaml:{mark.line + 1}:{mark.column + 1}: "
        "the document is nested more than 100 levels deep"
    )
    assert kind == "unsafe"


def test_nesting_beyond_libyaml_s_own_limit_is_refused_the_same_way() -> None:
    message, kind = problem_of("- " * 5000 + "x\n")
    assert message.startswith("c.cmc.yaml:1:")
    assert message.endswith("the document is nested more than 100 levels deep")
    assert kind == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "schema_version: 2\nmeta: {name: '" + "[" * 150 + "'}\n",
        "schema_version: 2\nmeta:\n  description: |\n    " + "{" * 150 + "\n",
    ],
    ids=["single-quoted", "block-scalar"],
)
def test_brackets_in_text_are_not_nesting(text: str) -> None:
    # the old guard counted brackets in any text but double-quoted
    assert loads(text, "yaml").canvas.meta


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("schema_version: 2\nmeta: &m {name: x}\n", "2:7"),
        ("schema_version: 2\nparties:\n  - &p\n    id: p1\n", "3:5"),
        ("schema_version: 2\nmeta: {name: *x}\n", "2:14"),
    ],
)
def test_an_anchor_or_an_alias_is_refused_at_its_place(text: str, where: str) -> None:
    message, kind = problem_of(text)
    assert message == (
        f"c.cmc.yaml:{where}: anchors and aliases (&name, *name) are not allowed in a canvas "
        "file; write the value out"
    )
    assert kind == "unsafe"


@pytest.mark.parametrize(
    ("text", "starts", "kind"),
    [
        ("schema_version: 2\n---\nschema_version: 2\n", "c.cmc.yaml:2:1: invalid YAML: ", "syntax"),
        ("a: 1\na: 2\n", 'c.cmc.yaml:2:1: invalid YAML: found duplicate key "a"', "duplicate-key"),
        ("a: 2024-13-01\n", "c.cmc.yaml:1:4: invalid YAML: '2024-13-01' is not", "invalid-value"),
        ("a: 0x" + "f" * 4000 + "\n", "c.cmc.yaml:1:4: invalid YAML: a whole number", "too-large"),
        ("a: '\x07'\n", "c.cmc.yaml:1:5: invalid YAML: the character 0x0007", "encoding"),
        ("a: \ud800\n", "c.cmc.yaml:1:4: invalid YAML: the character 0xd800", "encoding"),
        ("a: !!int [1]\n", "c.cmc.yaml:1:4: invalid YAML: !!int tags a single value", "unsafe"),
        ("# nothing\n---\n~\n", "c.cmc.yaml:1:1: the file is empty", "empty"),
    ],
)
def test_each_yaml_problem_has_its_place_and_kind(text: str, starts: str, kind: str) -> None:
    message, found = problem_of(text)
    assert message.startswith(starts)
    assert found == kind


def test_a_syntax_error_after_a_bad_value_is_the_one_reported() -> None:
    # as with ruamel.yaml, which built the whole tree before it converted any value
    message, _kind = problem_of("a: 2024-02-30\nb: [1\n")
    assert "2024-02-30" not in message
    assert message.startswith("c.cmc.yaml:")


def test_a_key_that_is_not_text_is_located_at_itself() -> None:
    message, kind = problem_of("schema_version: 2\nmeta:\n  name: x\n  1: y\n")
    assert message.startswith("c.cmc.yaml:4:3: meta has an unknown key '1'")
    assert kind == "unknown-key"


# -- ruamel.yaml is for edits only --------------------------------------------------------------


def modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {name.split(".")[0] for name in json.loads(result.stdout.splitlines()[-1])}


def test_loading_and_locating_a_yaml_canvas_does_not_import_ruamel_yaml() -> None:
    code = (
        "from cmc_core.examples import example_text\n"
        "from cmc_core.fileformat import loads\n"
        "document = loads(example_text('port-logistics'), 'yaml')\n"
        "assert document.locate('parties[0].name').line\n"
        "assert document.dumps() == example_text('port-logistics')"
    )
    loaded = modules_after(code)
    assert "yaml" in loaded
    assert "ruamel" not in loaded


def test_an_unedited_document_is_written_back_as_it_was_read() -> None:
    text = "schema_version: 2\nmeta: { name: Port,  language: nl }   # spaced\n"
    document = loads(text, "yaml")
    assert document.dumps() == text
    assert document.with_canvas(document.canvas).dumps() == (
        "$schema: cmc-canvas-2.schema.json\n"
        "schema_version: 2\n"
        "meta: {name: Port, language: nl}      # spaced\n"
    )


# -- positions ---------------------------------------------------------------------------------


def paths_in(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path of plain data, and a missing key and item under each collection."""
    found = [path]
    if isinstance(value, dict):
        found.append((*path, "no-such-key"))
        for key, item in value.items():
            found += paths_in(item, (*path, key))
    elif isinstance(value, list):
        found.append((*path, len(value)))
        for index, item in enumerate(value):
            found += paths_in(item, (*path, index))
    return found


def ruamel_position(root: Any, segments: tuple[str | int, ...]) -> tuple[int, int]:
    """Where the locator of ruamel.yaml's tree put a path (the key of a member, an item)."""
    node, position = root, (root.lc.line + 1, root.lc.col + 1)
    for segment in segments:
        if isinstance(node, dict) and segment in node:
            line, column = node.lc.key(segment)
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            line, column = node.lc.item(segment)
        else:
            break
        node, position = node[segment], (line + 1, column + 1)
    return position


def assert_located_alike(text: str) -> None:
    from ruamel.yaml import YAML

    data, recorded = read_yaml_data(text)
    read_again = YamlLocator(text, None)
    root = YAML(typ="rt").load(text)
    for path in paths_in(data):
        expected = ruamel_position(root, path)
        assert recorded.position(path) == expected, path
        assert read_again.position(path) == expected, path


@pytest.mark.parametrize("name", names())
def test_every_path_of_an_example_is_located_where_ruamel_yaml_located_it(name: str) -> None:
    assert_located_alike(example_text(name))


@settings(max_examples=examples(100), deadline=None)
@given(canvas=canvases())
def test_every_path_of_a_written_canvas_is_located_where_ruamel_yaml_located_it(
    canvas: Canvas,
) -> None:
    assert_located_alike(dumps(canvas, "yaml"))


def test_a_document_with_merges_is_located_by_reading_it_again() -> None:
    text = "a:\n  <<: {b: 1}\n  c: 2\nd: [x, {e: 3}]\n"
    _data, locator = read_yaml_data(text)
    assert locator.position(("a", "c")) == (3, 3)
    assert locator.position(("a", "b")) == (2, 8)
    assert locator.position(("d", 1, "e")) == (4, 9)
