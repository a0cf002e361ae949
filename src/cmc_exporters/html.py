"""The ``html`` exporter: the canvas as one self-contained page, the workshop poster.

The page shows the four zones and eighteen blocks laid out like the canvas (a CSS grid:
direction, market and organising side by side, change below; one column on a phone), the
parties by role (with the organisations a group stands for and the owners), the value flows
(with their kind and volume), the score card with a radar chart, the validation summary, the
canvas's sources with what each stands behind, and, when the export brings them
(:attr:`~cmc_core.exporting.ExportOptions.extras`), the questions and answers (``"answers"``)
and the changes since an earlier version (``"previous"``): changed blocks are outlined, added
and changed lines and flows tinted, removed ones struck through, and a table lists every
change. The heading's colophon gives the moment the canvas describes (``meta.as_of``).

Self-contained: the CSS is inline, the radar chart is inline SVG whose geometry is computed in
Python (:mod:`cmc_exporters._radar`), there is no JavaScript, no font, image or style sheet to
fetch; a Content-Security-Policy (``default-src 'none'``) makes the browser refuse any request
or script even so. All text is escaped: by Jinja2's autoescaping in the template, and, for the
large tables of parties and flows, by :func:`_cell` (the same ``markupsafe.escape`` of XML-safe
text) when the rows are built in Python; ids and classes in the markup are generated from block
keys, never from user text.

Settings: ``paper`` (``a3``, ``a2``, ``a1`` or ``a0``; default ``a3``) and ``orientation``
(``landscape`` or ``portrait``; default ``landscape``) choose the CSS ``@page`` size for
printing; the print font grows with the paper.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.translation import N_, Messages

if TYPE_CHECKING:
    from markupsafe import Markup

    from cmc_exporters._document import FlowRow, PartyRow

__all__ = ["HTML_EXPORTER", "export_html"]

_ = Messages("cmc_exporters", "exporters")


#: What escaping or cleaning would change: HTML's special characters and what XML forbids.
_NEEDS_ESCAPING = re.compile(
    r"[<>&'\"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)


@functools.lru_cache(maxsize=8192)
def _cell(text: str) -> str:
    """``text`` as HTML: XML-safe and escaped as ``markupsafe.escape`` does; most names need
    neither, and are returned as they are."""
    if not _NEEDS_ESCAPING.search(text):
        return text
    from markupsafe import escape

    from cmc_exporters._templates import xml_clean

    return str(escape(xml_clean(text)))


@functools.lru_cache(maxsize=8)
def _row_start(state: str | None) -> str:
    return f'<tr class="state-{state}">' if state else "<tr>"


def flow_rows(rows: Sequence[FlowRow]) -> Markup:
    """The rows of the table of flows, built here rather than in the template.

    A large canvas has tens of thousands of flows, and a template spends most of an export on
    them. The cells come escaped (:func:`build_document` with :func:`_cell`, which is
    ``markupsafe.escape`` of XML-safe text, cached for the repeated names); one f-string per
    row is all that is left. Everything else is in the template.
    """
    from markupsafe import Markup

    return Markup(
        "\n".join(
            f'{_row_start(state)}<td class="number">{number}</td>'
            f"<td>{value}</td><td>{source}</td><td>{target}</td>"
            f"<td>{back}</td><td>{kind}</td><td>{volume}</td><td>{via}</td><td>{step}</td>"
            f'<td>{counter}</td><td class="text">{friction}</td></tr>'
            for (
                number,
                value,
                source,
                target,
                back,
                via,
                step,
                counter,
                friction,
                kind,
                volume,
                state,
            ) in rows
        )
    )


def party_rows(rows: Sequence[PartyRow]) -> Markup:
    """The rows of a table of parties, from cells escaped by :func:`build_document`."""
    from markupsafe import Markup

    return Markup(
        "\n".join(
            f"<tr><td>{row.name}</td><td>{row.id}</td><td>{row.organisation}</td>"
            f'<td class="text">{row.specialisation}</td><td class="text">{row.interest}</td>'
            f"<td>{row.flags}</td><td>{row.owners}</td>"
            f'<td class="text">{row.notes}</td></tr>'
            for row in rows
        )
    )


def export_html(canvas: Canvas, options: ExportOptions) -> str:
    """The HTML poster page of ``canvas`` in the export's language.

    :raises cmc_core.exporting.ExportSettingError: for an unknown ``paper`` or
        ``orientation`` setting.
    """
    from cmc_exporters._document import build_document
    from cmc_exporters._paper import paper_from
    from cmc_exporters._radar import radar_chart
    from cmc_exporters._sheet import sheet_for
    from cmc_exporters._templates import markup_environment, render
    from cmc_exporters._words import severity_heading
    from cmc_exporters.palette import css_variables

    paper = paper_from("html", options.settings)
    document = build_document(canvas, options, cell=_cell)
    rows = flow_rows(document.flows)
    return render(
        markup_environment(),
        "poster.html",
        doc=document,
        paper=paper,
        sheet=sheet_for(document, paper),
        palette=css_variables(),
        chart=radar_chart(document.dimensions),
        flow_rows=rows,
        party_rows=party_rows,
        severities=[(s.value, severity_heading(s, document.language)) for s in Severity],
    )


HTML_EXPORTER = Exporter(
    name="html",
    title=N_("Canvas poster as one self-contained HTML page"),
    media_type="text/html",
    extension=".html",
    export=export_html,
    description=(
        "The workshop poster: zones and blocks laid out like the canvas, parties by role, "
        "value flows, the score card with a radar chart, the validation summary, the sources, "
        "and the answers and changes given with 'cmc export --answers/--compare'. No scripts "
        "and no requests; prints on A3 to A0 (-O paper=a3|a2|a1|a0, -O orientation="
        "landscape|portrait). Labels follow --lang."
    ),
    settings=("paper", "orientation"),
    messages=_,
)
