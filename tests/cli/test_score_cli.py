"""``cmc score``: one card, a comparison, JSON, weights and quickscan answers."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from .conftest import Invoke


def test_the_platform_scores_weak_on_market_balance_and_names_its_dominating_party(
    invoke: Invoke,
) -> None:
    result = invoke("score", "--example", "single-owner-platform")
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.startswith("Market balance"))
    assert line.endswith("weak")
    assert "'FreshLink Foodservice Ltd.' (p-freshlink)" in result.output
    assert "Overall (weighted)" in result.output


def test_json_output_is_the_cards_own_data(invoke: Invoke) -> None:
    result = invoke("score", "example:port-logistics", "--format", "json")
    card = json.loads(result.output)
    names = [dimension["name"] for dimension in card["dimensions"]]
    assert "market-balance" in names
    market = card["dimensions"][names.index("market-balance")]
    assert 0 <= market["score"] <= 100
    assert market["reasons"]
    assert card["band"] in ("weak", "adequate", "strong")


def test_comparing_two_canvases_shows_each_dimensions_change(invoke: Invoke) -> None:
    # --lang en: the later canvas, port-logistics, is Dutch and would make the output Dutch
    result = invoke(
        "score", "example:single-owner-platform", "example:port-logistics", "--lang", "en"
    )
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.startswith("Market balance"))
    assert "weak -> strong" in line
    compared = json.loads(
        invoke(
            "score", "example:single-owner-platform", "example:port-logistics", "--format", "json"
        ).output
    )
    assert compared["overall"]["delta"] > 0


def test_a_weight_changes_the_overall_score_and_an_unknown_one_is_refused(invoke: Invoke) -> None:
    def overall(*args: str) -> float:
        output = invoke("score", "example:single-owner-platform", "--format", "json", *args)
        return float(json.loads(output.output)["overall"])

    assert overall("--weight", "market-balance=10") < overall()
    refused = invoke("score", "example:port-logistics", "--weight", "market-balanse=2")
    assert refused.exit_code == 2
    assert "Did you mean 'market-balance'?" in refused.stderr
    assert invoke("score", "example:port-logistics", "--weight", "x").exit_code == 2


def test_quickscan_answers_make_the_quickscan_dimension_apply(invoke: Invoke) -> None:
    answers = resources.files("cmc_core.examples").joinpath("quickscan/single-firm.answers.yaml")
    with resources.as_file(answers) as path:
        result = invoke(
            "score", "example:port-logistics", "--quickscan-answers", str(path), "--format", "json"
        )
    card = json.loads(result.output)
    quickscan = next(d for d in card["dimensions"] if d["name"] == "quickscan-suitability")
    assert quickscan["applicable"] is True
    assert quickscan["score"] == 0


def test_scoring_needs_one_or_two_canvases(invoke: Invoke) -> None:
    assert invoke("score").exit_code == 2
    assert invoke("score", "a", "b", "c").exit_code == 2
    missing = invoke("score", "nowhere.cmc.yaml")
    assert missing.exit_code == 2
    assert "nowhere.cmc.yaml" in missing.stderr


def test_quickscan_answers_are_checked_and_made_canonical_before_scoring(invoke: Invoke) -> None:
    # The answers file says `qs-kickoff-ready: ja`; unchecked, that text is no yes.
    answers = resources.files("cmc_core.examples").joinpath("quickscan/port-logistics.answers.yaml")
    with resources.as_file(answers) as path:
        result = invoke(
            "score", "example:port-logistics", "--quickscan-answers", str(path), "--format", "json"
        )
    card = json.loads(result.output)
    quickscan = next(d for d in card["dimensions"] if d["name"] == "quickscan-suitability")
    assert quickscan["score"] == 100


def test_quickscan_answers_that_do_not_fit_are_refused_naming_the_file(
    invoke: Invoke, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.answers.yaml"
    bad.write_text("answers:\n  qs-suppliers-count: many\n", encoding="utf-8")
    result = invoke("score", "example:port-logistics", "--quickscan-answers", str(bad))
    assert result.exit_code == 2
    assert "bad.answers.yaml" in result.stderr
    assert "question 'qs-suppliers-count': expected a number" in result.stderr
