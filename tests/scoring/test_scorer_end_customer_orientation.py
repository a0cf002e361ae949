"""end-customer-orientation: the end customer described, reached by the flows, and measured."""

from __future__ import annotations

import attrs
import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import EndCustomerValue, Party
from cmc_core.scoring import Score, ScoreContext
from cmc_core.scoring.builtin.end_customer import (
    DESCRIPTION_POINTS,
    END_CUSTOMER_ORIENTATION,
    MEASURE_POINTS,
    REACH_POINTS,
    REACH_SHARE_POINTS,
)
from cmc_core.vocabulary import Role

from .score_builders import SUPPLIERS, community, demander, market, supplier


def score(canvas: Canvas) -> Score:
    return END_CUSTOMER_ORIENTATION(canvas, ScoreContext(canvas))


def test_a_described_customer_reached_by_every_flow_scores_100() -> None:
    assert score(community()).value == pytest.approx(100.0)


def test_the_share_of_flows_ending_at_the_end_customer_side_counts() -> None:
    parties = [
        *map(supplier, SUPPLIERS),
        demander("p-d1", serves_end_customer=True),
        demander("p-d2"),
    ]
    canvas = market(
        parties, [("p-s1", "p-d1"), ("p-s2", "p-d2"), ("p-s3", "p-d2"), ("p-s4", "p-d2")]
    )
    result = score(canvas)
    assert result.value == pytest.approx(REACH_POINTS + REACH_SHARE_POINTS / 4)
    assert "1 of 4 market flows (25%) end at the end customer" in result.reasons[4].text


def test_a_party_with_the_end_customer_role_is_reached_directly() -> None:
    shopper = Party("p-shopper", name="Shoppers", roles=(Role.END_CUSTOMER,))
    canvas = market([supplier("p-s1"), shopper], [("p-s1", "p-shopper")])
    assert score(canvas).value == pytest.approx(REACH_POINTS + REACH_SHARE_POINTS)


def test_flows_that_never_reach_the_end_customer_earn_no_reach_points() -> None:
    parties = [supplier("p-s1"), demander("p-d1"), demander("p-d2", serves_end_customer=True)]
    result = score(market(parties, [("p-s1", "p-d1")]))
    assert result.value == 0.0
    assert "(V09)" in result.reasons[3].text


def test_every_part_of_block_a1_earns_its_points_at_its_path() -> None:
    canvas = community().evolve(end_customer=EndCustomerValue(customer="Shoppers"))
    result = score(canvas)
    missing = sum(DESCRIPTION_POINTS.values()) + sum(MEASURE_POINTS.values())
    assert result.value == pytest.approx(100 - missing + DESCRIPTION_POINTS["customer"])
    paths = [r.path for r in result.reasons if r.effect == 0.0]
    assert paths == [
        "end_customer.value",
        "end_customer.problem",
        "end_customer.waste",
        "end_customer.measure",
    ]


def test_no_serving_party_asks_to_mark_one() -> None:
    canvas = community()
    plain = tuple(attrs.evolve(p, serves_end_customer=False) for p in canvas.parties)
    result = score(canvas.evolve(parties=plain))
    assert result.value == pytest.approx(
        sum(DESCRIPTION_POINTS.values()) + sum(MEASURE_POINTS.values())
    )
    assert [r.path for r in result.reasons if "serves_end_customer" in r.text] == ["parties"]
