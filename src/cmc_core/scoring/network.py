"""Value-network analysis: who is linked to whom by value flows, and where it could break.

:func:`analyse_network` is the function embedding apps call on their own; the built-in scorers
share one analysis per run. The value network has a node per party and an undirected link
between two parties that some flow connects (either way, counter-flows included); the flows
themselves are counted as in :mod:`cmc_core.scoring.flows`. It reports:

* **components**: the groups of parties linked to each other, largest first; a community whose
  flows fall apart into groups is several markets, not one;
* **isolated** parties: in no flow at all;
* **hubs**: parties that take part in more than ``hub_share`` of the market flows (rule CMC025
  and decision 4 of the domain reference: a hub is a party in more than half of all flows);
* **bridges**: links whose removal splits a component: the community depends on that one
  relationship;
* **degree centralisation** (Freeman): how star-shaped the network is, from 0 (every party has
  as many trading partners as any other) to 1 (one party is the partner of all others, and
  they of no one else).

The graph work runs on party numbers in linear time (:mod:`cmc_core.scoring._graph`);
:func:`to_networkx` builds a ``networkx.Graph`` for any further analysis, importing networkx
only when called.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Mapping
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs

from cmc_core.gctools import gc_paused
from cmc_core.rules.engine import RuleSettings
from cmc_core.scoring import _graph
from cmc_core.scoring.flows import FlowTable, flow_table

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas

__all__ = [
    "DEFAULT_HUB_SHARE",
    "Hub",
    "NetworkAnalysis",
    "analyse_flow_table",
    "analyse_network",
    "to_networkx",
]

#: A party in more than this share of the market flows is a hub (the rules' default).
DEFAULT_HUB_SHARE = RuleSettings().hub_share


def _frozen_counts(value: Mapping[str, int]) -> Mapping[str, int]:
    return dict(value)


@attrs.frozen
class Hub:
    """A party that takes part in more than the hub share of the market flows.

    :param party: its id.
    :param flows: the market flows it takes part in (their volume, when the shares are of
        volumes).
    :param share: those flows as a share of all market flows, from 0 to 1.
    """

    party: str
    flows: float
    share: float


@attrs.frozen
class NetworkAnalysis:
    """The shape of a canvas's value network. Party ids are listed sorted, so that the analysis
    does not depend on the order of the canvas's lists.

    :param parties: the number of distinct parties (the nodes).
    :param market_flows: the primary flows between two different known parties.
    :param links: the number of distinct pairs of parties some flow connects.
    :param components: the parties linked to each other, per group, largest group first.
    :param isolated: the parties in no flow at all.
    :param hubs: the parties above the hub share, largest share first.
    :param hub_share: the share above which a party is a hub.
    :param bridges: the links whose removal splits a group, each as a sorted pair of ids.
    :param centralisation: Freeman's degree centralisation of the linked parties, 0 to 1.
    :param partners: each linked party's number of distinct partners (its degree).
    """

    parties: int
    market_flows: int
    links: int
    components: tuple[tuple[str, ...], ...]
    isolated: tuple[str, ...]
    hubs: tuple[Hub, ...]
    hub_share: float
    bridges: tuple[tuple[str, str], ...]
    centralisation: float
    partners: Mapping[str, int] = attrs.field(converter=_frozen_counts, hash=False, repr=False)

    @property
    def connected(self) -> bool:
        """Whether all linked parties form one group (isolated parties aside)."""
        return len(self.components) <= 1

    @property
    def most_partners(self) -> tuple[str, ...]:
        """The ids of the parties with the most partners, sorted (empty without links)."""
        if not self.partners:
            return ()
        most = max(self.partners.values())
        return tuple(sorted(key for key, count in self.partners.items() if count == most))

    def to_dict(self) -> dict[str, Any]:
        """The analysis as JSON-ready data."""
        return {
            "parties": self.parties,
            "market_flows": self.market_flows,
            "links": self.links,
            "connected": self.connected,
            "components": [list(component) for component in self.components],
            "isolated": list(self.isolated),
            "hub_share": self.hub_share,
            "hubs": [attrs.asdict(hub) for hub in self.hubs],
            "bridges": [list(pair) for pair in self.bridges],
            "centralisation": self.centralisation,
            "partners": dict(sorted(self.partners.items())),
        }


def _check_share(share: float) -> None:
    if not 0 <= share < 1:
        raise ValueError(f"hub_share must be at least 0 and below 1, got {share!r}")


def analyse_network(canvas: Canvas, *, hub_share: float = DEFAULT_HUB_SHARE) -> NetworkAnalysis:
    """Analyse the value network of a canvas (see the module notes for what each part means).

    Linear in the number of flows; about as long as loading the canvas from JSON takes (the
    figures are in docs/scoring.md).

    :param hub_share: a party in more than this share of the market flows is a hub.
    :raises ValueError: when ``hub_share`` is not in [0, 1).
    """
    _check_share(hub_share)
    with gc_paused():  # many small lists, sets and dicts, none of them in a cycle
        return analyse_flow_table(flow_table(canvas), hub_share)


def analyse_flow_table(table: FlowTable, hub_share: float = DEFAULT_HUB_SHARE) -> NetworkAnalysis:
    """:func:`analyse_network` over a :class:`~cmc_core.scoring.flows.FlowTable` already read.

    It builds 100k small sets and lists on a large canvas; its callers, :func:`analyse_network`
    and the scorers run by :func:`~cmc_core.scoring.score_canvas`, pause the cyclic GC for it.
    """
    _check_share(hub_share)
    neighbours = _graph.adjacency(table.unknown, table.froms, table.tos)
    numbers = table.party_numbers
    found, bridges = _graph.search(neighbours, numbers)
    ids = attrgetter("id")
    parties = table.canvas.parties
    name_of = [ids(parties[number]) for number in range(len(parties))]
    components = sorted(
        (tuple(sorted(name_of[number] for number in component)) for component in found),
        key=lambda component: (-len(component), component),
    )
    partners = {name_of[n]: len(neighbours[n]) for n in numbers if neighbours[n]}
    isolated = sorted(name_of[number] for number in numbers if not neighbours[number])
    return NetworkAnalysis(
        parties=len(numbers),
        market_flows=table.market_flows,
        links=sum(partners.values()) // 2,
        components=tuple(components),
        isolated=tuple(isolated),
        hubs=_hubs(table, hub_share, name_of),
        hub_share=hub_share,
        bridges=tuple(sorted(_pair(name_of[a], name_of[b]) for a, b in bridges)),
        centralisation=_graph.freeman_centralisation(list(partners.values())),
        partners=partners,
    )


def _pair(first: str, second: str) -> tuple[str, str]:
    return (first, second) if first <= second else (second, first)


def _hubs(table: FlowTable, hub_share: float, name_of: list[str]) -> tuple[Hub, ...]:
    # Counted in flows even when the shares are of volumes: a hub is a party in more than half
    # of the market flows, the partner of most others (decision 4; rule CMC025 counts so too).
    total = table.market_flows
    if not total:
        return ()
    limit = hub_share * total
    # Only a party with many sent or received flows can pass the limit: look at those alone.
    sent, received = table.sent_flows.items(), table.received_flows.items()
    candidates = {n for n, c in chain(sent, received) if c * 2 > limit}
    parties = table.canvas.parties
    hubs = [
        Hub(name_of[number], uses, uses / total)
        for number in candidates
        # a group of many organisations is no one hub (as rule CMC025 reads it)
        if (uses := table.takes_part(number)) > limit and parties[number].organisations == 1
    ]
    return tuple(sorted(hubs, key=lambda hub: (-hub.flows, hub.party)))


def to_networkx(canvas: Canvas) -> Any:
    """The value network as a ``networkx.Graph``, for analyses beyond :func:`analyse_network`.

    A node per party id (attribute ``name``); an edge between two parties that some flow links,
    with attribute ``flows``: how many flows (either way, counter-flows included) link them.
    Imports networkx (``pip install networkx``) only now.

    :raises ModuleNotFoundError: when networkx is not installed.
    """
    # networkx ships no type information; typed as Any rather than ignored.
    networkx = importlib.import_module("networkx")

    table = flow_table(canvas)
    parties = canvas.parties
    graph = networkx.Graph()
    graph.add_nodes_from((parties[n].id, {"name": parties[n].name}) for n in table.party_numbers)
    links: Counter[tuple[str, str]] = Counter()
    unknown = table.unknown
    for start, end in zip(table.froms, table.tos, strict=True):
        if start != end and unknown not in (start, end):
            links[_pair(parties[start].id, parties[end].id)] += 1
    graph.add_edges_from((a, b, {"flows": count}) for (a, b), count in links.items())
    return graph
