"""``cmc workshop merge``: the agreement analysis without a server.

:func:`workshop_report` gathers what the facilitator page shows (the same
:func:`~cmc_workshop.agreement.agenda` of the same folder), and :func:`merged_canvas` makes a
canvas from the workshop's one with every unanimous answer applied (as ``cmc ask`` applies
answers; those the canvas refuses become open points, with the reason) and the open points
listed in the notes of their blocks, after whatever the notes said already. A question that
belongs to no block (the canvas details, a plugin's questionnaire) is an open point in the
report only. The workshop's own canvas is never changed by a merge: decisions do that.

A "unanimous" answer is applied only when at least two participants gave it: one answer is
no agreement, and it would overwrite what the canvas held. A question only one participant
answered is an open point instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cmc_core.blueprint import BlockKey
from cmc_core.model import BlockNote
from cmc_core.translation import Messages, using_language

from cmc_workshop.agenda_report import Report
from cmc_workshop.agreement import AgendaItem, agenda
from cmc_workshop.answering import load_document
from cmc_workshop.decisions import applied
from cmc_workshop.records import WorkshopError

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.fileformat import CanvasDocument
    from cmc_core.questionnaires import Questionnaire

    from cmc_workshop.folder import Workshop

__all__ = ["OpenPoint", "merged_canvas", "workshop_report"]

_ = Messages("cmc_workshop", "cmc_workshop")

OpenPoint = tuple[AgendaItem, str]  # the item, and why a unanimous answer was not applied


def workshop_report(workshop: Workshop) -> Report:
    """The agenda of the workshop as it is on disk now, with what a report shows of it."""
    questionnaires = workshop.questionnaires()
    answers = workshop.answers()
    decisions = workshop.decisions()
    return Report(
        workshop.title,
        tuple(answers),
        agenda(questionnaires, answers, decisions),
        questionnaires,
        decisions,
    )


def _block(questionnaire: Questionnaire, question_id: str) -> BlockKey | None:
    """The block a question fills: its own ``block``, else its questionnaire's."""
    question = next(q for q in questionnaire.questions if q.id == question_id)
    names = [question.block or "", questionnaire.name.removeprefix("block-")]
    for name in names:
        try:
            return BlockKey(name.replace("-", "_"))
        except ValueError:
            continue
    return None


def _agreed(item: AgendaItem) -> bool:
    """A unanimous answer at least two participants gave: merge applies it."""
    return item.status == "unanimous" and len(item.positions[0].participants) >= 2


def _single(item: AgendaItem) -> bool:
    """A question only one participant answered: no agreement, an open point."""
    return item.status == "unanimous" and len(item.positions[0].participants) < 2


def _point_line(item: AgendaItem, reason: str) -> str:
    if _single(item) and not reason:
        return _(
            "{question}: {answer} (only {name} answered), not written: one answer is no agreement",
            question=item.text,
            answer=item.positions[0].shown,
            name=", ".join(item.positions[0].participants),
        )
    if reason:
        return _(
            "{question}: {answer} (everyone), not written: {reason}",
            question=item.text,
            answer=item.positions[0].shown,
            reason=reason,
        )
    held = " / ".join(
        f"{position.shown} ({', '.join(position.participants)})" for position in item.positions
    )
    return _("{question}: {positions}", question=item.text, positions=held)


def _with_notes(canvas: Canvas, lines: dict[BlockKey, list[str]], title: str) -> Canvas:
    notes = {note.key: note.text for note in canvas.notes}
    for key, found in lines.items():
        heading = _("Open points of the workshop {title}:", title=title)
        added = "\n".join([heading, *(f"- {line}" for line in found)])
        before = notes.get(key, "").rstrip()
        notes[key] = f"{before}\n\n{added}" if before else added
    return canvas.evolve(notes=tuple(BlockNote(key, text) for key, text in notes.items()))


def merged_canvas(
    workshop: Workshop, report: Report
) -> tuple[CanvasDocument, tuple[OpenPoint, ...]]:
    """The workshop's canvas with the unanimous answers applied and the open points in the
    notes of their blocks (see the module docstring), and the open points."""
    document = load_document(workshop.canvas_path)
    canvas = document.canvas
    by_name = {q.name: q for q in report.questionnaires}
    unanimous = [item for item in report.items if _agreed(item)]
    refused: dict[str, str] = {}
    for name in dict.fromkeys(item.questionnaire for item in unanimous):
        values = {i.question: i.positions[0].value for i in unanimous if i.questionnaire == name}
        result = applied(canvas, by_name[name], values, by=None)
        canvas = result.canvas
        refused.update(result.refused)
    points: list[OpenPoint] = [
        (item, refused.get(item.question, ""))
        for item in report.items
        if item.status == "divided" or item.question in refused or _single(item)
    ]
    lines: dict[BlockKey, list[str]] = {}
    with using_language(canvas.meta.language):
        for item, reason in points:
            key = _block(by_name[item.questionnaire], item.question)
            if key is not None:
                lines.setdefault(key, []).append(_point_line(item, reason))
        if lines:
            canvas = _with_notes(canvas, lines, workshop.title)
    return document.with_canvas(canvas), tuple(points)


def write_canvas(workshop: Workshop, document: CanvasDocument, output: Path) -> None:
    """Write the merged canvas to ``output`` (atomically; a YAML file keeps the comments).

    :raises WorkshopError: ``output`` is the workshop's own canvas, or has no canvas suffix.
    """
    from cmc_core.errors import CmcError
    from cmc_core.fileformat import save

    if output.exists() and output.resolve() == workshop.canvas_path.resolve():
        raise WorkshopError(
            _(
                "{path} is the workshop's own canvas; merge writes another file (decisions "
                "change the workshop's canvas).",
                path=output,
            )
        )
    try:
        save(document, output)
    except CmcError as error:
        raise WorkshopError(str(error)) from None


def open_points_lines(points: Sequence[OpenPoint]) -> list[str]:
    """The open points as lines of text, for a report."""
    return [_point_line(item, reason) for item, reason in points]
