"""Weights: per dimension, overriding the scorers' own, with mistakes refused by name."""

from __future__ import annotations

import math

import pytest

from cmc_core.canvas import Canvas
from cmc_core.errors import CmcError
from cmc_core.scoring import InvalidWeightError, UnknownScorerError, score_canvas
from cmc_core.testing import sample_canvas


def test_a_weight_replaces_the_scorers_own_and_moves_the_overall_score() -> None:
    canvas = sample_canvas("single-owner-platform")
    default = score_canvas(canvas)
    heavier = score_canvas(canvas, weights={"market-balance": 10.0})
    assert heavier.dimension("market-balance").weight == 10.0
    assert heavier.dimension("completeness").weight == 1.0
    assert heavier.overall is not None
    assert default.overall is not None
    assert heavier.overall < default.overall  # the platform's weakest dimension weighs more


def test_weighting_every_other_dimension_0_leaves_one_dimension_as_the_overall_score() -> None:
    canvas = sample_canvas("port-logistics")
    names = score_canvas(canvas).names()
    card = score_canvas(canvas, weights=dict.fromkeys(names[1:], 0.0))
    assert card.overall == card.dimension(names[0]).score


def test_an_unknown_weight_name_is_refused_with_a_suggestion() -> None:
    with pytest.raises(UnknownScorerError) as caught:
        score_canvas(Canvas(), weights={"completenes": 2.0})
    message = str(caught.value)
    assert "did you mean 'completeness'?" in message
    assert "market-balance" in message  # the names there are
    assert isinstance(caught.value, CmcError)
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("weight", [-1.0, math.inf, math.nan])
def test_a_negative_or_infinite_weight_is_refused(weight: float) -> None:
    with pytest.raises(InvalidWeightError, match="'waste-reduction'"):
        score_canvas(Canvas(), weights={"waste-reduction": weight})
