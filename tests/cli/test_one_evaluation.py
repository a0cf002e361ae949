"""One evaluation (issue 12): ``cmc export`` shows what ``cmc check`` and ``cmc score`` say.

The canvas is the tutorial's (``docs/tutorial.md``), with the ``cmc-digital-waste`` plugin
installed as the README installs it: its scorer is on ``cmc score``'s card, so the exports must
count it in their overall score too.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cmc_core import read_canvas
from cmc_core.scoring import score_canvas

from .conftest import Invoke

Write = Callable[[str, str], str]

TUTORIAL_CANVAS = Path(__file__).parent / "canvases" / "tutorial-westmere-v2.cmc.yaml"
TUTORIAL_ANSWERS = Path(__file__).parent / "canvases" / "tutorial-westmere.answers.yaml"
#: How each export states the overall score (``Overall score: 63``), as whole numbers.
OVERALL = {
    "html": re.compile(r"<strong>Overall score: (\d+)</strong>"),
    "svg": re.compile(r">Overall score: (\d+) \("),
    "markdown": re.compile(r"\*\*Overall score: (\d+)\*\*"),
}


@pytest.fixture
def tutorial(tmp_path: Path) -> str:
    shutil.copy(TUTORIAL_CANVAS, tmp_path / "westmere-v2.cmc.yaml")
    return "westmere-v2.cmc.yaml"


def _score_json(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke("score", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    card: dict[str, object] = json.loads(result.stdout)
    return card


def _exported_overall(invoke: Invoke, canvas: str, exporter: str) -> str:
    result = invoke("export", canvas, "--to", exporter, "-o", "-")
    assert result.exit_code == 0, result.output
    found = OVERALL[exporter].findall(result.stdout)
    assert len(found) == 1, f"{exporter}: {found}"
    return str(found[0])


def test_score_and_every_report_export_show_one_overall_with_the_plugins_scorer(
    invoke: Invoke, tutorial: str
) -> None:
    card = _score_json(invoke, tutorial)
    dimensions = card["dimensions"]
    assert isinstance(dimensions, list)
    names = [dimension["name"] for dimension in dimensions]
    assert "digital-waste" in names, "the cmc-digital-waste plugin must be installed (README)"
    overall = card["overall"]
    assert isinstance(overall, float)
    printed = invoke("score", tutorial).stdout.splitlines()[-1]
    assert f"{overall:5.1f}" in printed  # the number `cmc score` prints is the card's
    builtins_only = score_canvas(read_canvas(tutorial)).overall
    assert builtins_only is not None
    # The plugin's dimension moves the whole number, so an export that scored with the
    # built-ins alone (as the exporters did before issue 12) would show another number.
    assert f"{overall:.0f}" != f"{builtins_only:.0f}"
    for exporter in OVERALL:
        assert _exported_overall(invoke, tutorial, exporter) == f"{overall:.0f}", exporter


def test_quickscan_answers_reach_the_exported_score_card_as_in_cmc_score(
    invoke: Invoke, tutorial: str
) -> None:
    answers = str(TUTORIAL_ANSWERS)
    card = _score_json(invoke, tutorial, "--quickscan-answers", answers)
    result = invoke("export", tutorial, "--to", "markdown", "--answers", answers)
    assert result.exit_code == 0, result.output
    overall = card["overall"]
    assert isinstance(overall, float)
    assert f"**Overall score: {overall:.0f}**" in result.stdout
    assert "| Quickscan suitability | 100 | strong |" in result.stdout


def test_a_rule_the_configuration_ignores_is_neither_in_check_nor_on_the_poster(
    invoke: Invoke, tutorial: str, write: Write
) -> None:
    before = invoke("export", tutorial, "--to", "html")
    assert "CMC021" in before.stdout
    write("cmc.toml", 'ignore = ["CMC021"]\n')
    checked = invoke("check", tutorial, "--format", "json")
    codes = {diagnostic["code"] for diagnostic in json.loads(checked.stdout)["diagnostics"]}
    poster = invoke("export", tutorial, "--to", "html")
    assert poster.exit_code == 0, poster.output
    assert "CMC021" not in codes
    assert "CMC021" not in poster.stdout
    assert "CMC014" in codes
    assert "CMC014" in poster.stdout
    # --no-config brings it back, as it does for cmc check.
    assert "CMC021" in invoke("export", tutorial, "--to", "html", "--no-config").stdout


def test_an_explicit_config_file_is_read_by_export_and_score(
    invoke: Invoke, tutorial: str, write: Write
) -> None:
    config = write("strict.toml", 'ignore = ["CMC014"]\n')
    markdown = invoke("export", tutorial, "--to", "markdown", "--config", config)
    assert markdown.exit_code == 0, markdown.output
    assert "CMC014" not in markdown.stdout
    assert "CMC021" in markdown.stdout
    assert invoke("score", tutorial, "--config", config).exit_code == 0


@pytest.mark.parametrize("command", ["export", "score"])
def test_a_bad_configuration_stops_export_and_score_with_exit_2_as_it_stops_check(
    invoke: Invoke, tutorial: str, write: Write, command: str
) -> None:
    write("cmc.toml", "hhi_treshold = 0.2\n")
    extra = ("--to", "html") if command == "export" else ()
    result = invoke(command, tutorial, *extra)
    assert result.exit_code == 2
    assert "cmc.toml:1: hhi_treshold" in result.stderr
    assert "did you mean 'hhi_threshold'?" in result.stderr
    assert "Traceback" not in result.output
    assert invoke("check", tutorial).stderr == result.stderr


@pytest.mark.parametrize("command", ["export", "score", "check"])
def test_config_and_no_config_together_are_a_usage_error(
    invoke: Invoke, tutorial: str, write: Write, command: str
) -> None:
    config = write("cmc.toml", "")
    extra = ("--to", "html") if command == "export" else ()
    result = invoke(command, tutorial, *extra, "--config", config, "--no-config")
    assert result.exit_code == 2
    assert "--config and --no-config cannot be used together" in result.stderr


def test_a_bmc_export_is_judged_by_the_configured_rules(invoke: Invoke, write: Write) -> None:
    # single-owner-platform has errors (CMC001, CMC003, CMC004, CMC021): no BMC while they
    # stand, and none of the ignored ones may be named as blocking it.
    write("cmc.toml", 'ignore = ["CMC003", "CMC004"]\n')
    result = invoke(
        "export", "--example", "single-owner-platform", "--to", "bmc", "-O", "party=p-freshlink"
    )
    assert result.exit_code == 2
    assert "CMC001" in result.stderr
    assert "CMC003" not in result.stderr
    assert "CMC004" not in result.stderr
