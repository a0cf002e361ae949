"""The quickscan feeds the score (issue 15): the canvas ``cmc quickscan`` makes shows its
suitability in ``cmc score`` and on every export with no options, one answers file holds the
quickscan's and the blocks' answers side by side, and every output shows one overall score."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cmc_core import read_canvas
from cmc_core.model import Quickscan

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str], str]

TUTORIAL_ANSWERS = Path(__file__).parent / "canvases" / "tutorial-westmere.answers.yaml"
BLOCK_ANSWERS = """\
  vision: One shared summary of every resident's care, used by every provider who needs it.
  vision-maturity: 1
  dw-digital-share: 40
"""


@pytest.fixture
def quickscanned(invoke: Invoke, tmp_path: Path) -> str:
    """The tutorial's draft canvas, made by ``cmc quickscan`` from its answers."""
    shutil.copy(TUTORIAL_ANSWERS, tmp_path / "westmere.answers.yaml")
    args = ("quickscan", "--answers", "westmere.answers.yaml", "-o", "westmere.cmc.yaml")
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return "westmere.cmc.yaml"


def _dimension(card: dict[str, object], name: str) -> dict[str, object]:
    dimensions = card["dimensions"]
    assert isinstance(dimensions, list)
    found: dict[str, object] = next(d for d in dimensions if d["name"] == name)
    return found


def test_the_quickscans_canvas_remembers_its_answers(quickscanned: str) -> None:
    kept = read_canvas(quickscanned).quickscan
    assert kept.suppliers_count == 8
    assert kept.kickoff_ready is True


def test_cmc_score_shows_the_suitability_with_no_options(invoke: Invoke, quickscanned: str) -> None:
    text = invoke("score", quickscanned)
    assert text.exit_code == 0, text.output
    line = next(line for line in text.stdout.splitlines() if line.startswith("Quickscan"))
    assert "100.0  strong" in line
    card = json.loads(invoke("score", quickscanned, "--format", "json").stdout)
    quickscan = _dimension(card, "quickscan-suitability")
    assert quickscan["applicable"] is True
    assert quickscan["score"] == 100.0


def test_the_html_poster_shows_the_suitability_with_no_options(
    invoke: Invoke, quickscanned: str
) -> None:
    poster = invoke("export", quickscanned, "--to", "html", "-o", "-")
    assert poster.exit_code == 0, poster.output
    assert "The quickscan&#39;s verdict: suitable" in poster.stdout
    assert "No quickscan answers were given" not in poster.stdout


def test_one_answers_file_holds_the_quickscans_and_the_blocks_answers(
    invoke: Invoke, quickscanned: str, tmp_path: Path
) -> None:
    shared = TUTORIAL_ANSWERS.read_text(encoding="utf-8").rstrip("\n") + "\n" + BLOCK_ANSWERS
    (tmp_path / "westmere.cmc-answers.yaml").write_text(shared, encoding="utf-8")
    for option in ("--answers", "--quickscan-answers"):
        scored = invoke("score", quickscanned, option, "westmere.cmc-answers.yaml")
        assert scored.exit_code == 0, scored.output
        assert_no_traceback(scored)
        assert "no such question" not in scored.output
    exported = invoke(
        "export", quickscanned, "--to", "markdown", "--answers", "westmere.cmc-answers.yaml"
    )
    assert exported.exit_code == 0, exported.output
    assert "| Quickscan suitability | 100 | strong |" in exported.stdout


def test_explicit_answers_win_over_what_the_canvas_remembers(
    invoke: Invoke, quickscanned: str, write: Write
) -> None:
    write("later.answers.yaml", "answers:\n  qs-suppliers-count: 1\n  qs-demanders-count: 1\n")
    card = json.loads(
        invoke("score", quickscanned, "--answers", "later.answers.yaml", "--format", "json").stdout
    )
    assert _dimension(card, "quickscan-suitability")["score"] == 0.0  # not a community case


def test_cmc_ask_updates_the_remembered_answers_from_its_answers_file(
    invoke: Invoke, quickscanned: str, write: Write
) -> None:
    write("blocks.answers.yaml", "answers:\n  qs-kickoff-ready: 'no'\n" + BLOCK_ANSWERS)
    result = invoke("ask", "vision", "--canvas", quickscanned, "--answers", "blocks.answers.yaml")
    assert result.exit_code == 0, result.output
    kept = read_canvas(quickscanned).quickscan
    assert kept.kickoff_ready is False  # the file's "no", made canonical
    assert kept.suppliers_count is None  # the file's quickscan answers replace the record
    assert read_canvas(quickscanned).factors  # and the block was answered


def test_cmc_ask_without_quickscan_answers_keeps_the_remembered_ones(
    invoke: Invoke, quickscanned: str, write: Write
) -> None:
    before = read_canvas(quickscanned).quickscan
    write("blocks.answers.yaml", "answers:\n" + BLOCK_ANSWERS)
    result = invoke("ask", "vision", "--canvas", quickscanned, "--answers", "blocks.answers.yaml")
    assert result.exit_code == 0, result.output
    assert read_canvas(quickscanned).quickscan == before != Quickscan()


#: How each export states the overall score, as a whole number.
EXPORTED_OVERALL = {
    "html": re.compile(r"<strong>Overall score: (\d+)(?:</strong>| \()"),
    "svg": re.compile(r">Overall score: (\d+) \("),
    "markdown": re.compile(r"\*\*Overall score: (\d+)\*\*"),
}


def test_every_output_shows_one_overall_score(invoke: Invoke, quickscanned: str) -> None:
    card = json.loads(invoke("score", quickscanned, "--format", "json").stdout)
    overall = card["overall"]
    assert isinstance(overall, float)
    assert _dimension(card, "quickscan-suitability")["applicable"] is True
    printed = invoke("score", quickscanned).stdout.splitlines()[-1]
    assert printed.startswith("Overall (weighted)")
    assert printed.split()[-2] == f"{overall:.1f}"
    shown = {}
    for exporter, pattern in EXPORTED_OVERALL.items():
        result = invoke("export", quickscanned, "--to", exporter, "-o", "-")
        assert result.exit_code == 0, result.output
        found = set(pattern.findall(result.stdout))
        assert found, exporter
        shown[exporter] = found
    # the HTML poster states it twice (masthead and score card); all say the card's number
    assert shown == {exporter: {f"{overall:.0f}"} for exporter in EXPORTED_OVERALL}
