"""``cmc ask`` without a terminal: answers files in, a canvas out, checked, with exit statuses.

The interactive side is covered by tests/cli/test_prompting.py (the loop) and
tests/cli/test_interactive_pty.py (the command in a real terminal).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.canvas import Canvas
from cmc_core.examples import example_text
from cmc_core.fileformat import loads, read_canvas
from cmc_core.questionnaires import (
    Answer,
    AnswerSet,
    answers_from_canvas,
    apply_answers,
    block_questionnaire,
    canvas_questionnaires,
    save_answers,
)

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]
EXAMPLE = "port-logistics"


def example() -> Canvas:
    return loads(example_text(EXAMPLE), "yaml").canvas


def test_an_answers_file_fills_a_block_and_the_canvas_is_written_and_checked(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("a.yaml", "answers:\n  end-customer: Shippers\n  end-customer-value: On time\n")
    result = invoke("ask", "end_customer_value", "--answers", "a.yaml")
    canvas = read_canvas(tmp_path / "canvas.cmc.yaml")
    assert (canvas.end_customer.customer, canvas.end_customer.value) == ("Shippers", "On time")
    assert "Wrote canvas.cmc.yaml (2 answers)." in result.stdout
    # One block of an empty canvas: the check finds what the other blocks miss, as cmc check.
    assert "CMC001" in result.stdout
    assert "Run `cmc check canvas.cmc.yaml` for every diagnostic." in result.stdout
    assert result.exit_code == 1


def test_a_block_may_be_named_with_hyphens(invoke: Invoke, write: Write, tmp_path: Path) -> None:
    write("a.yaml", "answers:\n  end-customer: Shippers\n")
    invoke("ask", "end-customer-value", "--answers", "a.yaml", "-o", "x.cmc.yaml")
    assert read_canvas(tmp_path / "x.cmc.yaml").end_customer.customer == "Shippers"


def test_starting_from_a_canvas_applies_the_answers_on_top_and_keeps_its_comments(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("port.cmc.yaml", example_text(EXAMPLE))
    write("a.yaml", "answers:\n  vision: A shared network by 2030.\n")
    result = invoke("ask", "vision", "--canvas", "port.cmc.yaml", "--answers", "a.yaml")
    assert_no_traceback(result)
    expected = apply_answers(
        example(),
        [block_questionnaire(BlockKey.VISION)],
        AnswerSet({"vision": Answer("vision", "A shared network by 2030.")}),
    )
    assert read_canvas(tmp_path / "port.cmc.yaml") == expected
    assert expected != example()
    text = (tmp_path / "port.cmc.yaml").read_text(encoding="utf-8")
    assert "# Community Model Canvas: Havencommunity Noordmonde" in text
    # The example canvas is Dutch, so the command speaks Dutch.
    assert "port.cmc.yaml geschreven (1 antwoord)." in result.stdout
    assert result.exit_code == 0  # the example passes the rules, and still does


def test_the_whole_canvas_round_trips_through_an_answers_file(
    invoke: Invoke, tmp_path: Path
) -> None:
    answers, leftover = answers_from_canvas(example(), canvas_questionnaires())
    assert leftover == ()
    save_answers(answers, tmp_path / "all.answers.yaml")
    result = invoke("ask", "all", "--answers", "all.answers.yaml", "-o", "port.cmc.yaml")
    assert read_canvas(tmp_path / "port.cmc.yaml") == example()
    # The example's answers are Dutch, so the command speaks Dutch.
    assert "port.cmc.yaml geschreven (76 antwoorden)." in result.stdout
    assert result.exit_code == 0


def test_refused_answers_are_all_named_and_nothing_is_written(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    content = "answers:\n  vision-maturity: 9\n  vison: typo\n  vision: fine\n"
    write("a.yaml", content)
    result = invoke("ask", "vision", "--answers", "a.yaml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert (
        "a.yaml: question 'vision-maturity': 9 is out of range: expected a number from 0 to 3"
        in lines
    )
    assert "a.yaml: question 'vison': there is no such question; did you mean 'vision'?" in lines
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == content
    assert not (tmp_path / "canvas.cmc.yaml").exists()
    assert_no_traceback(result)


def test_answers_to_other_blocks_are_kept_out_of_a_single_block_run(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("a.yaml", "answers:\n  vision: Ours\n  end-customer: Not now\n")
    result = invoke("ask", "vision", "--answers", "a.yaml")
    canvas = read_canvas(tmp_path / "canvas.cmc.yaml")
    assert canvas.end_customer.customer == ""
    assert "Wrote canvas.cmc.yaml (1 answer)." in result.stdout
    assert result.exit_code == 1


def test_an_unknown_block_is_refused_with_the_closest_name(invoke: Invoke, write: Write) -> None:
    write("a.yaml", "answers: {}\n")
    result = invoke("ask", "end_customer_valeu", "--answers", "a.yaml")
    assert result.exit_code == 2
    assert "'end_customer_valeu' is not a block or questionnaire." in result.stderr
    assert "Did you mean 'end_customer_value'?" in result.stderr


def test_list_names_every_block_in_dutch_and_english(invoke: Invoke) -> None:
    result = invoke("ask", "--list")
    assert result.exit_code == 0
    for block in BLOCKS:
        assert f"{block.code:<4}{block.label_nl} / {block.label_en}" in result.stdout
    assert result.stdout.index("end_customer_value") < result.stdout.index("waste_reduction")
    assert "/0" not in result.stdout  # no answers file: no progress


def test_list_shows_the_progress_of_an_answers_file(invoke: Invoke, write: Write) -> None:
    write("a.yaml", "answers:\n  vision: Ours\n  end-customer: Shippers\n  end-customer-value: x\n")
    result = invoke("ask", "--list", "--answers", "a.yaml")
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert lines["vision"].endswith(f"1/{len(block_questionnaire(BlockKey.VISION).questions)}")
    assert lines["end_customer_value"].endswith("2/6")
    assert lines["ambition"].endswith(" 0/" + lines["ambition"].rsplit("/", 1)[1])


def test_without_a_terminal_or_an_answers_file_it_refuses_instead_of_waiting(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("ask", "vision")
    assert result.exit_code == 2
    assert "stdin is not a terminal" in result.stderr
    assert "--answers FILE" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_existing_canvas_is_not_overwritten_without_force(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("canvas.cmc.yaml", example_text(EXAMPLE))
    write("a.yaml", "answers:\n  vision: Ours\n")
    refused = invoke("ask", "vision", "--answers", "a.yaml")
    assert refused.exit_code == 2
    assert "canvas.cmc.yaml already exists; use --force to overwrite it." in refused.stderr
    assert read_canvas(tmp_path / "canvas.cmc.yaml") == example()
    invoke("ask", "vision", "--answers", "a.yaml", "--force")
    assert read_canvas(tmp_path / "canvas.cmc.yaml").parties == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("answers: [1, 2]\n", "a.yaml:1:1: 'answers' must map question ids to answers"),
        ("language: fr\nanswers: {}\n", "a.yaml:1:1: language must be 'nl' or 'en', not 'fr'"),
        ("answers: {vision: [\n", "a.yaml:"),
    ],
)
def test_a_malformed_answers_file_says_where_without_a_traceback(
    invoke: Invoke, write: Write, content: str, message: str
) -> None:
    write("a.yaml", content)
    result = invoke("ask", "vision", "--answers", "a.yaml")
    assert result.exit_code == 2
    assert message in result.stderr
    assert_no_traceback(result)


def test_a_missing_answers_file_is_named(invoke: Invoke) -> None:
    result = invoke("ask", "vision", "--answers", "missing.yaml")
    assert result.exit_code == 2
    assert "missing.yaml: no such answers file." in result.stderr
