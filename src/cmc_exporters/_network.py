"""The value network of a canvas as a diagram sees it: grouped nodes and labelled edges.

The ``mermaid`` and ``dot`` exporters draw the same picture, built here once: parties grouped
by role (suppliers, parties that both supply and demand, demanders, other stakeholders), the
commonalities in the middle, value flows from supply to demand, and each commonality's
steward. A flow over the commonality (``via_commonality``) passes through the primary
commonality as two edges. Flows of the same kind between the same two nodes share one edge,
labelled with one line per value, so that a busy hub stays readable.

Node keys are generated (``p1``, ``c1``, ``u1``): user ids never reach a diagram's syntax.
Labels here are the canvas's raw text, already on one line; each exporter escapes them for
its format. References to nothing (a broken canvas) get a node of their own in the
"unknown" group, so the picture shows the gap instead of hiding the flow.
"""

from __future__ import annotations

import enum
import re

import attrs

from cmc_core.blueprint import BlockKey, block
from cmc_core.canvas import Canvas
from cmc_core.model import Party, Value, ValueFlow
from cmc_core.vocabulary import MARKET_ROLES, Language, Role, label

__all__ = ["Edge", "EdgeKind", "Group", "Network", "Node", "one_line", "value_network"]

#: Line breaks and control characters: a label is one line, whatever the canvas holds.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\s]+")


def one_line(text: str) -> str:
    """``text`` on one line: line breaks, control characters and runs of white space become
    one space; leading and trailing space goes."""
    return _BREAKS.sub(" ", text).strip()


class Group(enum.Enum):
    """Where a node is drawn, in drawing order (left to right)."""

    SUPPLIERS = "suppliers"
    TRADERS = "traders"
    COMMONALITY = "commonality"
    DEMANDERS = "demanders"
    STAKEHOLDERS = "stakeholders"
    UNKNOWN = "unknown"


class EdgeKind(enum.Enum):
    """A value flow, a counter-flow (back towards supply), or a steward looking after a
    commonality."""

    FLOW = "flow"
    COUNTER = "counter"
    STEWARD = "steward"


_GROUP_LABELS: dict[Group, tuple[str, str]] = {  # (Dutch, English) for groups without a block
    Group.TRADERS: ("Aanbieders en afnemers", "Suppliers and demanders"),
    Group.UNKNOWN: ("Onbekende verwijzingen", "Unknown references"),
}
_GROUP_BLOCKS: dict[Group, BlockKey] = {
    Group.SUPPLIERS: BlockKey.SUPPLIERS,
    Group.COMMONALITY: BlockKey.COMMONALITY,
    Group.DEMANDERS: BlockKey.DEMANDERS,
    Group.STAKEHOLDERS: BlockKey.STAKEHOLDERS,
}
_WORDS: dict[str, tuple[str, str]] = {
    "external": ("extern", "external"),
    "in_return": ("tegen", "in return"),
    "stewards": ("beheert", "stewards"),
    "missing": ("?", "?"),
}


def _say(key: str, language: Language) -> str:
    dutch, english = _WORDS[key]
    return dutch if language is Language.NL else english


def group_label(group: Group, language: Language) -> str:
    """The heading of a group in ``language``: the block label where a block matches."""
    if group in _GROUP_BLOCKS:
        return block(_GROUP_BLOCKS[group]).label(language)
    dutch, english = _GROUP_LABELS[group]
    return dutch if language is Language.NL else english


@attrs.frozen
class Node:
    """A box in the diagram.

    :param key: a generated identifier, safe in every diagram language.
    :param lines: the label, one line each: the name first, then roles and "external".
    """

    key: str
    lines: tuple[str, ...]
    group: Group
    external: bool = False


@attrs.frozen
class Edge:
    """An arrow from ``tail`` to ``head`` (node keys), labelled with one line per value."""

    tail: str
    head: str
    lines: tuple[str, ...]
    kind: EdgeKind


@attrs.frozen
class Network:
    """The nodes by group (in :class:`Group` order, empty groups left out) and the edges."""

    groups: tuple[tuple[Group, str, tuple[Node, ...]], ...]
    edges: tuple[Edge, ...]

    def nodes(self) -> tuple[Node, ...]:
        """Every node, group by group."""
        return tuple(node for _, _, nodes in self.groups for node in nodes)


