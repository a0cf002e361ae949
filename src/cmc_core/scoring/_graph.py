"""Connected components and bridges of an undirected graph over small integers, in one pass.

Why not networkx here: on the million-flow benchmark canvas (100k parties, about a million
distinct relationships) building a ``networkx.Graph`` alone takes longer than loading the canvas,
and ``networkx.bridges`` takes 1.7 s already at 100k flows (docs/scoring.md has the figures).
One iterative depth-first search over adjacency sets finds the components and, with Tarjan's
low-link numbers, the bridges in linear time and without recursion, so a long chain of parties
cannot overflow the stack. The tests check every result against networkx.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import eq

__all__ = ["Adjacency", "adjacency", "freeman_centralisation", "search"]

#: The neighbours of each node, by node number.
Adjacency = list[set[int]]


def adjacency(nodes: int, froms: Sequence[int], tos: Sequence[int]) -> Adjacency:
    """The simple undirected graph of the links ``froms[i]``-``tos[i]`` between ``nodes`` nodes.

    Node ``nodes`` itself stands for "no node": links to it are dropped, and so are loops and
    repeated links (a set per node keeps each neighbour once).
    """
    neighbours: Adjacency = [set() for _ in range(nodes + 1)]
    for start, end in zip(froms, tos, strict=True):
        neighbours[start].add(end)
        neighbours[end].add(start)
    linked_to_none = neighbours.pop()
    linked_to_none.discard(nodes)
    for node in linked_to_none:
        neighbours[node].discard(nodes)
    for node in compress(froms, map(eq, froms, tos)):
        if node != nodes:
            neighbours[node].discard(node)
    return neighbours


def search(
    neighbours: Adjacency, order: Iterable[int]
) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """The connected components (of nodes with a neighbour) and the bridges of a simple graph.

    :param order: the nodes to start from, in the order components are found.
    :returns: the components, each in discovery order, and the bridges as (parent, child)
        pairs of the search tree.
    """
    discovered = list(repeat(0, len(neighbours)))
    low = list(repeat(0, len(neighbours)))
    components: list[list[int]] = []
    bridges: list[tuple[int, int]] = []
    clock = 1
    for root in order:
        if discovered[root] or not neighbours[root]:
            continue
        component = [root]
        discovered[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, iter(neighbours[root]))]
        while stack:
            node, parent, rest = stack[-1]
            lowest = low[node]  # a child that finished may have lowered it
            for neighbour in rest:
                seen = discovered[neighbour]
                if seen:
                    # A back edge, unless it is the one link to the parent (a simple graph).
                    if seen < lowest and neighbour != parent:
                        lowest = seen
                    continue
                low[node] = lowest
                discovered[neighbour] = low[neighbour] = clock
                clock += 1
                component.append(neighbour)
                stack.append((neighbour, node, iter(neighbours[neighbour])))
                break
            else:
                stack.pop()
                if parent >= 0:
                    low[parent] = min(low[parent], lowest)
                    if lowest > discovered[parent]:
                        bridges.append((parent, node))
        components.append(component)
    return components, bridges


def freeman_centralisation(degrees: Sequence[int]) -> float:
    """Freeman's degree centralisation of a simple graph with these node degrees, from 0 to 1.

    The sum of the differences to the largest degree, over its maximum, which a star reaches:
    ``sum(max - d) / ((n - 1) * (n - 2))``. 1.0 for a star, 0.0 when every node has the same
    degree, and 0.0 for fewer than three nodes, where it is not defined.
    """
    count = len(degrees)
    if count < 3:
        return 0.0
    return (count * max(degrees) - sum(degrees)) / ((count - 1) * (count - 2))
