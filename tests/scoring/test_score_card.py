"""The score card: dimensions in order, bands, the weighted overall score, JSON."""

from __future__ import annotations

import json

import pytest

from cmc_core.canvas import Canvas
from cmc_core.errors import CmcError
from cmc_core.scoring import (
    DEFAULT_BANDS,
    Band,
    Bands,
    DuplicateScorerError,
    Reason,
    Score,
    ScoreContext,
    Scorer,
    UnknownScorerError,
    score_canvas,
)
from cmc_core.scoring.builtin import BUILTIN_SCORERS
from cmc_core.testing import sample_canvas


def fixed(name: str, value: float, *, weight: float = 1.0, applicable: bool = True) -> Scorer:
    """A scorer that always gives ``value`` with one reason."""

    def give(canvas: Canvas, context: ScoreContext) -> Score:
        return Score(value, (Reason(f"{name} is {value}", "", value),), applicable)

    return Scorer(name=name, title=name.title(), score=give, weight=weight)


def test_without_scorers_the_card_has_the_built_in_dimensions_in_order() -> None:
    card = score_canvas(sample_canvas("port-logistics"))
    assert card.names() == tuple(scorer.name for scorer in BUILTIN_SCORERS)
    assert card.dimension("market-balance").title == "Market balance and equal footing"
    assert card.dimension("market-balance").weight == 3.0
    assert card.dimension("commonality-strength").weight == 2.0
    assert card.dimension("completeness").weight == 1.0


def test_the_overall_score_is_the_weighted_mean_of_the_applicable_dimensions() -> None:
    scorers = [
        fixed("low", 20.0),
        fixed("high", 80.0, weight=3.0),
        fixed("off", 0.0, applicable=False),
        fixed("ignored", 10.0, weight=0.0),
    ]
    card = score_canvas(Canvas(), scorers)
    assert card.overall == pytest.approx((20 + 3 * 80) / 4)
    assert card.band is Band.ADEQUATE
    assert card.dimension("off").band is None


def test_bands_cut_at_40_and_70_by_default() -> None:
    assert [DEFAULT_BANDS.band(v) for v in (0, 39.99, 40, 69.99, 70, 100)] == [
        Band.WEAK,
        Band.WEAK,
        Band.ADEQUATE,
        Band.ADEQUATE,
        Band.STRONG,
        Band.STRONG,
    ]


def test_the_cut_offs_between_bands_are_configurable() -> None:
    card = score_canvas(Canvas(), [fixed("x", 55.0)], bands=Bands(adequate=30, strong=50))
    assert card.dimension("x").band is Band.STRONG
    assert card.to_dict()["bands"] == {"adequate": 30, "strong": 50}


@pytest.mark.parametrize(
    ("adequate", "strong"), [(50, 40), (-1, 70), (40, 101), (float("nan"), 70)]
)
def test_cut_offs_out_of_order_or_range_are_refused(adequate: float, strong: float) -> None:
    with pytest.raises(ValueError, match=r"adequate|strong"):
        Bands(adequate=adequate, strong=strong)


def test_no_applicable_weighted_dimension_leaves_no_overall_score() -> None:
    card = score_canvas(Canvas(), [fixed("x", 50.0, weight=0.0), fixed("y", 9.0, applicable=False)])
    assert (card.overall, card.band) == (None, None)


def test_reasons_are_kept_per_dimension() -> None:
    card = score_canvas(Canvas(), [fixed("a", 10.0), fixed("b", 20.0)])
    assert card.reasons == {
        "a": (Reason("a is 10.0", "", 10.0),),
        "b": (Reason("b is 20.0", "", 20.0),),
    }


def test_an_unknown_dimension_is_refused_with_a_suggestion() -> None:
    card = score_canvas(Canvas())
    with pytest.raises(UnknownScorerError, match="did you mean 'market-balance'"):
        card.dimension("market-balanse")


def test_two_scorers_with_one_name_are_refused() -> None:
    with pytest.raises(DuplicateScorerError, match="'x'"):
        score_canvas(Canvas(), [fixed("x", 1.0), fixed("x", 2.0)])
    assert issubclass(DuplicateScorerError, CmcError)


def test_the_card_reads_as_json_with_every_reason() -> None:
    card = score_canvas(sample_canvas("single-owner-platform"))
    data = json.loads(json.dumps(card.to_dict()))
    market = next(d for d in data["dimensions"] if d["name"] == "market-balance")
    assert market["band"] == "weak"
    assert market["score"] == card.dimension("market-balance").score
    assert market["reasons"][0]["path"] == "parties[0]"
    assert data["overall"] == card.overall
    quickscan = next(d for d in data["dimensions"] if d["name"] == "quickscan-suitability")
    assert (quickscan["applicable"], quickscan["band"]) == (False, None)


def test_the_scorers_of_one_card_share_one_context() -> None:
    seen: list[ScoreContext] = []

    def remember(canvas: Canvas, context: ScoreContext) -> Score:
        seen.append(context)
        return Score(50.0, (Reason("seen"),))

    scorers = [Scorer(name=n, title=n, score=remember) for n in ("a", "b")]
    score_canvas(Canvas(), scorers, extras={"k": 1})
    assert seen[0] is seen[1]
    assert seen[0].extras == {"k": 1}


@pytest.mark.parametrize("healthy", ["port-logistics", "regional-healthcare"])
def test_healthy_examples_are_strong_overall_and_the_single_owner_platform_is_not(
    healthy: str,
) -> None:
    platform = score_canvas(sample_canvas("single-owner-platform"))
    assert score_canvas(sample_canvas(healthy)).band is Band.STRONG
    assert platform.band is not Band.STRONG


def test_the_shared_results_of_a_context_are_no_part_of_equality_and_pickle_empty() -> None:
    import pickle

    canvas = Canvas()
    context = ScoreContext(canvas, {"k": 1})
    calls: list[Canvas] = []

    def count(shared: ScoreContext) -> int:
        calls.append(shared.canvas)
        return len(calls)

    assert context.shared(count) == context.shared(count) == 1
    assert context == ScoreContext(canvas, {"k": 1})
    copy = pickle.loads(pickle.dumps(context))
    assert copy == context
    assert copy.shared(count) == 2  # computed afresh: the cache did not travel
