"""The value-network analysis on small networks whose answers are worked out by hand."""

from __future__ import annotations

import json
import math
from itertools import pairwise

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import Party, ValueFlow
from cmc_core.scoring.network import Hub, analyse_network, to_networkx
from cmc_core.vocabulary import Role


def parties(*ids: str) -> tuple[Party, ...]:
    return tuple(Party(party_id, name=party_id.upper(), roles=(Role.SUPPLIER,)) for party_id in ids)


def network(ids: str, links: str, **flow_changes: object) -> Canvas:
    """Parties named by the letters of ``ids``; a flow per pair in ``links`` ("ab bc")."""
    flows = tuple(
        ValueFlow(f"f-{n}", from_party=pair[0], to_party=pair[1])
        for n, pair in enumerate(links.split())
    )
    return Canvas(parties=parties(*ids), flows=flows)


def test_a_path_is_one_group_whose_every_link_is_a_bridge() -> None:
    analysis = analyse_network(network("abcde", "ab bc cd"))
    assert analysis.components == (("a", "b", "c", "d"),)
    assert analysis.connected
    assert analysis.isolated == ("e",)
    assert analysis.bridges == (("a", "b"), ("b", "c"), ("c", "d"))
    assert dict(analysis.partners) == {"a": 1, "b": 2, "c": 2, "d": 1}
    # Freeman: (4 * 2 - (1 + 2 + 2 + 1)) / ((4 - 1) * (4 - 2)) = 2 / 6
    assert analysis.centralisation == pytest.approx(1 / 3)


def test_middle_parties_of_a_path_take_part_in_two_of_three_flows_and_are_hubs() -> None:
    analysis = analyse_network(network("abcd", "ab bc cd"))
    assert analysis.market_flows == 3
    assert analysis.hubs == (Hub("b", 2, 2 / 3), Hub("c", 2, 2 / 3))


def test_only_the_tail_of_a_triangle_is_a_bridge() -> None:
    analysis = analyse_network(network("abcd", "ab bc ca cd"))
    assert analysis.bridges == (("c", "d"),)
    # degrees 2, 2, 3, 1: (4 * 3 - 8) / (3 * 2)
    assert analysis.centralisation == pytest.approx(2 / 3)


def test_a_star_is_fully_centralised_and_its_centre_is_in_every_flow() -> None:
    analysis = analyse_network(network("habcd", "ha hb hc hd"))
    assert analysis.centralisation == 1.0
    assert analysis.hubs == (Hub("h", 4, 1.0),)
    assert analysis.most_partners == ("h",)
    assert len(analysis.bridges) == 4


def test_a_ring_of_equals_has_no_centralisation_no_bridge_and_no_hub() -> None:
    analysis = analyse_network(network("abcdef", "ab bc cd de ef fa"))
    assert analysis.centralisation == 0.0
    assert analysis.bridges == ()
    assert analysis.hubs == ()


def test_two_separate_pairs_are_two_groups_largest_and_then_alphabetical_first() -> None:
    analysis = analyse_network(network("abcde", "de ab bc"))
    assert analysis.components == (("a", "b", "c"), ("d", "e"))
    assert not analysis.connected


def test_repeated_flows_either_way_make_one_link_but_count_as_flows() -> None:
    analysis = analyse_network(network("ab", "ab ab ba ab"))
    assert analysis.links == 1
    assert analysis.market_flows == 4
    assert dict(analysis.partners) == {"a": 1, "b": 1}
    assert analysis.bridges == (("a", "b"),)


def test_a_counter_flow_links_its_parties_but_is_no_market_flow() -> None:
    canvas = Canvas(
        parties=parties("a", "b", "c"),
        flows=(
            ValueFlow("f-1", from_party="a", to_party="b"),
            ValueFlow("f-2", from_party="c", to_party="a", counter_of="f-1"),
        ),
    )
    analysis = analyse_network(canvas)
    assert analysis.isolated == ()
    assert analysis.components == (("a", "b", "c"),)
    assert analysis.market_flows == 1
    assert analysis.hubs == (Hub("a", 1, 1.0), Hub("b", 1, 1.0))


def test_flows_to_unknown_or_missing_parties_and_to_oneself_link_nobody() -> None:
    canvas = Canvas(
        parties=parties("a", "b"),
        flows=(
            ValueFlow("f-1", from_party="a", to_party="ghost"),
            ValueFlow("f-2", from_party="a", to_party="a"),
            ValueFlow("f-3", from_party=None, to_party="b"),
        ),
    )
    analysis = analyse_network(canvas)
    assert analysis.links == 0
    assert analysis.market_flows == 0
    assert analysis.isolated == ("a", "b")
    assert analysis.components == ()
    assert analysis.hubs == ()
    assert analysis.centralisation == 0.0


def test_parties_sharing_an_id_are_one_node() -> None:
    canvas = Canvas(
        parties=(*parties("a", "b"), Party("a", name="Second A")),
        flows=(ValueFlow("f-1", from_party="a", to_party="b"),),
    )
    assert analyse_network(canvas).parties == 2


def test_hub_share_sets_the_bar_for_hubs() -> None:
    canvas = network("abcd", "ab cd ad")
    assert [hub.party for hub in analyse_network(canvas).hubs] == ["a", "d"]
    assert analyse_network(canvas, hub_share=0.7).hubs == ()
    every = analyse_network(canvas, hub_share=0.0).hubs
    assert sorted(hub.party for hub in every) == ["a", "b", "c", "d"]


@pytest.mark.parametrize("share", [-0.1, 1.0, math.nan])
def test_a_hub_share_outside_zero_to_one_is_refused(share: float) -> None:
    with pytest.raises(ValueError, match="hub_share"):
        analyse_network(network("ab", "ab"), hub_share=share)


def test_the_analysis_reads_as_json() -> None:
    data = json.loads(json.dumps(analyse_network(network("abc", "ab bc")).to_dict()))
    assert data["components"] == [["a", "b", "c"]]
    assert data["bridges"] == [["a", "b"], ["b", "c"]]
    assert data["hubs"] == [{"party": "b", "flows": 2, "share": 1.0}]
    assert data["partners"] == {"a": 1, "b": 2, "c": 1}
    assert data["connected"] is True


def test_the_networkx_graph_has_a_node_per_party_and_counts_the_flows_per_link() -> None:
    graph = to_networkx(network("abc", "ab ba ab bc"))
    assert sorted(graph.nodes) == ["a", "b", "c"]
    assert graph.nodes["a"]["name"] == "A"
    assert graph.edges["a", "b"]["flows"] == 3
    assert graph.edges["b", "c"]["flows"] == 1


def test_a_chain_of_thousands_of_parties_is_searched_without_recursion() -> None:
    ids = [f"p-{n:05d}" for n in range(5000)]
    canvas = Canvas(
        parties=tuple(Party(i) for i in ids),
        flows=tuple(
            ValueFlow(f"f-{n}", from_party=a, to_party=b) for n, (a, b) in enumerate(pairwise(ids))
        ),
    )
    analysis = analyse_network(canvas)
    assert len(analysis.bridges) == 4999
    assert analysis.components == (tuple(ids),)
