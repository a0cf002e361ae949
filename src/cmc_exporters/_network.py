"""The value network of a canvas as a diagram sees it: grouped nodes and labelled edges.

The ``mermaid`` and ``dot`` exporters draw the same picture, built here once: parties grouped
by role (suppliers, parties that both supply and demand, demanders, other stakeholders), the
commonalities in the middle, value flows from supply to demand, and each commonality's
steward. A flow over the commonality (``via_commonality``) passes through the primary
commonality as two edges. Flows of the same kind between the same two nodes share one edge,
labelled with one line per value, so that a busy hub stays readable.

Schema version 2's facts: a party standing for a group says how many organisations
(``2,000 organisations``) under its name; a flow line gives, in its parentheses, the flow's
kind when it is no market flow (``fee``), what comes back, and its volume in its unit per
period (``Handling (in return: Payment; 1,200 TEU per week)``). Equal lines on one edge are
one line, so the volumes of flows that share it add up there (two flows of 24 % from a
terminal through the commonality are one line of 48 %). Flows of another kind than market get
edges of their own (:attr:`Edge.flow_kind`), which each exporter draws apart.

Node keys are generated (``p1``, ``c1``, ``u1``): user ids never reach a diagram's syntax.
Labels here are the canvas's raw text, already on one line; each exporter escapes them for
its format. References to nothing (a broken canvas) get a node of their own in the
"unknown" group, so the picture shows the gap instead of hiding the flow.
"""

from __future__ import annotations

import enum
import re
from typing import NamedTuple

import attrs

from cmc_core.blueprint import BlockKey, block
from cmc_core.canvas import Canvas
from cmc_core.model import Party, Value, ValueFlow
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import MARKET_ROLES, FlowKind, Language, Period, Role, label
from cmc_exporters._facts import amount, number

__all__ = ["Edge", "EdgeKind", "Group", "Network", "Node", "one_line", "value_network"]

_ = Messages("cmc_exporters", "exporters")

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


_GROUP_LABELS: dict[Group, str] = {
    Group.TRADERS: N_("Suppliers and demanders"),
    Group.UNKNOWN: N_("Unknown references"),
}
_GROUP_BLOCKS: dict[Group, BlockKey] = {
    Group.SUPPLIERS: BlockKey.SUPPLIERS,
    Group.COMMONALITY: BlockKey.COMMONALITY,
    Group.DEMANDERS: BlockKey.DEMANDERS,
    Group.STAKEHOLDERS: BlockKey.STAKEHOLDERS,
}
_WORDS: dict[str, str] = {
    "external": N_("external"),
    "in_return": N_("in return"),
    "organisations": N_("{count} organisations"),
    "organisation": N_("1 organisation"),
    "stewards": N_("stewards"),
    "missing": N_("?"),
}


def _say(key: str, language: Language) -> str:
    return _.translate(_WORDS[key], language)


def group_label(group: Group, language: Language) -> str:
    """The heading of a group in ``language``: the block label where a block matches."""
    if group in _GROUP_BLOCKS:
        return block(_GROUP_BLOCKS[group]).label(language)
    return _.translate(_GROUP_LABELS[group], language)


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
    """An arrow from ``tail`` to ``head`` (node keys), labelled with one line per value.

    :param flow_kind: the kind of the flows it draws (``None`` for a steward's line); flows of
        another kind than market are no trade, and are drawn apart.
    """

    tail: str
    head: str
    lines: tuple[str, ...]
    kind: EdgeKind
    flow_kind: FlowKind | None = None

    @property
    def is_market(self) -> bool:
        """Whether the edge draws market flows (a steward's line counts as one)."""
        return self.flow_kind in (None, FlowKind.MARKET)


@attrs.frozen
class Network:
    """The nodes by group (in :class:`Group` order, empty groups left out) and the edges."""

    groups: tuple[tuple[Group, str, tuple[Node, ...]], ...]
    edges: tuple[Edge, ...]

    def nodes(self) -> tuple[Node, ...]:
        """Every node, group by group."""
        return tuple(node for _key, _label, nodes in self.groups for node in nodes)


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
    if party.represents is not None:
        key = "organisation" if party.represents == 1 else "organisations"
        details.append(_say(key, language).format(count=number(party.represents, language)))
    if party.external:
        details.append(_say("external", language))
    return (name, f"({', '.join(dict.fromkeys(details))})") if details else (name,)


class _Line(NamedTuple):
    """What an edge's line says of its flows, but their volume: equal lines between the same
    two boxes are one line, whose volume is the sum of theirs."""

    value: str
    details: tuple[str, ...]
    measured: bool = False
    unit: str = ""
    period: Period | None = None


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
        # Lines per (tail, head, kind, flow kind), in first-seen order: parallel flows of one
        # kind share one edge, and the volumes of equal lines in one unit and period add up.
        self.edges: dict[tuple[str, str, EdgeKind, FlowKind | None], dict[_Line, float]] = {}

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

    def flow_line(self, flow: ValueFlow) -> _Line:
        """The line of a flow, its volume left to add: the value, the kind (when no market
        flow), the counter-value, and the unit and period of its volume (when it has one)."""
        details: tuple[str, ...] = () if flow.is_market else (label(flow.kind, self.language),)
        if flow.counter_value is not None:
            back = self.value_name(flow.counter_value)
            details += (f"{_say('in_return', self.language)}: {back}",)
        measured = flow.volume is not None
        if not measured:
            return _Line(self.value_name(flow.value), details)
        return _Line(self.value_name(flow.value), details, True, one_line(flow.unit), flow.period)

    def edge(
        self,
        tail: str,
        head: str,
        line: _Line,
        kind: EdgeKind,
        *,
        flow_kind: FlowKind | None = None,
        volume: float | None = None,
    ) -> None:
        lines = self.edges.setdefault((tail, head, kind, flow_kind), {})
        lines[line] = lines.get(line, 0.0) + (volume or 0.0)

    def line_text(self, line: _Line, volume: float) -> str:
        """``value``, or ``value (fee; in return: counter value; 1,200 EUR per year)``."""
        details = line.details
        if line.measured:
            measure = amount(volume, line.unit, line.period, self.language)
            details += (one_line(measure),)
        return f"{line.value} ({'; '.join(details)})" if details else line.value


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
        line, volume = builder.flow_line(flow), flow.volume
        if flow.via_commonality and hub is not None:
            builder.edge(tail, hub, line, kind, flow_kind=flow.kind, volume=volume)
            builder.edge(hub, head, line, kind, flow_kind=flow.kind, volume=volume)
        else:
            builder.edge(tail, head, line, kind, flow_kind=flow.kind, volume=volume)
    for index, commonality in enumerate(canvas.commonalities, 1):
        if commonality.steward is not None:
            steward = builder.party(commonality.steward)
            stewards = _Line(_say("stewards", language), ())
            builder.edge(steward, f"c{index}", stewards, EdgeKind.STEWARD)

    groups = tuple(
        (group, group_label(group, language), members)
        for group in Group
        if (members := tuple(node for node in builder.nodes if node.group is group))
    )
    edges = tuple(
        Edge(
            tail,
            head,
            tuple(dict.fromkeys(builder.line_text(line, total) for line, total in lines.items())),
            kind,
            flow_kind,
        )
        for (tail, head, kind, flow_kind), lines in builder.edges.items()
    )
    return Network(groups, edges)
