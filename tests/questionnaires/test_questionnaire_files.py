"""The questionnaire data files: one per block, shipped with the package, checked when loaded.

A built-in file that loses a translation must not load: the error names the file, the line and
the question, so the person editing it finds the place at once.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pytest

from cmc_core.blueprint import BlockKey
from cmc_core.questionnaires import (
    QuestionnaireFileError,
    block_name,
    builtin_questionnaires,
    load_answers,
    loads_questionnaire,
    quickscan,
)

DATA = resources.files("cmc_core.questionnaires").joinpath("data")
QUICKSCAN_ANSWERS = resources.files("cmc_core.examples").joinpath("quickscan")


def data_text(name: str) -> str:
    return DATA.joinpath(name).read_text(encoding="utf-8")


def test_the_data_files_are_the_quickscan_the_details_and_one_file_per_block() -> None:
    top = sorted(entry.name for entry in DATA.iterdir() if entry.name.endswith(".yaml"))
    blocks = sorted(entry.name for entry in DATA.joinpath("blocks").iterdir())
    assert top == ["canvas-details.yaml", "quickscan.yaml"]
    assert [name for name in blocks if name.endswith(".yaml")] == sorted(
        f"{key.value}.yaml" for key in BlockKey
    )


@pytest.mark.parametrize("key", list(BlockKey))
def test_each_block_file_names_its_questionnaire_after_its_block(key: BlockKey) -> None:
    questionnaire = loads_questionnaire(data_text(f"blocks/{key.value}.yaml"), f"{key}.yaml")
    assert questionnaire.name == block_name(key)


def test_every_builtin_file_reads_back_as_the_questionnaire_served() -> None:
    files = ["quickscan.yaml", "canvas-details.yaml", *(f"blocks/{k.value}.yaml" for k in BlockKey)]
    loaded = [loads_questionnaire(data_text(name), name) for name in files]
    assert loaded == list(builtin_questionnaires())


def _line_of(text: str, marker: str, after: str) -> int:
    """The number of the first line holding ``marker`` after the line holding ``after``."""
    lines = text.splitlines()
    start = next(number for number, line in enumerate(lines) if after in line)
    return next(n for n, line in enumerate(lines[start:], start) if marker in line) + 1


class Breakage(NamedTuple):
    """A translation taken out of a built-in file, and where the error must point."""

    file: str
    question: str
    old: str
    new: str
    marker: str  # the first line holding this, after the question's id, is the one named
    language: str


BREAKAGES = [
    Breakage(
        "blocks/vision.yaml",
        "vision-notes",
        "      nl: Hoe ziet de community eruit als ze volledig werkt?\n",
        "",
        "    text:",
        "Dutch",
    ),
    Breakage(
        "quickscan.yaml",
        "qs-goal",
        "      en: >-\n        One or two sentences on what the parties want to achieve together. "
        "A domain is\n        defined by a goal and a target group.\n",
        "      en: ''\n",
        "      en: ''",
        "English",
    ),
    Breakage(
        "canvas-details.yaml",
        "canvas-language",
        "label: {en: Dutch, nl: Nederlands}",
        "label: {en: Dutch}",
        "label: {en: Dutch}",
        "Dutch",
    ),
    Breakage(
        "blocks/governance.yaml",
        "legal-form",
        "label: {en: still open, nl: nog open}",
        "label: {en: still open, nl: ' '}",
        "label: {en: still open",
        "Dutch",
    ),
]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=[f"{b.file}:{b.question}" for b in BREAKAGES])
def test_a_builtin_file_without_a_translation_is_refused_naming_file_line_and_question(
    breakage: Breakage,
) -> None:
    text = data_text(breakage.file)
    assert text.count(breakage.old) == 1
    broken = text.replace(breakage.old, breakage.new)
    with pytest.raises(QuestionnaireFileError) as caught:
        loads_questionnaire(broken, breakage.file)
    line = _line_of(broken, breakage.marker, after=f"id: {breakage.question}")
    (problem,) = caught.value.problems
    assert problem.startswith(f"{breakage.file}:{line}:")
    assert f"question {breakage.question!r}" in problem
    assert f"expected the {breakage.language} text" in problem


def test_a_block_file_with_a_misspelt_binding_is_refused_with_a_suggestion() -> None:
    broken = data_text("blocks/waste_reduction.yaml").replace(
        "binding: waste.basis", "binding: waste.bases"
    )
    with pytest.raises(QuestionnaireFileError, match=r"'waste\.bases' is not a field") as caught:
        loads_questionnaire(broken, "waste_reduction.yaml")
    assert "question 'waste-basis'" in str(caught.value)


# -- the answers files shipped with the examples ------------------------------------------------


@pytest.mark.parametrize("file_name", ["port-logistics.answers.yaml", "single-firm.answers.yaml"])
def test_each_shipped_quickscan_answers_file_answers_only_quickscan_questions(
    file_name: str, tmp_path: Path
) -> None:
    path = tmp_path / file_name
    path.write_bytes(QUICKSCAN_ANSWERS.joinpath(file_name).read_bytes())
    answers = load_answers(path)
    asked = {question.id for question in quickscan().questions}
    assert answers.language is not None
    assert set(answers.answers) <= asked
    assert {"qs-suppliers-count", "qs-demanders-count", "qs-kickoff-ready"} <= set(answers.answers)


# -- the documentation ----------------------------------------------------------------------------

DOCS = Path(__file__).parents[2] / "docs" / "questionnaires.md"


def documented_questions() -> dict[str, list[str]]:
    """The question ids in the tables of docs/questionnaires.md, per questionnaire section."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### `([a-z-]+)`", line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
        elif current is not None and (row := re.match(r"\| `([a-z0-9-]+)`", line)):
            current.append(row.group(1))
    return sections


def test_the_docs_list_every_builtin_question_in_order() -> None:
    assert documented_questions() == {
        questionnaire.name: [question.id for question in questionnaire.questions]
        for questionnaire in builtin_questionnaires()
    }
