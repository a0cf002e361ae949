"""What fuzzing and the hostile corpus found outside YAML parsing, pinned down where it was fixed.

Each used to end in a traceback or in a message that spoke of Python instead of the file.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from cmc_core.config import ConfigError, config_from_mapping, load_config, read_config_file
from cmc_core.fileformat import CanvasLoadError, from_dict, loads
from cmc_core.questionnaires import AnswerError, check_value, quickscan

#: A whole number that TOML and YAML can write (``0xfff...``) but Python will not print.
UNPRINTABLE = int("f" * 5000, 16)


def load_problem(text: str, form: str) -> str:
    with pytest.raises(CanvasLoadError) as caught:
        loads(text, form)
    (problem,) = caught.value.problems
    return problem.message


# -- the file format ---------------------------------------------------------------------------


class NoMapping:
    """An object that fails when read as a mapping, as ruamel's value for ``!!str x`` did."""

    def __getitem__(self, key: object) -> object:
        raise TypeError("string indices must be integers")


def test_a_value_the_fast_reader_cannot_take_is_explained_not_raised() -> None:
    with pytest.raises(CanvasLoadError, match="meta: expected a mapping"):
        from_dict({"schema_version": 2, "meta": NoMapping()})


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("schema_version = 2\n[waste]\nbaseline_amount = 0x" + "f" * 300 + "\n", "toml"),
        ("schema_version: 2\nflows: [{id: f-1, volume: " + "9" * 400 + "}]\n", "yaml"),
    ],
    ids=["toml-hex", "yaml-decimal"],
)
def test_a_number_beyond_a_float_is_out_of_range_not_int_too_large(text: str, form: str) -> None:
    message = load_problem(text, form)
    assert "volume: expected a number of at least 0, found the number 999" in message or (
        "amount: expected a number of at least 0, found the number 1721" in message
    )


def test_a_number_python_will_not_print_is_described_not_printed() -> None:
    text = "schema_version = 2\n[waste]\nbaseline_amount = 0x" + "f" * 5000 + "\n"
    assert load_problem(text, "toml") == (
        "waste.baseline_amount: expected a number of at least 0, "
        "found a whole number with more than 4,300 digits"
    )


# -- configuration -----------------------------------------------------------------------------


def test_a_configuration_nested_too_deeply_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "cmc.toml"
    path.write_text("select = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML: the file is nested too deeply"):
        read_config_file(path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(pyproject)


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ({"min_suppliers": UNPRINTABLE}, "expected a whole number from 1 to 1,000,000,000"),
        ({"min_suppliers": 10**12}, "expected a whole number from 1 to 1,000,000,000"),
        ({"hhi_threshold": UNPRINTABLE}, "expected a share from 0 to 1, got a whole number"),
        ({"even_split_margin": UNPRINTABLE}, "expected a finite number, got a whole number"),
        ({"even_split_margin": math.nan}, "expected a finite number, got nan"),
        ({"even_split_margin": math.inf}, "expected a finite number, got inf"),
        ({"select": [UNPRINTABLE]}, "got a value holding a whole number of more than 4,300"),
        ({"severity": {"CMC001": UNPRINTABLE}}, "got a whole number of more than 4,300 digits"),
        ({"select": ["x-" * 250]}, "X-X-X-... is not a rule code"),
    ],
    ids=[
        "count-unprintable",
        "count-too-large",
        "share-unprintable",
        "margin-unprintable",
        "margin-nan",
        "margin-inf",
        "code-unprintable",
        "level-unprintable",
        "code-long",
    ],
)
def test_configuration_values_python_cannot_use_are_config_errors(
    table: dict[str, object], says: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_mapping(table, "cmc.toml")
    message = str(caught.value)
    assert says in message
    assert len(message) < 200


# -- answers -----------------------------------------------------------------------------------


def question(question_id: str) -> object:
    return next(q for q in quickscan().questions if q.id == question_id)


@pytest.mark.parametrize(
    "value", [10**400, UNPRINTABLE, -(10**400)], ids=["400-digits", "unprintable", "negative"]
)
def test_a_count_beyond_a_float_is_refused_as_an_answer(value: int) -> None:
    with pytest.raises(AnswerError, match="qs-suppliers-count': expected a finite number"):
        check_value(question("qs-suppliers-count"), value)  # type: ignore[arg-type]


def test_a_number_python_will_not_print_is_refused_as_text() -> None:
    with pytest.raises(AnswerError, match="expected text, found a whole number of more than"):
        check_value(question("qs-name"), UNPRINTABLE)  # type: ignore[arg-type]


def test_a_non_finite_number_inside_an_entity_is_refused_by_the_reader() -> None:
    from cmc_core.questionnaires import AnswersFileError, loads_answers

    text = "answers:\n  qs-suppliers:\n    - {name: A, represents: .nan}\n"
    with pytest.raises(AnswersFileError, match=r"a\.yaml:2:3: .*not a finite number \(nan\)"):
        loads_answers(text, "a.yaml")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("answers:\n  q: !custom x\n", "cannot be a value tagged !custom"),
        ("answers:\n  q: [a, !!binary aGk=]\n", "cannot be binary data"),
        ("answers:\n  q: {value: [{roles: !!set {a}}], by: Ann}\n", "cannot be a set of 1 item"),
    ],
)
def test_a_value_only_a_yaml_tag_makes_is_refused_by_the_reader(text: str, says: str) -> None:
    # it was read, and then an answers file holding it could not be written (cmc ask saves one)
    from cmc_core.questionnaires import AnswersFileError, loads_answers

    with pytest.raises(AnswersFileError, match=says):
        loads_answers(text, "a.yaml")


def test_pairs_are_read_as_lists_so_answers_read_back_the_same() -> None:
    from cmc_core.questionnaires import dumps_answers, loads_answers

    answers = loads_answers("answers:\n  q: !!pairs [a: 1, b: 2]\n")
    assert answers.value("q") == [["a", 1], ["b", 2]]
    assert loads_answers(dumps_answers(answers)) == answers
