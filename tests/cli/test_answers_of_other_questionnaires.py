"""One answers file, many readers: answers of a questionnaire that is not installed here.

An answers file can hold the answers of a plugin's questionnaire (``cmc-digital-waste``'s), and
then be read where that plugin is not installed (or is blocked). Every command that reads it
starts; ``cmc ask`` and ``cmc quickscan`` keep those answers, write them back untouched and say
once that they are not asked; ``cmc score --quickscan-answers`` reads only the quickscan's;
``cmc export --answers`` shows them last, under their ids. A misspelt id is still refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmc_core.cli import ask as ask_command
from cmc_core.cli import cli
from cmc_core.cli.answer_sorting import one_edit_apart, sort_answers
from cmc_core.fileformat import read_canvas
from cmc_core.questionnaires import Answer, AnswerSet, load_answers

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]

#: The digital waste plugin's answers between a block's and the quickscan's.
MIXED = """\
language: en
answers:
  dw-systems: 4
  vision: One shared record per patient
  dw-channel: {value: email, by: ann, at: '2026-01-01T00:00:00+00:00'}
  qs-name: Regional care network
"""
WITHOUT_WASTE = ("--block-plugins", "digital-waste")
NOTE = (
    "Note: a.answers.yaml: 2 answers kept but not asked, because no installed questionnaire "
    "has their questions (is the plugin that asks them not installed?): dw-systems, dw-channel."
)


def _notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "kept but not asked" in line]


def test_ask_starts_and_says_once_which_answers_it_keeps_without_asking(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("a.answers.yaml", MIXED)
    result = invoke(*WITHOUT_WASTE, "ask", "vision", "--answers", "a.answers.yaml")
    assert_no_traceback(result)
    assert result.exit_code in (0, 1)  # the canvas's check, not the answers file
    assert _notes(result.stderr) == [NOTE]
    assert read_canvas(tmp_path / "canvas.cmc.yaml").factor("vision").answer == (
        "One shared record per patient"
    )
    assert (tmp_path / "a.answers.yaml").read_text(encoding="utf-8") == MIXED  # only read


def test_with_the_plugin_installed_its_answers_are_carried_without_a_note(
    invoke: Invoke, write: Write
) -> None:
    write("a.answers.yaml", MIXED)
    result = invoke("ask", "vision", "--answers", "a.answers.yaml")
    assert result.exit_code in (0, 1)
    assert _notes(result.stderr) == []


def test_answering_on_writes_them_back_untouched_and_in_their_place(
    invoke: Invoke, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("a.answers.yaml", MIXED)
    before = load_answers(tmp_path / "a.answers.yaml")
    monkeypatch.setattr(ask_command, "interactive_input", lambda *_args: True)  # a terminal
    args = [*WITHOUT_WASTE, "ask", "vision", "--answers", "a.answers.yaml", "--resume"]
    # The maturity, then Enter to skip the notes.
    result = CliRunner().invoke(cli, args, input="2\n\n", catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert _notes(result.stderr) == [NOTE]
    after = load_answers(tmp_path / "a.answers.yaml")
    assert list(after.answers) == [*before.answers, "vision-maturity"]
    for question in ("dw-systems", "dw-channel", "qs-name", "vision"):
        assert after.get(question) == before.get(question)
    assert after.value("vision-maturity") == 2


def test_a_misspelt_question_is_still_refused_with_the_closest_id(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    content = MIXED + "  boundary-gaol: Shared records\n"
    write("a.answers.yaml", content)
    result = invoke(*WITHOUT_WASTE, "ask", "vision", "--answers", "a.answers.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "a.answers.yaml: question 'boundary-gaol': there is no such question; "
        "did you mean 'boundary-goal'?"
    ]
    assert not (tmp_path / "canvas.cmc.yaml").exists()


def test_the_quickscan_reads_a_file_that_served_cmc_ask_and_a_plugin_too(
    invoke: Invoke, write: Write
) -> None:
    write("a.answers.yaml", MIXED + "  qs-suppliers-count: 1\n  qs-demanders-count: 4\n")
    result = invoke(*WITHOUT_WASTE, "quickscan", "--answers", "a.answers.yaml")
    assert_no_traceback(result)
    assert result.stdout.startswith("Verdict: not a community case\n")
    assert "(3 answers)" in result.stdout  # the quickscan's own: the name and the counts ...
    assert _notes(result.stderr) == [NOTE]  # ... vision is a block's, carried without a note


def test_score_reads_only_the_quickscan_answers_of_such_a_file(
    invoke: Invoke, write: Write
) -> None:
    write("a.answers.yaml", MIXED + "  qs-suppliers-count: 1\n")
    args = ("score", "example:port-logistics", "--quickscan-answers", "a.answers.yaml")
    result = invoke(*WITHOUT_WASTE, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    card = json.loads(result.stdout)
    quickscan = next(d for d in card["dimensions"] if d["name"] == "quickscan-suitability")
    assert quickscan["applicable"] is True
    assert quickscan["score"] == 0  # one supplier: not a community case


def test_score_refuses_a_misspelt_quickscan_question(invoke: Invoke, write: Write) -> None:
    write("a.answers.yaml", MIXED + "  qs-nam: Typo\n")
    args = ("score", "example:port-logistics", "--quickscan-answers", "a.answers.yaml")
    result = invoke(*args)
    assert result.exit_code == 2
    assert (
        "a.answers.yaml: question 'qs-nam': there is no such question; did you mean 'qs-name'?"
        in result.stderr.splitlines()
    )


def test_export_shows_them_last_under_their_ids(invoke: Invoke, write: Write) -> None:
    write("a.answers.yaml", MIXED)
    args = ("export", "--example", "port-logistics", "--to", "markdown")
    result = invoke(*WITHOUT_WASTE, *args, "--answers", "a.answers.yaml")
    assert result.exit_code == 0
    text = result.stdout
    assert "- **dw-systems** 4" in text
    assert text.index("One shared record per patient") < text.index("**dw-systems**")
    assert text.index("**dw-systems**") < text.index("**dw-channel**")  # in the file's order


@pytest.mark.parametrize("number", ["1e999", ".nan", "-.inf"])
def test_export_refuses_an_answer_that_is_no_finite_number(
    invoke: Invoke, write: Write, tmp_path: Path, number: str
) -> None:
    write("a.answers.yaml", f"answers:\n  qs-suppliers-count: {number}\n")
    args = ("export", "--example", "port-logistics", "--to", "html", "-o", "poster.html")
    result = invoke(*args, "--answers", "a.answers.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: a.answers.yaml:2:3: the answer to 'qs-suppliers-count'")
    assert "is not a finite number" in result.stderr
    assert_no_traceback(result)
    assert not (tmp_path / "poster.html").exists()


# -- sorting a file's answers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("vison", "vision", True),  # dropped
        ("visiion", "vision", True),  # added
        ("visiom", "vision", True),  # changed
        ("vsiion", "vision", True),  # swapped
        ("qs-nam", "qs-name", True),
        ("vision", "vision", False),
        ("dw-parties", "qs-parties", False),  # another questionnaire's prefix
        ("esg-ambition", "ambition", False),
        ("vsiino", "vision", False),
    ],
)
def test_one_edit_apart(first: str, second: str, apart: bool) -> None:
    assert one_edit_apart(first, second) is apart
    assert one_edit_apart(second, first) is apart


def test_sorting_keeps_the_file_order_in_each_part() -> None:
    loaded = AnswerSet(
        {q: Answer(q, n) for n, q in enumerate(["x-b", "vision", "canvas-name", "x-a", "vison"])}
    )
    found = sort_answers(loaded, ["vision"], ["vision", "canvas-name"])
    assert list(found.own.answers) == ["vision"]
    assert list(found.carried) == ["canvas-name"]
    assert list(found.orphaned) == ["x-b", "x-a"]
    assert [(e.question, e.reason) for e in found.typos] == [
        ("vison", "there is no such question; did you mean 'vision'?")
    ]
