"""The value-network analysis agrees with networkx on every network, to the last bridge."""

from __future__ import annotations

import networkx
from hypothesis import given, settings
from hypothesis import strategies as st

from cmc_core.canvas import Canvas
from cmc_core.model import Party, ValueFlow
from cmc_core.scoring.network import analyse_network
from cmc_core.testing import examples
from cmc_core.vocabulary import Role

IDS = [f"p-{n}" for n in range(30)]


@st.composite
def networks(draw: st.DrawFn) -> Canvas:
    """Up to 30 parties (some sharing an id) and up to 80 flows, some to unknown or missing
    parties, some to themselves, some counter-flows."""
    count = draw(st.integers(1, len(IDS)))
    ids = [draw(st.sampled_from(IDS[:count])) for _ in range(count)]
    ends = st.sampled_from([*IDS[:count], "ghost", None])
    flows = [
        ValueFlow(
            f"f-{n}",
            from_party=draw(ends),
            to_party=draw(ends),
            counter_of=draw(st.sampled_from([None, None, None, "f-0"])),
        )
        for n in range(draw(st.integers(0, 80)))
    ]
    return Canvas(parties=tuple(Party(i, roles=(Role.SUPPLIER,)) for i in ids), flows=tuple(flows))


def networkx_graph(canvas: Canvas) -> networkx.Graph:
    """The value network built independently, straight from the flows."""
    graph = networkx.Graph()
    known = {party.id for party in canvas.parties}
    graph.add_nodes_from(known)
    graph.add_edges_from(
        (flow.from_party, flow.to_party)
        for flow in canvas.flows
        if flow.from_party in known and flow.to_party in known and flow.from_party != flow.to_party
    )
    return graph


@settings(max_examples=examples(300), deadline=None)
@given(networks())
def test_components_isolated_bridges_and_partners_are_those_networkx_finds(canvas: Canvas) -> None:
    analysis = analyse_network(canvas)
    graph = networkx_graph(canvas)
    linked = [node for node in graph if graph.degree(node)]
    expected_groups = {
        frozenset(group) for group in networkx.connected_components(graph.subgraph(linked))
    }
    assert {frozenset(group) for group in analysis.components} == expected_groups
    assert set(analysis.isolated) == set(graph) - set(linked)
    assert {frozenset(pair) for pair in analysis.bridges} == {
        frozenset(pair) for pair in networkx.bridges(graph)
    }
    assert dict(analysis.partners) == {node: graph.degree(node) for node in linked}
    assert analysis.links == graph.number_of_edges()


@settings(max_examples=examples(300), deadline=None)
@given(networks())
def test_centralisation_is_freemans_formula_over_the_networkx_degrees(canvas: Canvas) -> None:
    graph = networkx_graph(canvas)
    degrees = [degree for _, degree in graph.degree if degree]
    n = len(degrees)
    expected = (
        sum(max(degrees) - degree for degree in degrees) / ((n - 1) * (n - 2)) if n >= 3 else 0.0
    )
    assert abs(analyse_network(canvas).centralisation - expected) < 1e-12


@settings(deadline=None)
@given(networks())
def test_the_exported_networkx_graph_is_the_value_network(canvas: Canvas) -> None:
    from cmc_core.scoring.network import to_networkx

    exported = to_networkx(canvas)
    expected = networkx_graph(canvas)
    assert set(exported.nodes) == set(expected.nodes)
    assert {frozenset(edge) for edge in exported.edges} == {
        frozenset(edge) for edge in expected.edges
    }