def _party_group(party: Party) -> Group:
    supplies, demands = Role.SUPPLIER in party.roles, Role.DEMANDER in party.roles
    if supplies and demands:
        return Group.TRADERS
    if supplies:
        return Group.SUPPLIERS
    return Group.DEMANDERS if demands else Group.STAKEHOLDERS


def _party_lines(party: Party, language: Language) -> tuple[str, ...]:
    name = one_line(party.name) or one_line(party.id) or "?"
    details = [label(role, language) for role in party.roles if role not in MARKET_ROLES]
    if party.external:
        details.append(_say("external", language))
    return (name, f"({', '.join(dict.fromkeys(details))})") if details else (name,)


class _Builder:
    """Collects nodes and edges; resolves references to node keys, making unknown nodes."""

    def __init__(self, canvas: Canvas, language: Language) -> None:
        self.language = language
        self.nodes: list[Node] = []
        self.party_keys: dict[str, str] = {}
        self.unknown_keys: dict[str | None, str] = {}
        self.values: dict[str, Value] = {}
        for value in canvas.values:
            self.values.setdefault(value.id, value)
        # Lines per (tail, head, kind), in first-seen order: parallel flows share one edge.
        self.edges: dict[tuple[str, str, EdgeKind], dict[str, None]] = {}

    def party(self, party_id: str | None) -> str:
        """The node key of the party with this id, or of an unknown node for it."""
        if party_id is not None and party_id in self.party_keys:
            return self.party_keys[party_id]
        if party_id not in self.unknown_keys:
            key = f"u{len(self.unknown_keys) + 1}"
            self.unknown_keys[party_id] = key
            text = "?" if party_id is None else one_line(party_id) or "?"
            self.nodes.append(Node(key, (text,), Group.UNKNOWN))
        return self.unknown_keys[party_id]

    def value_name(self, value_id: str | None) -> str:
        if value_id is None:
            return _say("missing", self.language)
        value = self.values.get(value_id)
        name = one_line(value.name) if value is not None else ""
        return name or one_line(value_id) or "?"

    def flow_line(self, flow: ValueFlow) -> str:
        """``value``, or ``value (in return: counter value)``."""
        line = self.value_name(flow.value)
        if flow.counter_value is None:
            return line
        return f"{line} ({_say('in_return', self.language)}: {self.value_name(flow.counter_value)})"

    def edge(self, tail: str, head: str, line: str, kind: EdgeKind) -> None:
        self.edges.setdefault((tail, head, kind), {}).setdefault(line, None)


def value_network(canvas: Canvas, language: Language) -> Network:
    """The value network of ``canvas`` with labels in ``language``."""
    builder = _Builder(canvas, language)
    for index, party in enumerate(canvas.parties, 1):
        key = f"p{index}"
        builder.party_keys.setdefault(party.id, key)
        lines = _party_lines(party, language)
        builder.nodes.append(Node(key, lines, _party_group(party), party.external))

    hub: str | None = None
    primary = canvas.primary_commonality
    for index, commonality in enumerate(canvas.commonalities, 1):
        key = f"c{index}"
        name = one_line(commonality.name) or one_line(commonality.id) or "?"
        builder.nodes.append(Node(key, (name,), Group.COMMONALITY))
        if commonality is primary:
            hub = key
    if hub is None and any(flow.via_commonality for flow in canvas.flows):
        hub = "c0"  # flows over a commonality the canvas does not name yet
        builder.nodes.append(
            Node(hub, (group_label(Group.COMMONALITY, language),), Group.COMMONALITY)
        )

    for flow in canvas.flows:
        tail, head = builder.party(flow.from_party), builder.party(flow.to_party)
        kind = EdgeKind.COUNTER if flow.counter_of is not None else EdgeKind.FLOW
        line = builder.flow_line(flow)
        if flow.via_commonality and hub is not None:
            builder.edge(tail, hub, line, kind)
            builder.edge(hub, head, line, kind)
        else:
            builder.edge(tail, head, line, kind)
    for index, commonality in enumerate(canvas.commonalities, 1):
        if commonality.steward is not None:
            steward = builder.party(commonality.steward)
            builder.edge(steward, f"c{index}", _say("stewards", language), EdgeKind.STEWARD)

    groups = tuple(
        (group, group_label(group, language), members)
        for group in Group
        if (members := tuple(node for node in builder.nodes if node.group is group))
    )
    edges = tuple(
        Edge(tail, head, tuple(lines), kind) for (tail, head, kind), lines in builder.edges.items()
    )
    return Network(groups, edges)
