"""Comparing two score cards: deltas, band changes, reasons added and removed."""

from __future__ import annotations

import json

import attrs
import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import Waste
from cmc_core.questionnaires import Answer, AnswerSet
from cmc_core.scoring import (
    Band,
    Reason,
    Score,
    ScoreContext,
    Scorer,
    UnknownScorerError,
    compare,
    score_canvas,
)
from cmc_core.testing import sample_canvas

from .score_builders import community


def test_an_edit_shows_as_a_delta_a_band_change_and_the_facts_that_changed() -> None:
    before = community().evolve(waste=Waste())
    after = community()
    comparison = compare(score_canvas(before), score_canvas(after))
    waste = comparison.dimension("waste-reduction")
    assert (waste.before.score if waste.before else None) == 0.0
    assert waste.delta == 100.0
    assert (waste.band_before, waste.band_after, waste.band_changed) == (
        Band.WEAK,
        Band.STRONG,
        True,
    )
    assert "The expected saving has a basis" in [r.text for r in waste.reasons_added]
    assert any(r.text.startswith("The estimate has no basis") for r in waste.reasons_removed)
    unchanged = comparison.dimension("market-balance")
    assert (unchanged.delta, unchanged.band_changed) == (0.0, False)
    assert unchanged.reasons_added == unchanged.reasons_removed == ()


def test_the_overall_delta_is_the_difference_of_the_overall_scores() -> None:
    first = score_canvas(sample_canvas("single-owner-platform"))
    second = score_canvas(sample_canvas("port-logistics"))
    comparison = compare(first, second)
    assert first.overall is not None
    assert second.overall is not None
    assert comparison.overall_delta == pytest.approx(second.overall - first.overall)


def fixed(name: str, value: float) -> Scorer:
    def give(canvas: Canvas, context: ScoreContext) -> Score:
        return Score(value, (Reason(f"{name} at {value}"),))

    return Scorer(name=name, title=name.upper(), score=give)


def test_dimensions_of_only_one_card_have_no_delta_and_come_after_the_shared_ones() -> None:
    first = score_canvas(Canvas(), [fixed("old", 10.0), fixed("both", 50.0)])
    second = score_canvas(Canvas(), [fixed("both", 60.0), fixed("new", 70.0)])
    comparison = compare(first, second)
    assert [c.name for c in comparison.dimensions] == ["both", "new", "old"]
    assert comparison.dimension("both").delta == 10.0
    assert comparison.dimension("new").delta is None
    assert comparison.dimension("old").after is None
    assert comparison.dimension("old").reasons_removed == (Reason("old at 10.0"),)
    with pytest.raises(UnknownScorerError, match="did you mean 'new'"):
        comparison.dimension("nwe")


def test_a_dimension_that_stops_applying_has_no_delta() -> None:
    canvas = Canvas()
    answers = AnswerSet({"qs-suppliers-count": Answer("qs-suppliers-count", 1)})
    with_answers = score_canvas(canvas, extras={"quickscan": answers})
    comparison = compare(with_answers, score_canvas(canvas))
    change = comparison.dimension("quickscan-suitability")
    assert change.delta is None
    assert (change.band_before, change.band_after) == (Band.WEAK, None)


def test_the_comparison_reads_as_json() -> None:
    before, after = score_canvas(community().evolve(waste=Waste())), score_canvas(community())
    data = json.loads(json.dumps(compare(before, after).to_dict()))
    waste = next(d for d in data["dimensions"] if d["name"] == "waste-reduction")
    assert (waste["before"], waste["after"], waste["delta"]) == (0.0, 100.0, 100.0)
    assert (waste["band_before"], waste["band_after"], waste["band_changed"]) == (
        "weak",
        "strong",
        True,
    )
    assert {"text", "path", "effect"} == set(waste["reasons_added"][0])
    assert data["overall"]["delta"] == compare(before, after).overall_delta


def test_reasons_count_as_the_same_when_text_and_path_are() -> None:
    card = score_canvas(Canvas(), [fixed("x", 10.0)])
    dimension = card.dimensions[0]
    shifted = attrs.evolve(
        card,
        dimensions=(
            attrs.evolve(dimension, reasons=(attrs.evolve(dimension.reasons[0], effect=3.0),)),
        ),
    )
    change = compare(card, shifted).dimension("x")
    assert change.reasons_added == change.reasons_removed == ()
