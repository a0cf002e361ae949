"""market-balance on hand-built markets and on the bundled examples."""

from __future__ import annotations

import math

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import Party, ValueFlow
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.market import (
    CONNECTED_POINTS,
    EVENNESS_POINTS,
    MARKET_BALANCE,
    PLURALITY_POINTS,
)
from cmc_core.testing import sample_canvas
from cmc_core.vocabulary import Role

from .score_builders import DEMANDERS, SUPPLIERS, demander, market, ring_pairs, supplier


def score(canvas: Canvas) -> Score:
    return MARKET_BALANCE(canvas, ScoreContext(canvas))


def effects(result: Score) -> float:
    return math.fsum(reason.effect or 0.0 for reason in result.reasons)


def balanced() -> Canvas:
    return market([*map(supplier, SUPPLIERS), *map(demander, DEMANDERS)], ring_pairs())


def test_a_balanced_market_of_four_and_four_organisations_scores_by_the_formula() -> None:
    # Each side: 4 organisations with equal shares: plurality 1 - 1/4, evenness 1 - HHI 1/4.
    expected = 2 * PLURALITY_POINTS * 0.75 + 2 * EVENNESS_POINTS * 0.75 + CONNECTED_POINTS
    assert score(balanced()).value == pytest.approx(expected)


def test_the_effects_of_the_reasons_add_up_to_the_score() -> None:
    for canvas in (balanced(), sample_canvas("single-owner-platform")):
        result = score(canvas)
        assert effects(result) == pytest.approx(result.value)


def test_parties_of_one_organisation_count_as_one_market_player() -> None:
    one_firm = [supplier(s, organisation="org-big") for s in SUPPLIERS]
    canvas = market([*one_firm, *map(demander, DEMANDERS)], ring_pairs())
    result = score(canvas)
    assert result.value == 0.0  # one organisation sends every flow: it dominates its side
    assert "dominates the supply side" in result.reasons[0].text
    assert "organisation 'org-big'" in result.reasons[0].text


def test_a_dominating_sender_is_named_and_costs_in_proportion_to_its_share_above_two_thirds() -> (
    None
):
    # s1 sends 9 of 10 flows: dominance (0.9 - 2/3) / (1/3) = 0.7 keeps 30 % of the points.
    pairs = [("p-s1", d) for d in DEMANDERS for _ in range(2)] + [
        ("p-s1", "p-d1"),
        ("p-s2", "p-d2"),
    ]
    canvas = market([supplier("p-s1"), supplier("p-s2"), *map(demander, DEMANDERS)], pairs)
    result = score(canvas)
    cut = result.reasons[0]
    assert cut.text.startswith("'Supplier p-s1' (p-s1) dominates the supply side")
    assert cut.path == "parties[0]"
    before_cut = result.value - (cut.effect or 0.0)
    assert result.value == pytest.approx(before_cut * 0.3)


def test_a_side_at_two_thirds_is_not_dominated() -> None:
    pairs = [("p-s1", "p-d1"), ("p-s1", "p-d2"), ("p-s2", "p-d3")]
    canvas = market([supplier("p-s1"), supplier("p-s2"), *map(demander, DEMANDERS[:3])], pairs)
    assert not any("dominates" in reason.text for reason in score(canvas).reasons)


def test_a_buyer_taking_every_flow_leaves_no_points() -> None:
    canvas = market([*map(supplier, SUPPLIERS), demander("p-d1")], [(s, "p-d1") for s in SUPPLIERS])
    result = score(canvas)
    assert result.value == 0.0
    assert "dominates the demand side" in result.reasons[0].text


def test_market_parties_without_flows_are_listed_and_cost_the_connection_points() -> None:
    idle = demander("p-idle", name="Idle Buyer")
    with_idle = market([*map(supplier, SUPPLIERS), *map(demander, DEMANDERS), idle], ring_pairs())
    result = score(with_idle)
    assert result.value == pytest.approx(score(balanced()).value - CONNECTED_POINTS / 9)
    noted = [reason for reason in result.reasons if "takes part in no market flow" in reason.text]
    assert [(reason.text, reason.path) for reason in noted] == [
        ("'Idle Buyer' (p-idle) takes part in no market flow", "parties[8]")
    ]


