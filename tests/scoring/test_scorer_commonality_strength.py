"""commonality-strength: used by the market parties, carrying the flows, neutrally stewarded."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from cmc_core.canvas import Canvas
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.commonality import (
    COMMONALITY_STRENGTH,
    FLOW_POINTS,
    MARKET_STEWARD_POINTS,
    STEWARD_POINTS,
    USE_POINTS,
)
from cmc_core.testing import sample_canvas

from .score_builders import SUPPLIERS, community


def score(canvas: Canvas) -> Score:
    return COMMONALITY_STRENGTH(canvas, ScoreContext(canvas))


def with_commonality(canvas: Canvas, **changes: Any) -> Canvas:
    return canvas.evolve(commonalities=(attrs.evolve(canvas.commonalities[0], **changes),))


def test_a_commonality_all_use_all_flows_run_over_and_a_network_leader_stewards_scores_100() -> (
    None
):
    result = score(community())
    assert result.value == pytest.approx(USE_POINTS + FLOW_POINTS + STEWARD_POINTS)
    assert [r.path for r in result.reasons] == [
        "commonalities[0].users",
        "flows",
        "commonalities[0].steward",
    ]


def test_market_parties_that_do_not_use_it_cost_their_share_and_are_named() -> None:
    canvas = with_commonality(community(), users=SUPPLIERS)
    result = score(canvas)
    assert result.value == pytest.approx(USE_POINTS / 2 + FLOW_POINTS + STEWARD_POINTS)
    named = [r for r in result.reasons if "does not use the commonality" in r.text]
    assert [r.path for r in named] == ["parties[4]", "parties[5]", "parties[6]", "parties[7]"]


def test_flows_outside_the_commonality_cost_their_share() -> None:
    canvas = community()
    half = tuple(attrs.evolve(f, via_commonality=n % 2 == 0) for n, f in enumerate(canvas.flows))
    assert score(canvas.evolve(flows=half)).value == pytest.approx(100 - FLOW_POINTS / 2)


def test_a_market_party_as_steward_earns_less_and_a_missing_steward_nothing() -> None:
    market_steward = score(with_commonality(community(), steward="p-s1"))
    assert market_steward.value == pytest.approx(USE_POINTS + FLOW_POINTS + MARKET_STEWARD_POINTS)
    assert "conflict of interest" in market_steward.reasons[-1].text
    unstewarded = score(with_commonality(community(), steward=None))
    assert unstewarded.value == pytest.approx(USE_POINTS + FLOW_POINTS)
    unknown = score(with_commonality(community(), steward="p-nobody"))
    assert "names no party" in unknown.reasons[-1].text


def test_a_steward_that_is_a_hub_of_the_flows_earns_nothing_and_is_named() -> None:
    result = score(sample_canvas("single-owner-platform"))
    steward = result.reasons[-1]
    assert steward.effect == 0.0
    assert steward.path == "commonalities[0].steward"
    assert "'FreshLink Foodservice Ltd.' (p-freshlink) is a dominant market party" in steward.text


def test_without_a_commonality_the_score_is_0() -> None:
    result = score(community().evolve(commonalities=()))
    assert (result.value, result.reasons[0].path) == (0.0, "commonalities")


def test_past_five_missing_users_the_rest_are_counted() -> None:
    result = score(with_commonality(community(), users=()))
    named = [r for r in result.reasons if "does not use the commonality" in r.text]
    assert len(named) == 5
    assert ("... and 3 more market parties", "commonalities[0].users") in [
        (r.text, r.path) for r in result.reasons
    ]
