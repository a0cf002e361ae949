"""Bad input gives a typed error with file, line, column and a clear message; never a crash."""

from __future__ import annotations

import os
import pickle
import random
from pathlib import Path

import pytest

from cmc_core.errors import CmcError
from cmc_core.fileformat import CanvasLoadError, LoadProblem, from_dict, load, loads


def load_error(tmp_path: Path, name: str, content: str | bytes) -> CanvasLoadError:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(CanvasLoadError) as caught:
        load(path)
    assert caught.value.source == str(path)
    return caught.value


def only_line(error: CanvasLoadError, tmp_path: Path) -> str:
    """The single message line, with the temporary directory taken out."""
    assert len(error.problems) == 1, str(error)
    return str(error).replace(f"{tmp_path}{os.sep}", "")


# -- empty, binary and unsafe files ----------------------------------------------------------


@pytest.mark.parametrize("suffix", ["yaml", "json", "toml"])
@pytest.mark.parametrize("content", ["", "  \n\n", "\ufeff"])
def test_an_empty_file_says_a_canvas_needs_a_schema_version(
    tmp_path: Path, suffix: str, content: str
) -> None:
    error = load_error(tmp_path, f"c.cmc.{suffix}", content)
    assert only_line(error, tmp_path) == (
        f"c.cmc.{suffix}:1:1: the file is empty; a canvas needs at least schema_version"
    )


def test_a_yaml_file_of_only_comments_counts_as_empty(tmp_path: Path) -> None:
    error = load_error(tmp_path, "c.cmc.yaml", "# to do\n\n# later\n")
    assert "the file is empty" in str(error)


@pytest.mark.parametrize("suffix", ["yaml", "json", "toml"])
def test_a_megabyte_of_random_bytes_is_not_utf8_text(tmp_path: Path, suffix: str) -> None:
    noise = random.Random(7).randbytes(1_000_000)
    error = load_error(tmp_path, f"noise.cmc.{suffix}", noise)
    message = only_line(error, tmp_path)
    assert message.startswith(f"noise.cmc.{suffix}:1:")
    assert "is not UTF-8 text" in message


def test_a_bad_byte_is_located_by_line_and_column(tmp_path: Path) -> None:
    latin1 = "schema_version: 1\nmeta: {name: café}\n".encode("latin-1")
    error = load_error(tmp_path, "c.cmc.yaml", latin1)
    assert only_line(error, tmp_path).startswith(
        "c.cmc.yaml:2:17: the file is not UTF-8 text: byte 0xe9 cannot be decoded"
    )


def test_a_yaml_alias_bomb_is_refused_before_anything_expands(tmp_path: Path) -> None:
    lines = ["schema_version: 1", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    lines.append("meta: {name: *a11}")
    error = load_error(tmp_path, "bomb.cmc.yaml", "\n".join(lines) + "\n")
    assert only_line(error, tmp_path) == (
        "bomb.cmc.yaml:2:5: anchors and aliases (&name, *name) are not allowed in a canvas "
        "file; write the value out"
    )


@pytest.mark.parametrize(
    "nesting",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 100_000 + "1" + "}" * 100_000,
        "\n" + "".join("  " * (level + 1) + f"k{level}:\n" for level in range(150)),
    ],
    ids=["flow-lists", "flow-mappings", "block-mappings"],
)
def test_a_hundred_thousand_levels_of_yaml_nesting_are_refused(
    tmp_path: Path, nesting: str
) -> None:
    error = load_error(tmp_path, "deep.cmc.yaml", "schema_version: 1\nmeta: " + nesting + "\n")
    message = only_line(error, tmp_path)
    assert message.startswith("deep.cmc.yaml:")
    assert message.endswith("the document is nested more than 100 levels deep")


def test_deep_json_nesting_is_refused_with_its_position(tmp_path: Path) -> None:
    text = '{"schema_version": 1, "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"
    error = load_error(tmp_path, "deep.cmc.json", text)
    assert only_line(error, tmp_path).startswith("deep.cmc.json:1:")
    assert "nested too deeply" in str(error)


