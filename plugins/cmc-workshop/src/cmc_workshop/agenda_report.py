"""The dialogue agenda as a document: Markdown, or a self-contained HTML page.

Both show the same :func:`~cmc_workshop.agreement.agenda` in its order: the divided questions
with every position and who holds it, then the unanimous ones, the decided ones and the ones
nobody answered. Every text from a participant, the canvas or the workshop's title is escaped
(Markdown: :func:`cmc_exporters._markdown_text.markdown_text`, the escaping of cmc's Markdown
exporter; HTML: :func:`html.escape`), so an answer stays text whatever it holds. The HTML page
loads nothing (no script, no external style) and says so in its Content-Security-Policy; its
agenda items carry the facilitator page's attributes (``li.agenda-item`` with
``data-questionnaire``, ``data-question``, ``data-status``, ``data-agreement``).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence

import attrs
from cmc_core.questionnaires import Question, Questionnaire
from cmc_core.translation import N_, Messages, current_language
from cmc_exporters._markdown_text import markdown_text

from cmc_workshop.agreement import AgendaItem, shown_value
from cmc_workshop.records import Decision

__all__ = ["Report", "html_report", "markdown_report"]

_ = Messages("cmc_workshop", "cmc_workshop")

_HEADINGS = {
    "divided": N_("Divided: to discuss"),
    "unanimous": N_("Unanimous"),
    "decided": N_("Decided"),
    "unanswered": N_("Unanswered"),
}
_STYLE = """
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 24px; color: #1f2933;
  line-height: 1.4; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.4em; }
