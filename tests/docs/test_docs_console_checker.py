"""The checker of the console sessions in the docs notices when the docs and ``cmc`` disagree."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
sys.path.insert(0, str(DOCS / "_testing"))

from console_blocks import Session, matches, run_session  # noqa: E402


def test_a_session_is_split_into_commands_and_their_expected_lines() -> None:
    session = Session.parse("$ cmc rule CMC001  # explain\nCMC001 x\n\n$ echo $?\n0\n")
    assert [step.command for step in session.steps] == ["cmc rule CMC001  # explain", "echo $?"]
    assert session.steps[0].expected == ("CMC001 x", "")
    assert session.steps[1].expected == ("0",)


def test_a_session_that_starts_with_output_is_refused() -> None:
    with pytest.raises(ValueError, match="starts with output"):
        Session.parse("hello\n$ cmc rules\n")


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (["a", "b"], ["a", "b"]),
        (["a", "..."], ["a", "b", "c"]),
        (["...", "c"], ["a", "b", "c"]),
        (["a", "...", "c"], ["a", "c"]),
        (["a b..."], ["a b c"]),
        (["a ... [path]"], ["a long message [path]"]),
        (["a  "], ["a"]),
    ],
)
def test_lines_match_exactly_or_through_an_ellipsis(expected: list[str], actual: list[str]) -> None:
    assert matches(expected, actual)


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        (["a", "b"], ["a"]),
        (["a"], ["a", "b"]),
        (["a", "...", "d"], ["a", "b", "c"]),
        (["x..."], ["a x"]),
        ([], ["a"]),
    ],
)
def test_other_lines_do_not_match(expected: list[str], actual: list[str]) -> None:
    assert not matches(expected, actual)


def test_a_session_whose_output_differs_from_cmc_is_reported(tmp_path: Path) -> None:
    session = Session.parse(
        "$ cmc check --lang en --example port-logistics\nAll fine.\n$ echo $?\n1\n"
    )
    problems = list(run_session(session, tmp_path))
    assert len(problems) == 2
    assert "No problems found in 1 file." in problems[0]
    assert "--- expected:\n1\n--- printed (status 0):\n0" in problems[1]


def test_a_session_that_agrees_with_cmc_passes(tmp_path: Path) -> None:
    session = Session.parse(
        "$ cmc check --example single-owner-platform\n...\n$ echo $?\n1\n"
        "$ cmc new canvas.cmc.yaml  # a starter\n...\n$ ls\ncanvas.cmc.yaml\n"
        "cmc-canvas-2.schema.json\n"
    )
    assert list(run_session(session, tmp_path)) == []


def test_commands_other_than_cmc_and_a_few_shell_ones_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot run 'rm'"):
        list(run_session(Session.parse("$ rm -rf /\n"), tmp_path))