def test_deep_toml_nesting_is_refused(tmp_path: Path) -> None:
    text = "schema_version = 1\nmeta = " + "[" * 100_000 + "]" * 100_000 + "\n"
    error = load_error(tmp_path, "deep.cmc.toml", text)
    assert "nested too deeply" in only_line(error, tmp_path)


# -- syntax ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "schema_version: 1\nmeta:\n\tname: a\n",
            "c.cmc.yaml:3:1: invalid YAML: found character '\\t'",
        ),
        ("schema_version: 1\nmeta: {name: a\nparties: []\n", "c.cmc.yaml:3:8: invalid YAML:"),
        (
            "schema_version: 1\nmeta:\n  name: a\n  name: b\n",
            'c.cmc.yaml:4:3: invalid YAML: found duplicate key "name"',
        ),
        (
            'schema_version: 1\nmeta: {name: "a\x00"}\n',
            "c.cmc.yaml:2:16: invalid YAML: the character 0x0000",
        ),
    ],
    ids=["tab", "unclosed-mapping", "duplicate-key", "nul-character"],
)
def test_yaml_syntax_errors_give_line_and_column(tmp_path: Path, text: str, expected: str) -> None:
    assert only_line(load_error(tmp_path, "c.cmc.yaml", text), tmp_path).startswith(expected)


def test_json_syntax_errors_give_line_and_column(tmp_path: Path) -> None:
    error = load_error(tmp_path, "c.cmc.json", '{"schema_version": 1,\n "meta": {"name": }\n}')
    assert only_line(error, tmp_path) == (
        "c.cmc.json:2:19: invalid JSON: unexpected character, expected a JSON value"
    )


def test_toml_syntax_errors_give_line_and_column(tmp_path: Path) -> None:
    error = load_error(tmp_path, "c.cmc.toml", 'schema_version = 1\n[meta\nname = "x"\n')
    assert only_line(error, tmp_path).startswith("c.cmc.toml:2:6: invalid TOML: ")


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("c.cmc.yaml", "- a\n- b\n", "a list of 2 items"),
        ("c.cmc.json", '"canvas"', "the text 'canvas'"),
        ("c.cmc.yaml", "42\n", "the number 42"),
    ],
)
def test_a_document_that_is_not_a_mapping_is_refused(
    tmp_path: Path, name: str, text: str, found: str
) -> None:
    error = load_error(tmp_path, name, text)
    assert only_line(error, tmp_path) == (
        f"{name}:1:1: the document must be a mapping of keys "
        f"(schema_version, meta, parties, ...), not {found}"
    )


# -- structure and values ----------------------------------------------------------------------

MISSPELT = """\
schema_version: 1
meta:
  name: Port
  langauge: nl
parties:
  - id: p1
    nmae: Port
"""


def test_a_misspelt_key_is_named_with_its_position_and_a_suggestion(tmp_path: Path) -> None:
    error = load_error(tmp_path, "port.cmc.yaml", MISSPELT)
    assert str(error).replace(f"{tmp_path}{os.sep}", "").splitlines() == [
        "port.cmc.yaml:4:3: meta has an unknown key 'langauge'; did you mean 'language'?",
        "port.cmc.yaml:7:5: parties[0] has an unknown key 'nmae'; did you mean 'name'?",
    ]
    assert [problem.path for problem in error.problems] == ["meta.langauge", "parties[0].nmae"]


def test_an_unknown_key_without_a_close_match_lists_the_known_keys(tmp_path: Path) -> None:
    text = "schema_version: 1\nflows:\n  - id: f1\n    zzz: 1\n"
    error = load_error(tmp_path, "c.cmc.yaml", text)
    assert only_line(error, tmp_path) == (
        "c.cmc.yaml:4:5: flows[0] has an unknown key 'zzz'; expected one of: id, value, from, "
        "to, counter_value, via_commonality, step, counter_of, friction, kind, volume, unit, "
        "period, provenance, sources"
    )