.muted { color: #5f6b7a; } .position .names { color: #5f6b7a; }
li.agenda-item { margin: .6em 0; } ol.positions, ul.positions { margin: .2em 0; }
"""


@attrs.frozen
class Report:
    """What a report shows: the agenda and what it needs to show decisions and questions."""

    title: str
    participants: tuple[str, ...]
    items: tuple[AgendaItem, ...]
    questionnaires: tuple[Questionnaire, ...]
    decisions: tuple[Decision, ...]

    def question(self, question_id: str) -> Question | None:
        """The question with this id, if any questionnaire asks it."""
        for questionnaire in self.questionnaires:
            for question in questionnaire.questions:
                if question.id == question_id:
                    return question
        return None

    def decision(self, question_id: str) -> Decision | None:
        """The last decision on a question."""
        found = [d for d in self.decisions if d.question == question_id]
        return found[-1] if found else None

    def grouped(self) -> Mapping[str, list[AgendaItem]]:
        """The items by status, in the agenda's order."""
        groups: dict[str, list[AgendaItem]] = {status: [] for status in _HEADINGS}
        for item in self.items:
            groups[item.status].append(item)
        return groups


def _percent(item: AgendaItem) -> str:
    return f"{round(item.agreement * 100)}%"


def _facts(item: AgendaItem) -> str:
    return _.plural(
        "agreement {percent}, {count} answer",
        "agreement {percent}, {count} answers",
        item.answered,
        percent=_percent(item),
    )


def _decided_line(report: Report, item: AgendaItem) -> tuple[str, str]:
    """The decision's value as shown, and who decided when and who agreed."""
    decision = report.decision(item.question)
    if decision is None:
        return "", ""
    value = shown_value(report.question(item.question), decision.value)
    if decision.agreed:
        said = _(
            "decided by {by} at {at}; agreed: {names}",
            by=decision.by,
            at=decision.at,
            names=", ".join(decision.agreed),
        )
    else:
        said = _(
            "decided by {by} at {at}; no participant gave this answer",
            by=decision.by,
            at=decision.at,
        )
    return value, said


# -- Markdown ------------------------------------------------------------------------------


def _md(text: str) -> str:
    return str(markdown_text(text))


def markdown_report(report: Report) -> str:
    """The agenda as Markdown."""
    heading = _("Workshop agenda: {title}", title=report.title)
    lines = [f"# {_md(heading)}", ""]
    lines += [
        _md(_.plural("{count} participant", "{count} participants", len(report.participants))),
        "",
    ]
    for status, items in report.grouped().items():
        lines += [f"## {_md(_.translate(_HEADINGS[status]))} ({len(items)})", ""]
        if not items:
            lines += [_md(_("None.")), ""]
        for number, item in enumerate(items, start=1):
            lines += _markdown_item(report, status, number, item)
        if items and status != "divided":
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _markdown_item(report: Report, status: str, number: int, item: AgendaItem) -> list[str]:
    ids = f"`{item.questionnaire}` · `{item.question}`"
    if status == "divided":
        lines = [f"### {number}. {_md(item.text)}", "", f"{ids} · {_md(_facts(item))}", ""]
        for position in item.positions:
            names = ", ".join(position.participants)
            lines.append(
                f"- **{_md(position.shown)}** ({len(position.participants)}): {_md(names)}"
            )
        return [*lines, ""]
    if status == "unanimous":
        position = item.positions[0]
        names = ", ".join(position.participants)
        return [f"- {_md(item.text)} → **{_md(position.shown)}** ({_md(names)}) · {ids}"]
    if status == "decided":
        value, said = _decided_line(report, item)
        return [f"- {_md(item.text)} → **{_md(value)}**; {_md(said)} · {ids}"]
    return [f"- {_md(item.text)} · {ids}"]


# -- HTML ----------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_positions(item: AgendaItem) -> list[str]:
    lines = ['<ul class="positions">']
    for position in item.positions:
        value = json.dumps(position.value, ensure_ascii=False, sort_keys=True)
        names = ", ".join(position.participants)
        lines.append(
            f'<li class="position" data-value="{_e(value)}"><strong>{_e(position.shown)}</strong>'
            f' ({len(position.participants)}) <span class="names">{_e(names)}</span></li>'
        )
    lines.append("</ul>")
    return lines


def _html_item(report: Report, item: AgendaItem) -> list[str]:
    attributes = (
        f'class="agenda-item" data-questionnaire="{_e(item.questionnaire)}" '
        f'data-question="{_e(item.question)}" data-status="{_e(item.status)}" '
        f'data-agreement="{item.agreement:.4f}"'
    )
    lines = [f"<li {attributes}>", f"<p><strong>{_e(item.text)}</strong></p>"]
    lines.append(
        f'<p class="muted"><code>{_e(item.questionnaire)}</code> · '
        f"<code>{_e(item.question)}</code> · {_e(_facts(item))}</p>"
    )
    if item.status == "decided":
        value, said = _decided_line(report, item)
        lines.append(f'<p class="decision"><strong>{_e(value)}</strong>; {_e(said)}</p>')
    if item.positions:
        lines += _html_positions(item)
    lines.append("</li>")
    return lines


def html_sections(report: Report, items: Iterable[AgendaItem] | None = None) -> list[str]:
    """The agenda's sections as HTML lines (no page around them)."""
    chosen = list(report.items if items is None else items)
    lines = []
    groups = {status: [i for i in chosen if i.status == status] for status in _HEADINGS}
    for status, found in groups.items():
        lines.append(f'<section class="agenda-{status}">')
        lines.append(f"<h2>{_e(_.translate(_HEADINGS[status]))} ({len(found)})</h2>")
        if found:
            lines.append('<ol class="agenda">')
            for item in found:
                lines += _html_item(report, item)
            lines.append("</ol>")
        else:
            none = _("None.")
            lines.append(f"<p>{_e(none)}</p>")
        lines.append("</section>")
    return lines


def html_page(title: str, body: Sequence[str]) -> str:
    """A self-contained HTML page in the current language."""
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(current_language().value)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def html_report(report: Report) -> str:
    """The agenda as a self-contained HTML page; its items in the agenda's order."""
    title = _("Workshop agenda: {title}", title=report.title)
    count = _.plural("{count} participant", "{count} participants", len(report.participants))
    body = [f"<h1>{_e(title)}</h1>", f'<p class="muted">{_e(count)}</p>', '<div id="agenda">']
    body += html_sections(report)
    body.append("</div>")
    return html_page(title, body)