def test_external_parties_trade_but_do_not_count_as_the_communitys_organisations() -> None:
    outsider = supplier("p-s4", external=True)
    canvas = market(
        [*map(supplier, SUPPLIERS[:3]), outsider, *map(demander, DEMANDERS)], ring_pairs()
    )
    plurality = next(r for r in score(canvas).reasons if r.text.startswith("3 supplier"))
    assert plurality.effect == pytest.approx(PLURALITY_POINTS * (1 - 1 / 3))


def test_counter_flows_unknown_parties_and_loops_are_no_market_flows() -> None:
    canvas = balanced()
    extra = (
        ValueFlow("f-back", from_party="p-d1", to_party="p-s1", counter_of="f-01"),
        ValueFlow("f-ghost", from_party="p-s1", to_party="p-ghost"),
        ValueFlow("f-loop", from_party="p-s2", to_party="p-s2"),
    )
    assert score(canvas.evolve(flows=canvas.flows + extra)).value == score(canvas).value


def test_without_market_flows_there_is_nothing_to_balance() -> None:
    result = score(market([*map(supplier, SUPPLIERS), *map(demander, DEMANDERS)], []))
    assert result.value == 0.0
    assert result.reasons[0].path == "flows"


def test_a_hub_of_the_network_is_named_as_a_fact() -> None:
    # p-s1 takes part in 3 of 4 flows: a hub, though neither side is dominated.
    pairs = [("p-s1", "p-d1"), ("p-s1", "p-d2"), ("p-d3", "p-s1"), ("p-s2", "p-d3")]
    both = Party("p-d3", name="Trader", roles=(Role.SUPPLIER, Role.DEMANDER))
    canvas = market(
        [supplier("p-s1"), supplier("p-s2"), demander("p-d1"), demander("p-d2"), both], pairs
    )
    hub = next(r for r in score(canvas).reasons if "hub of the value network" in r.text)
    assert hub.text.startswith("'Supplier p-s1' (p-s1) takes part in 75% of the market flows")
    assert (hub.path, hub.effect) == ("parties[0]", 0.0)


@pytest.mark.parametrize("healthy", ["port-logistics", "regional-healthcare"])
def test_healthy_example_communities_score_above_the_single_owner_platform(healthy: str) -> None:
    assert score(sample_canvas(healthy)).value > score(sample_canvas("single-owner-platform")).value


def test_the_platforms_reasons_name_its_dominating_party() -> None:
    result = score(sample_canvas("single-owner-platform"))
    assert result.value < 40  # weak
    first = result.reasons[0]
    assert "FreshLink Foodservice Ltd." in first.text
    assert "dominates the supply side" in first.text
    assert first.path == "parties[0]"


def test_a_hub_is_counted_in_flows_as_rule_cmc025_counts_even_when_shares_are_volumes() -> None:
    import attrs

    from cmc_core.rules import validate

    canvas = balanced()
    # p-d1 receives 2 of the 8 flows, but nearly all of the volume
    flows = tuple(
        attrs.evolve(flow, volume=1000.0 if flow.to_party == "p-d1" else 1.0, unit="t")
        for flow in canvas.flows
    )
    weighed = canvas.evolve(flows=flows)
    result = score(weighed)
    assert not [r for r in result.reasons if "a hub" in r.text]
    assert not [d for d in validate(weighed) if d.code == "CMC025"]
    sides = [r.text for r in result.reasons if r.text.startswith("The demand side")]
    assert len(sides) == 1
    assert "of the traded volume (t)" in sides[0]


def test_a_group_counts_as_its_organisations_in_every_reason_of_its_side() -> None:
    suppliers = [supplier("p-s1", represents=2000), *map(supplier, SUPPLIERS[1:])]
    result = score(market([*suppliers, *map(demander, DEMANDERS)], ring_pairs()))
    texts = [r.text for r in result.reasons]
    assert any(t.startswith("2003 supplier organisations inside the community") for t in texts)
    assert any(t.startswith("The supply side: 2003 organisations") for t in texts)