def test_a_key_written_one_level_too_high_is_pointed_to_its_block(tmp_path: Path) -> None:
    error = load_error(tmp_path, "c.cmc.yaml", "schema_version: 1\ncanvas_version: '0.2'\n")
    assert only_line(error, tmp_path) == (
        "c.cmc.yaml:2:1: the document has an unknown key 'canvas_version'; "
        "did you mean to put it under 'meta'?"
    )


def test_unknown_factor_and_note_keys_get_a_suggestion(tmp_path: Path) -> None:
    text = "schema_version: 1\nfactors:\n  visoin: {answer: x}\nnotes:\n  boundry: text\n"
    error = load_error(tmp_path, "c.cmc.yaml", text)
    assert str(error).replace(f"{tmp_path}{os.sep}", "").splitlines() == [
        "c.cmc.yaml:3:3: factors has an unknown key 'visoin'; did you mean 'vision'?",
        "c.cmc.yaml:5:3: notes has an unknown key 'boundry'; did you mean 'boundary'?",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("    to: 42", "flows[0].to: expected text, found the number 42; put it in quotes"),
        (
            "    via_commonality: 'yes'",
            "flows[0].via_commonality: expected true or false, found the text 'yes'",
        ),
        ("    to: [p1, p2]", "flows[0].to: expected text, found a list of 2 items"),
        ("    to: {id: p1}", "flows[0].to: expected text, found a mapping"),
        ("    to: null", None),
    ],
)
def test_a_wrong_type_names_the_path_what_was_expected_and_what_was_found(
    tmp_path: Path, line: str, expected: str | None
) -> None:
    text = f"schema_version: 1\nflows:\n  - id: f1\n{line}\n"
    if expected is None:
        assert loads(text, "yaml").canvas.flows[0].to_party is None
        return
    message = only_line(load_error(tmp_path, "c.cmc.yaml", text), tmp_path)
    assert message.startswith(f"c.cmc.yaml:4:5: {expected}")


def test_a_misspelt_role_gets_a_suggestion(tmp_path: Path) -> None:
    text = "schema_version: 1\nparties:\n  - id: p1\n    roles: [supplier, demandr]\n"
    assert only_line(load_error(tmp_path, "c.cmc.yaml", text), tmp_path) == (
        "c.cmc.yaml:4:23: parties[0].roles[1]: expected a role, found the text 'demandr'; "
        "did you mean 'demander'?"
    )


def test_a_single_role_written_without_a_list_gets_a_hint(tmp_path: Path) -> None:
    text = "schema_version: 1\nparties:\n  - id: p1\n    roles: supplier\n"
    assert only_line(load_error(tmp_path, "c.cmc.yaml", text), tmp_path).endswith(
        "parties[0].roles: expected a list of role values, found the text 'supplier'; "
        "write it as a list: [supplier]"
    )


def test_a_value_outside_its_bounds_names_the_bounds(tmp_path: Path) -> None:
    text = "schema_version: 1\nfactors:\n  vision: {maturity: 7}\nwaste:\n  baseline_share: 140\n"
    assert str(load_error(tmp_path, "c.cmc.yaml", text)).replace(
        f"{tmp_path}{os.sep}", ""
    ).splitlines() == [
        "c.cmc.yaml:3:12: factors.vision.maturity: expected a whole number from 0 to 3, "
        "found the number 7",
        "c.cmc.yaml:5:3: waste.baseline_share: expected a number from 0 to 100, "
        "found the number 140",
    ]


def test_a_missing_id_is_reported_at_its_entity(tmp_path: Path) -> None:
    text = "schema_version: 1\nparties:\n  - id: p1\n  - name: Nobody\n"
    assert only_line(load_error(tmp_path, "c.cmc.yaml", text), tmp_path) == (
        "c.cmc.yaml:4:5: parties[1] lacks the required key 'id'"
    )


