"""Answers files: plain YAML, written atomically, read back equal; bad shapes say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmc_core.questionnaires import (
    Answer,
    AnswerSet,
    AnswersFileError,
    load_answers,
    loads_answers,
    save_answers,
)
from cmc_core.vocabulary import Language


def test_an_answer_set_survives_a_save_and_load(tmp_path: Path) -> None:
    answers = AnswerSet(
        {
            "q-name": Answer("q-name", "Haven"),
            "q-parties": Answer("q-parties", [{"name": "A", "roles": ["supplier"]}], "Ann", "t"),
            "q-yes": Answer("q-yes", True),
            "q-share": Answer("q-share", 12.5),
        },
        Language.NL,
    )
    path = tmp_path / "a.answers.yaml"
    save_answers(answers, path)
    assert load_answers(path) == answers
    assert [p.name for p in tmp_path.iterdir()] == ["a.answers.yaml"]


def test_the_short_and_long_forms_of_an_answer_can_be_mixed() -> None:
    answers = loads_answers("answers:\n  a: 1\n  b: {value: two, by: Bo}\n")
    assert answers.get("a") == Answer("a", 1)
    assert answers.get("b") == Answer("b", "two", "Bo")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n", "x.yaml:1:1: expected a mapping with 'answers'"),
        ("answer: {}\n", "x.yaml:1:1: unknown key 'answer'; expected 'language' and 'answers'"),
        ("language: fr\nanswers: {}\n", "x.yaml:1:1: language must be 'nl' or 'en', not 'fr'"),
        ("answers: [a]\n", "x.yaml:1:1: 'answers' must map question ids to answers"),
        ("answers:\n  q: {value: 1, when: x}\n", "x.yaml:2:17: unknown key 'when' in the answer"),
        (
            "answers:\n  q: {value: 1, by: 3}\n",
            "x.yaml:2:17: 'by' of the answer to 'q' must be text",
        ),
    ],
)
def test_a_badly_shaped_answers_file_names_file_line_and_column(text: str, message: str) -> None:
    with pytest.raises(AnswersFileError) as caught:
        loads_answers(text, "x.yaml")
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("answers:\n  q-count: .nan\n", (2, 3)),
        ("answers:\n  q-count: {value: 1e999}\n", (2, 13)),
        ("answers:\n  q-many: [1, .inf]\n", (2, 3)),
    ],
)
def test_an_answer_that_is_no_finite_number_is_refused_by_every_reader(
    text: str, where: tuple[int, int]
) -> None:
    # cmc export --answers used to take what cmc quickscan refused (issue 14, item 10)
    with pytest.raises(AnswersFileError, match="is not a finite number") as caught:
        loads_answers(text, "a.answers.yaml")
    assert f"a.answers.yaml:{where[0]}:{where[1]}" in str(caught.value)
