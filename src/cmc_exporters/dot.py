"""The ``dot`` exporter: the value network as a Graphviz DOT digraph.

The same picture as the ``mermaid`` exporter (built by :mod:`cmc_exporters._network`): left to
right, suppliers, parties that both supply and demand, the commonalities, demanders, each group
a cluster; other stakeholders and unknown references in clusters of their own. Value flows are
solid arrows labelled with the value (and what is given in return); counter-flows are dashed
and do not pull the layout backwards (``constraint=false``; when two of them run both ways
between one pair of parties, the second has ``weight=0`` instead, since Graphviz cannot route
two such unranked labelled edges between the same nodes); a steward is a dotted line to its
commonality. Flows that are no trade in the market (a fee, a regulatory report, a mandate, a
delegation, information) are grey arrows ending in an open circle (``arrowhead=odot``), and
their labels name their kind; a label gives a flow's volume in its unit per period too
(``Handling (in return: Payment; 1,200 TEU per week)``). A party standing for a group says how
many organisations under its name. The graph label shows the colophon (name, versions,
language, date, the moment described, attribution); ``//`` comments at the top repeat it for
readers of the source.

Escaping: node ids are generated (``p1``, ``c1``) and cluster ids fixed (``cluster_suppliers``);
user text only ever appears inside double-quoted strings, with ``\\`` and ``"`` backslash-escaped
(so ``\\N`` or ``\\l`` in a name stay text) and ``&`` written as ``&amp;`` (Graphviz reads
entities in every label). Line breaks and control characters become spaces; this exporter
never writes HTML-like labels (``<...>``), so ``<`` and ``>`` are plain text. Render with
``dot -Tsvg network.dot -o network.svg``. Reads no settings.
"""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.translation import N_, Messages
from cmc_exporters._colophon import colophon
from cmc_exporters._network import EdgeKind, Group, Node, one_line, value_network

__all__ = ["DOT_EXPORTER", "dot_string", "export_dot"]

_ = Messages("cmc_exporters", "exporters")

_FONT = "Helvetica"
_CLUSTER_COLOURS = {  # (fill, border)
    Group.SUPPLIERS: ("#eef4fb", "#3b6ea8"),
    Group.TRADERS: ("#f5eefa", "#7a4fa0"),
    Group.COMMONALITY: ("#fff7e6", "#c98a00"),
    Group.DEMANDERS: ("#eef8f0", "#3d8a50"),
    Group.STAKEHOLDERS: ("#f4f4f4", "#777777"),
    Group.UNKNOWN: ("#fdeeee", "#c0392b"),
}
_NODE_ATTRIBUTES = {
    Group.COMMONALITY: 'shape=hexagon, style="filled,bold", fillcolor="#fff1d6", color="#c98a00"',
    Group.UNKNOWN: 'style="rounded,filled,dashed", fillcolor="#fde8e8", color="#c0392b"',
}
_EDGE_ATTRIBUTES = {
    EdgeKind.FLOW: "",
    EdgeKind.COUNTER: ", style=dashed, constraint=false",
    EdgeKind.STEWARD: ", style=dotted, arrowhead=none",
}
#: Added to the attributes of an edge of flows that are no market flows.
_NON_MARKET = ', color="#7a7a7a", fontcolor="#555555", arrowhead=odot'


def dot_string(text: str) -> str:
    """``text`` as a quoted DOT string: one line, ``\\`` and ``"`` escaped, ``&`` as ``&amp;``."""
    escaped = one_line(text).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return f'"{escaped}"'


def _lines(lines: tuple[str, ...]) -> str:
    """Several lines as one quoted label, joined by DOT's centred line break ``\\n``."""
    return '"' + "\\n".join(dot_string(line)[1:-1] for line in lines) + '"'


def _node(node: Node) -> str:
    attributes = [f"label={_lines(node.lines)}"]
    if node.group in _NODE_ATTRIBUTES:
        attributes.append(_NODE_ATTRIBUTES[node.group])
    elif node.external:
        attributes.append('style="rounded,filled,dashed"')
    return f"{node.key} [{', '.join(attributes)}];"


def export_dot(canvas: Canvas, options: ExportOptions) -> str:
    """The DOT digraph of the value network, labels in ``options``' language."""
    language = options.language_for(canvas)
    about = colophon(canvas, language)
    network = value_network(canvas, language)
    lines = [f"// {one_line(line)}" for line in about.lines()]
    lines += [
        "digraph value_network {",
        f"  graph [rankdir=LR, newrank=true, fontname={dot_string(_FONT)}, labelloc=t, "
        f"label={_lines(about.lines())}];",
        f'  node [shape=box, style="rounded,filled", fillcolor=white, fontname="{_FONT}"];',
        f'  edge [fontname="{_FONT}", fontsize=10];',
    ]
    for group, heading, nodes in network.groups:
        fill, border = _CLUSTER_COLOURS[group]
        lines.append(f"  subgraph cluster_{group.value} {{")
        lines.append(
            f'    graph [label={dot_string(heading)}, style="rounded,filled", '
            f'fillcolor="{fill}", color="{border}"];'
        )
        lines += [f"    {_node(node)}" for node in nodes]
        lines.append("  }")
    unranked: set[tuple[str, str]] = set()  # counter-flows drawn with constraint=false
    for edge in network.edges:
        style = _EDGE_ATTRIBUTES[edge.kind]
        if edge.kind is EdgeKind.COUNTER:
            if (edge.head, edge.tail) in unranked:
                # Graphviz ("triangulation failed") cannot route a second unranked labelled
                # edge running the other way between the same two nodes.
                style = ", style=dashed, weight=0"
            else:
                unranked.add((edge.tail, edge.head))
        if not edge.is_market:
            style += _NON_MARKET
        lines.append(f"  {edge.tail} -> {edge.head} [label={_lines(edge.lines)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


DOT_EXPORTER = Exporter(
    name="dot",
    title=N_("Value network as a Graphviz DOT graph"),
    media_type="text/vnd.graphviz",
    extension=".dot",
    export=export_dot,
    description=(
        "The value network for Graphviz: parties grouped by role in clusters, value flows "
        "from supply to demand labelled with the value, flows over the commonality passing "
        "through it. Render with 'dot -Tsvg'. Labels follow --lang; no settings."
    ),
    settings=(),
    messages=_,
)