def test_every_problem_is_collected_not_only_the_first(tmp_path: Path) -> None:
    text = (
        "schema_version: 1\n"
        "meta: {name: 1, status: done}\n"
        "parties:\n"
        "  - {id: p1, external: maybe}\n"
        "  - {id: p2, roles: [buyer]}\n"
        "flows:\n"
        "  - {id: f1, form: p1}\n"
    )
    error = load_error(tmp_path, "c.cmc.yaml", text)
    assert [problem.path for problem in error.problems] == [
        "meta.name",
        "meta.status",
        "parties[0].external",
        "parties[1].roles[0]",
        "flows[0].form",
    ]
    assert [problem.location.line for problem in error.problems if problem.location] == [
        2,
        2,
        4,
        5,
        7,
    ]


def test_json_problems_are_located_too(tmp_path: Path) -> None:
    text = '{"schema_version": 1,\n "parties": [{"id": "p1", "roles": ["suplier"]}]}\n'
    assert only_line(load_error(tmp_path, "c.cmc.json", text), tmp_path) == (
        "c.cmc.json:2:37: parties[0].roles[0]: expected a role, found the text 'suplier'; "
        "did you mean 'supplier'?"
    )


def test_toml_problems_name_the_file_and_the_path(tmp_path: Path) -> None:
    text = 'schema_version = 1\n[meta]\nlangauge = "nl"\n'
    assert only_line(load_error(tmp_path, "c.cmc.toml", text), tmp_path) == (
        "c.cmc.toml: meta has an unknown key 'langauge'; did you mean 'language'?"
    )


def test_a_schema_key_that_is_not_text_is_refused(tmp_path: Path) -> None:
    error = load_error(tmp_path, "c.cmc.yaml", "$schema: 3\nschema_version: 1\n")
    assert "$schema: expected text" in str(error)


def test_a_thousand_problems_are_listed_and_the_rest_counted() -> None:
    data = {"schema_version": 1, "parties": [{"id": index} for index in range(1500)]}
    with pytest.raises(CanvasLoadError) as caught:
        from_dict(data)
    problems = caught.value.problems
    assert len(problems) == 1001
    assert problems[-1].message == "... and 500 more problems, not listed"
    assert str(caught.value).splitlines()[-1] == "... and 981 more problems"


# -- the error objects -------------------------------------------------------------------------


def test_a_load_error_is_a_cmc_error_and_a_value_error() -> None:
    with pytest.raises(CanvasLoadError) as caught:
        loads("schema_version: 1\nnope: 1\n", "yaml")
    assert isinstance(caught.value, CmcError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.source is None
    assert str(caught.value).startswith("<canvas>:2:1: the document has an unknown key 'nope'")


def test_a_load_error_survives_pickling() -> None:
    with pytest.raises(CanvasLoadError) as caught:
        loads("schema_version: 1\nnope: 1\n", "yaml", "c.cmc.yaml")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.problems == caught.value.problems
    assert str(copy) == str(caught.value)
    assert isinstance(copy.problems[0], LoadProblem)


def test_a_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(CanvasLoadError, match="cannot read the file"):
        load(tmp_path / "missing.cmc.yaml")


def test_a_file_with_an_unknown_suffix_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "canvas.txt"
    path.write_text("schema_version: 1\n", encoding="utf-8")
    with pytest.raises(CanvasLoadError, match="cannot tell the format"):
        load(path)


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "-3"])
def test_a_volume_that_is_not_a_finite_amount_is_refused(tmp_path: Path, value: str) -> None:
    # YAML can say infinity; the bounds are checked by the mirrors and the model's converters
    text = f"schema_version: 2\nflows:\n  - {{id: f-1, volume: {value}, unit: t}}\n"
    line = only_line(load_error(tmp_path, "c.cmc.yaml", text), tmp_path)
    assert line.startswith("c.cmc.yaml:3:")
    assert "flows[0].volume: expected a number of at least 0" in line


def test_the_model_checks_its_bounds_on_construction_and_on_evolve() -> None:
    import math

    import attrs

    from cmc_core.model import ValueFlow

    for bad in (-1.0, math.inf, math.nan):
        with pytest.raises(ValueError, match="volume must be an amount of at least 0"):
            ValueFlow("f-1", volume=bad)
    with pytest.raises(ValueError, match="volume must be an amount of at least 0"):
        attrs.evolve(ValueFlow("f-1", volume=2.0), volume=-2.0)


