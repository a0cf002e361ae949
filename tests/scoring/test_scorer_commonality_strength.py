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
from cmc_core.vocabulary import FlowKind

from .score_builders import STEWARD, SUPPLIERS, community


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


def test_volumes_weigh_the_trade_over_the_commonality_and_a_bypass_is_named() -> None:
    canvas = community()
    # one flow in eight runs outside, but it carries 9 of every 16 units traded
    flows = tuple(
        attrs.evolve(f, volume=9.0 if n == 0 else 1.0, unit="EUR", via_commonality=n != 0)
        for n, f in enumerate(canvas.flows)
    )
    result = score(canvas.evolve(flows=flows))
    assert result.value == pytest.approx(100 - FLOW_POINTS * 9 / 16)
    texts = [r.text for r in result.reasons if r.path == "flows"]
    assert texts[0] == "44% of the traded volume (EUR) runs over the commonality"
    assert texts[1].startswith("Most trade bypasses the commonality: 56% of it runs outside")
    # counted by flows instead, seven in eight run over it and nothing is said of a bypass
    by_count = score(canvas.evolve(flows=tuple(attrs.evolve(f, volume=None) for f in flows)))
    assert by_count.value == pytest.approx(100 - FLOW_POINTS / 8)
    assert not [r for r in by_count.reasons if "bypasses" in r.text]


def test_flows_that_are_no_trade_do_not_count_for_the_commonality() -> None:
    canvas = community()
    fee = attrs.evolve(
        canvas.flows[0], id="f-fee", kind=FlowKind.FEE, to_party=STEWARD, via_commonality=False
    )
    with_fee = score(canvas.evolve(flows=(*canvas.flows, fee)))
    assert with_fee.value == pytest.approx(score(canvas).value)


def test_a_steward_that_is_part_of_a_market_organisation_is_no_neutral_ground() -> None:
    canvas = community()
    parties = tuple(
        attrs.evolve(p, organisation="p-s1") if p.id == STEWARD else p for p in canvas.parties
    )
    result = score(canvas.evolve(parties=parties))
    assert result.value == pytest.approx(USE_POINTS + FLOW_POINTS + MARKET_STEWARD_POINTS)
    assert "a market party or part of one" in result.reasons[-1].text


def test_volumes_that_cannot_be_compared_are_counted_as_flows_and_the_reason_says_why() -> None:
    canvas = community()
    flows = tuple(
        attrs.evolve(f, volume=5.0, unit="t" if n % 2 else "tonnes")
        for n, f in enumerate(canvas.flows)
    )
    result = score(canvas.evolve(flows=flows))
    assert result.value == pytest.approx(score(canvas).value)
    notes = [r.text for r in result.reasons if r.text.startswith("Counted in flows")]
    assert notes == [
        "Counted in flows, not volumes: the market flows give their volumes in several units"
    ]
