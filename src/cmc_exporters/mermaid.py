"""The ``mermaid`` exporter: the value network as a Mermaid flowchart.

The diagram (built by :mod:`cmc_exporters._network`) runs left to right: suppliers, parties
that both supply and demand, the commonalities, demanders; other stakeholders and unknown
references in groups of their own. Value flows are solid arrows labelled with the value (and
what is given in return), counter-flows dotted arrows, a steward a dotted line to its
commonality. Flows that are no trade in the market (a fee, a regulatory report, a mandate, a
delegation, information) end in a circle instead of an arrowhead (``--o``, dotted ``-.-o`` for
a counter-flow), and their labels name their kind; a label gives a flow's volume in its unit
per period too. A party standing for a group says how many organisations under its name. The
front matter gives the canvas name as the diagram title; ``%%`` comments carry the colophon
(versions, language, date, the moment described, attribution).

Escaping: node and group ids are generated (``p1``, ``suppliers``). Every label is quoted, and
each character that means something to Mermaid or to the HTML it renders into
(``" # ; : % & < > [ ] ( ) { } | ` \\ $``) and every invisible formatting character is written
as a Mermaid entity code (``#35;``), which Mermaid shows as the character itself. The colon is
among them because Mermaid rewrites any line holding ``style`` or ``classDef`` followed by
``:`` and ``#`` before it parses (it drops the line's last ``;``, breaking an entity code).
Line breaks and control characters become spaces. The title is a JSON string with
``< > & % #`` escaped as ``\\u`` sequences, and comments cannot hold ``%``, so no text can
start a directive.

Media type: ``text/vnd.mermaid``, which the Mermaid project recommends. IANA registered
``application/vnd.mermaid`` in 2023, but an ``application/`` type would make the output count
as binary for ``cmc export`` (no writing to a terminal); the extension ``.mmd`` is the same
for both. Reads no settings.
"""

from __future__ import annotations

import json
import unicodedata

from cmc_core.canvas import Canvas
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.translation import N_, Messages
from cmc_exporters._colophon import colophon
from cmc_exporters._network import EdgeKind, Group, Node, one_line, value_network

__all__ = ["MERMAID_EXPORTER", "export_mermaid", "mermaid_text"]

_ = Messages("cmc_exporters", "exporters")

#: Characters written as entity codes in labels: Mermaid syntax, HTML, KaTeX (``$``), and
#: ``:`` (see the module docstring).
_ESCAPED = frozenset('"#;:%&<>[](){}|`\\$')
#: Characters escaped in the JSON title as well as what JSON escapes itself.
_TITLE_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "%": "\\u0025", "#": "\\u0023"}

_ARROWS = {EdgeKind.FLOW: "-->", EdgeKind.COUNTER: "-.->", EdgeKind.STEWARD: "-.-"}
#: The arrows of flows that are no market flows: a circle where the arrowhead would be.
_NON_MARKET_ARROWS = {EdgeKind.FLOW: "--o", EdgeKind.COUNTER: "-.-o"}
_SHAPES = {Group.COMMONALITY: ('{{"', '"}}')}
_CLASS_STYLES = {
    Group.SUPPLIERS: "fill:#e3eefa,stroke:#3b6ea8",
    Group.TRADERS: "fill:#efe6f7,stroke:#7a4fa0",
    Group.COMMONALITY: "fill:#fff1d6,stroke:#c98a00,stroke-width:2px",
    Group.DEMANDERS: "fill:#e2f4e6,stroke:#3d8a50",
    Group.STAKEHOLDERS: "fill:#eeeeee,stroke:#777777",
    Group.UNKNOWN: "fill:#fde8e8,stroke:#c0392b,stroke-dasharray:4 3",
}
_EXTERNAL_STYLE = "stroke-dasharray:5 5"


def mermaid_text(text: str) -> str:
    """``text`` for inside a quoted Mermaid label: one line, every special character and
    invisible formatting character as a Mermaid entity code (``#35;``)."""
    return "".join(
        f"#{ord(char)};" if char in _ESCAPED or unicodedata.category(char) == "Cf" else char
        for char in one_line(text)
    )


def _label(lines: tuple[str, ...]) -> str:
    return '"' + "<br>".join(mermaid_text(line) for line in lines) + '"'


def _title(text: str) -> str:
    quoted = json.dumps(one_line(text), ensure_ascii=True)
    return "".join(_TITLE_ESCAPES.get(char, char) for char in quoted)


def _comment(text: str) -> str:
    return "%% " + one_line(text).replace("%", "#37;")


def _node(node: Node) -> str:
    opening, closing = _SHAPES.get(node.group, ('["', '"]'))
    return f"{node.key}{opening}{_label(node.lines)[1:-1]}{closing}"


def export_mermaid(canvas: Canvas, options: ExportOptions) -> str:
    """The Mermaid flowchart of the value network, labels in ``options``' language."""
    language = options.language_for(canvas)
    about = colophon(canvas, language)
    network = value_network(canvas, language)
    lines = ["---", f"title: {_title(about.title)}", "---"]
    lines += [_comment(line) for line in about.lines()]
    lines.append("flowchart LR")
    for group, heading, nodes in network.groups:
        lines.append(f'  subgraph {group.value}["{mermaid_text(heading)}"]')
        lines.append("    direction TB")
        lines += [f"    {_node(node)}" for node in nodes]
        lines.append("  end")
    for edge in network.edges:
        arrow = _ARROWS[edge.kind] if edge.is_market else _NON_MARKET_ARROWS[edge.kind]
        lines.append(f"  {edge.tail} {arrow}|{_label(edge.lines)}| {edge.head}")
    for group, _heading, nodes in network.groups:
        lines.append(f"  classDef {group.value}Style {_CLASS_STYLES[group]}")
        lines.append(f"  class {','.join(node.key for node in nodes)} {group.value}Style")
    external = [node.key for node in network.nodes() if node.external]
    if external:
        lines.append(f"  classDef externalStyle {_EXTERNAL_STYLE}")
        lines.append(f"  class {','.join(external)} externalStyle")
    return "\n".join(lines) + "\n"


MERMAID_EXPORTER = Exporter(
    name="mermaid",
    title=N_("Value network as a Mermaid flowchart"),
    media_type="text/vnd.mermaid",
    extension=".mmd",
    export=export_mermaid,
    description=(
        "The value network: parties grouped by role, value flows from supply to demand "
        "labelled with the value, flows over the commonality passing through it. Renders "
        "on GitHub, GitLab and in most Markdown editors. Labels follow --lang; no settings."
    ),
    settings=(),
    messages=_,
)