@pytest.mark.parametrize(
    ("content", "where", "says"),
    [
        (
            "schema_version: 2\nmeta: {name: x, date: 2024-02-30}\n",
            "2:23",
            "'2024-02-30' is not a date that exists",
        ),
        (
            "schema_version: 2\nwaste: {baseline_amount: " + "9" * 5000 + "}\n",
            "2:26",
            "a whole number with more than 4,300 digits is too long to read",
        ),
        ("schema_version: 2\n? [a: ]\n: 1\n", "2:3", "a mapping or a list cannot be a key"),
        (
            "schema_version: 2\nparties:\n  - ? [a, b]\n    : 3\n",
            "3:7",
            "a mapping or a list cannot be a key",
        ),
        (
            'schema_version: 2\nmeta: {name: "x\\ud800y"}\n',
            "2:14",
            "text with a lone UTF-16 surrogate (such as \\ud800) cannot be saved",
        ),
    ],
)
def test_yaml_values_python_cannot_build_are_load_errors_with_a_location(
    tmp_path: Path, content: str, where: str, says: str
) -> None:
    # each of these used to end in a traceback (issue 14, item 2)
    line = only_line(load_error(tmp_path, "c.cmc.yaml", content), tmp_path)
    assert line.startswith(f"c.cmc.yaml:{where}: invalid YAML: ")
    assert says in line


def test_a_toml_number_too_long_to_read_is_a_load_error_with_its_line(tmp_path: Path) -> None:
    content = "schema_version = 2\n[waste]\nbaseline_amount = " + "9" * 5000 + "\n"
    line = only_line(load_error(tmp_path, "c.cmc.toml", content), tmp_path)
    assert line == (
        "c.cmc.toml:3:19: invalid TOML: a whole number with more than 4,300 digits is too "
        "long to read"
    )


def test_a_config_number_too_long_to_read_is_a_config_error(tmp_path: Path) -> None:
    from cmc_core.config import ConfigError, read_config_file

    path = tmp_path / "cmc.toml"
    path.write_text("min_suppliers = " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="more than 4,300 digits is too long to read"):
        read_config_file(path)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            "schema_version: 2\nmeta: {name: !foo x}\n",
            "meta.name: expected text, found a value tagged !foo",
        ),
        (
            "schema_version: 2\nmeta: !!set {a, b}\n",
            "meta: expected a mapping, found a set of 2 items (a !!set value)",
        ),
        (
            "schema_version: 2\nmeta: {name: !!binary aGVsbG8=}\n",
            "meta.name: expected text, found binary data (a !!binary value)",
        ),
        ("schema_version: 2\nmeta: {~: x}\n", "meta has an unknown key '~'"),
        (
            "schema_version: 2\nnotes: [a]\n",
            "notes: expected a mapping keyed by end_customer_value, developments",
        ),
        (
            "shcema_version: 2\nmeta: {name: x}\n",
            "(is 'shcema_version' a misspelling of it?)",
        ),
    ],
)
def test_messages_speak_of_the_file_not_of_the_parser_s_types(
    tmp_path: Path, content: str, says: str
) -> None:
    # each of these named a Python type or class (issue 14, item 8)
    line = only_line(load_error(tmp_path, "c.cmc.yaml", content), tmp_path)
    assert says in line
    for internal in ("TaggedScalar", "CommentedSet", "bytes", "'None'", "BlockKey"):
        assert internal not in line


def test_a_json_number_beyond_a_float_is_called_too_large_not_infinity(tmp_path: Path) -> None:
    content = '{"schema_version": 2, "waste": {"baseline_amount": ' + "9" * 5000 + "}}"
    line = only_line(load_error(tmp_path, "c.cmc.json", content), tmp_path)
    assert line.endswith("invalid JSON: a number too large to read (beyond 1.8e308)")
