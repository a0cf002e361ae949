"""The ``markdown`` exporter: the canvas as a GitHub-flavoured Markdown page for a wiki.

The page gives the colophon (name, canvas and schema versions, language, date, the moment it
describes), the canvas zone by zone and block by block (the guiding questions where a block is
still empty), the parties by role and the value flows as tables (with the organisations a
party stands for, owners, a flow's kind and volume, and ``(inferred)`` or ``(unverified)``
where a fact is not sourced), the validation summary by severity and the score card
(dimension, score, band, the top three reasons), and the canvas's sources with what each
stands behind; with ``ExportOptions.extras["answers"]`` the questions and answers too. It
ends with the attribution line of the CMC method. Labels and headings follow ``--lang``; rule
messages and score reasons are the library's, in English.

Escaping: every value reaches the page through
:func:`~cmc_exporters._markdown_text.markdown_text`, which keeps it on one line and
backslash-escapes whatever could start Markdown or HTML (see that module). User ids appear as
text only, never in link targets or code spans (which cannot hold escapes).

Reads no settings.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.translation import N_, Messages

if TYPE_CHECKING:
    from cmc_exporters._document import FlowRow, PartyRow
    from cmc_exporters._markdown_text import MarkdownText

__all__ = ["MARKDOWN_EXPORTER", "export_markdown", "flow_rows", "party_rows"]

_ = Messages("cmc_exporters", "exporters")


@functools.lru_cache(maxsize=8192)
def _cell(text: str) -> str:
    """A table cell as Markdown, as a plain ``str``: an f-string copies a ``str`` subclass such
    as :class:`~cmc_exporters._markdown_text.MarkdownText` on every use, a ``str`` it does not."""
    from cmc_exporters._markdown_text import markdown_text

    return str(markdown_text(text))


def flow_rows(rows: Sequence[FlowRow]) -> MarkdownText:
    """The rows of the table of flows, built here rather than in the template.

    A large canvas has tens of thousands of flows, and a template spends most of an export on
    them. The cells come escaped (:func:`build_document` with
    :func:`~cmc_exporters._markdown_text.markdown_text`, cached for the repeated names); one
    f-string per row is all that is left.
    """
    from cmc_exporters._markdown_text import MarkdownText

    return MarkdownText(
        "\n".join(
            f"| {number} | {value} | {source} | {target} | {back} | {kind} | {volume} | "
            f"{via} | {step} | {counter} | {friction} |"
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
                _unused,
            ) in rows
        )
    )


def party_rows(rows: Sequence[PartyRow]) -> MarkdownText:
    """The rows of a table of parties, from cells escaped by :func:`build_document`."""
    from cmc_exporters._markdown_text import MarkdownText

    return MarkdownText(
        "\n".join(
            f"| {row.name} | {row.id} | {row.organisation} | {row.specialisation} | "
            f"{row.interest} | {row.flags} | {row.owners} | {row.notes} |"
            for row in rows
        )
    )


def export_markdown(canvas: Canvas, options: ExportOptions) -> str:
    """The Markdown page of ``canvas`` in the export's language."""
    from cmc_exporters._document import build_document
    from cmc_exporters._templates import markdown_environment, render
    from cmc_exporters._words import severity_heading

    document = build_document(canvas, options, cell=_cell)
    rows = flow_rows(document.flows)
    severities = [(s.value, severity_heading(s, document.language)) for s in Severity]
    return render(
        markdown_environment(),
        "canvas.md",
        doc=document,
        severities=severities,
        flow_rows=rows,
        party_rows=party_rows,
    )


MARKDOWN_EXPORTER = Exporter(
    name="markdown",
    title=N_("Canvas report in Markdown for wikis"),
    media_type="text/markdown",
    extension=".md",
    export=export_markdown,
    description=(
        "The canvas block by block, the parties by role, the value flows as a table, the "
        "validation summary, the score card and the sources, as GitHub-flavoured Markdown "
        "for a wiki. "
        "Shows the answers given with 'cmc export --answers'. Labels follow --lang; no settings."
    ),
    settings=(),
    messages=_,
)
