"""``cmc workshop report``: the end-of-day presentation.

The canvas and its score card come from cmc's own exporters (:func:`cmc_core.export`, as
``cmc export`` makes them): ``html`` built in, ``pptx`` from the cmc-pptx plugin. The workshop
adds what the group did: the decisions, with who decided, when and which participants had given
that answer, and the open points (the questions still divided).

- ``--to html``: one page, the poster with a section "Workshop decisions" added at the end of
  its main part (every text escaped; the page stays self-contained).
- ``--to pptx``: the deck as the exporter makes it, and next to it a Markdown page with the
  decisions and open points (``deck.pptx`` -> ``deck-decisions.md``): a deck is the exporter's
  own, and the page can be pasted into the minutes.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from cmc_core.errors import CmcError
from cmc_core.fileformat.atomic import write_atomic
from cmc_core.translation import Messages

from cmc_workshop.agenda_report import Report, markdown_report
from cmc_workshop.agreement import shown_value
from cmc_workshop.merge import workshop_report
from cmc_workshop.records import WorkshopError

if TYPE_CHECKING:
    from cmc_core.plugins import Plugins
    from cmc_core.vocabulary import Language

    from cmc_workshop.folder import Workshop

__all__ = ["FORMATS", "decisions_markdown", "decisions_section", "write_report"]

_ = Messages("cmc_workshop", "cmc_workshop")

#: What ``--to`` takes.
FORMATS = ("html", "pptx")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _decision_rows(report: Report) -> list[tuple[str, str, str]]:
    """Per decided question: its text, the value as shown, and who decided and agreed."""
    rows = []
    latest = {decision.question: decision for decision in report.decisions}
    for question_id, decision in latest.items():
        question = report.question(question_id)
        text = _question_text(report, question_id)
        value = shown_value(question, decision.value)
        agreed = ", ".join(decision.agreed) if decision.agreed else _("nobody's own answer")
        said = _("by {by} at {at}; agreed: {names}", by=decision.by, at=decision.at, names=agreed)
        rows.append((text, value, said))
    return rows


def _question_text(report: Report, question_id: str) -> str:
    for item in report.items:
        if item.question == question_id:
            return item.text
    return question_id


def _open_rows(report: Report) -> list[tuple[str, str]]:
    rows = []
    for item in report.items:
        if item.status == "divided":
            held = " / ".join(f"{p.shown} ({', '.join(p.participants)})" for p in item.positions)
            rows.append((item.text, held))
    return rows


def decisions_section(report: Report) -> str:
    """The decisions and the open points as an HTML section, every text escaped."""
    lines = ['<section class="workshop-decisions" id="workshop-decisions">']
    heading = _("Workshop decisions: {title}", title=report.title)
    lines.append(f"<h2>{_e(heading)}</h2>")
    rows = _decision_rows(report)
    if rows:
        lines.append("<ol>")
        lines += [
            f"<li><strong>{_e(text)}</strong>: {_e(value)} <span>({_e(said)})</span></li>"
            for text, value, said in rows
        ]
        lines.append("</ol>")
    else:
        nothing = _("No decisions yet.")
        lines.append(f"<p>{_e(nothing)}</p>")
    open_points = _("Open points")
    lines.append(f"<h2>{_e(open_points)}</h2>")
    points = _open_rows(report)
    if points:
        lines.append("<ul>")
        lines += [f"<li><strong>{_e(text)}</strong>: {_e(held)}</li>" for text, held in points]
        lines.append("</ul>")
    else:
        none = _("No open points: the group agrees on every answered question.")
        lines.append(f"<p>{_e(none)}</p>")
    lines.append("</section>")
    return "\n".join(lines)


def decisions_markdown(report: Report) -> str:
    """The decisions, then the whole agenda, as Markdown."""
    from cmc_exporters._markdown_text import markdown_text

    heading = _("Workshop decisions: {title}", title=report.title)
    lines = [f"# {markdown_text(heading)}", ""]
    rows = _decision_rows(report)
    lines += [
        f"{number}. **{markdown_text(text)}**: {markdown_text(value)} ({markdown_text(said)})"
        for number, (text, value, said) in enumerate(rows, start=1)
    ] or [str(markdown_text(_("No decisions yet.")))]
    return "\n".join([*lines, "", markdown_report(report)])


def _with_section(poster: str, section: str) -> str:
    """The poster page with the section at the end of its main part (else of its body)."""
    for closing in ("</main>", "</body>"):
        at = poster.rfind(closing)
        if at >= 0:
            return f"{poster[:at]}{section}\n{poster[at:]}"
    return poster + section


def write_report(
    workshop: Workshop, to: str, output: Path, *, language: Language | None, plugins: Plugins
) -> list[Path]:
    """Make the presentation and write it; returns the files written.

    :raises WorkshopError: the exporter is not installed (pptx without cmc-pptx) or failed.
    """
    from cmc_core.export_api import export

    if to not in {exporter.name for exporter in plugins.exporters}:
        raise WorkshopError(
            _(
                "There is no {format} exporter: install the cmc-pptx plugin (pip install "
                "cmc-pptx) for PowerPoint.",
                format=to,
            )
        )
    canvas = workshop.canvas()
    report = workshop_report(workshop)
    try:
        made = export(canvas, to, language=language, plugins=plugins)
    except CmcError as error:
        raise WorkshopError(str(error)) from None
    if isinstance(made, str):
        page = _with_section(made, decisions_section(report))
        write_atomic(output, page.encode("utf-8"))
        return [output]
    write_atomic(output, made)
    minutes = output.with_name(f"{output.stem}-decisions.md")
    write_atomic(minutes, decisions_markdown(report).encode("utf-8"))
    return [output, minutes]
