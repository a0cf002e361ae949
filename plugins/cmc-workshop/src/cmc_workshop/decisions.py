"""Decisions: an agreed answer written into the canvas, and a record of who agreed.

:func:`decide` checks the value as ``cmc ask`` checks an answer, on the canvas as it is on disk
(a flow must name a party the canvas knows), applies it with cmc's questionnaire engine
(:meth:`~cmc_core.questionnaires.Session.to_canvas`) and writes the canvas back through the file
format's comment-keeping path, atomically. A question asked only on a condition (``qs-suppliers``
after "are there suppliers?") is applied as if its condition held: the group agreed on it.
A quickscan answer is also remembered in the canvas's ``quickscan`` record, as
``cmc quickscan`` does, next to what it remembered before.

``decisions.yaml`` is a plain YAML list, oldest first::

    - {questionnaire: block-boundary, question: boundary-goal, value: Fewer empty trips,
       by: Facilitator, at: '2026-11-27T15:02:11+00:00', agreed: [Alice, Bob]}
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from cmc_core.errors import CmcError
from cmc_core.questionnaires import (
    QUICKSCAN,
    AnswerError,
    AnswerSet,
    Questionnaire,
    Session,
)
from cmc_core.translation import Messages

from cmc_workshop.agreement import comparable
from cmc_workshop.records import AnswersProblems, Decision, WorkshopError, WorkshopIOError
from cmc_workshop.safety import invisible_problems
from cmc_workshop.storage import DECISIONS_FILE, cannot_read, lock_for, now, write_file

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas

    from cmc_workshop.folder import Workshop

__all__ = ["Applied", "applied", "decide", "read"]

_ = Messages("cmc_workshop", "cmc_workshop")
_KEYS = ("questionnaire", "question", "value", "by", "at", "agreed")


def read(folder: Path) -> tuple[Decision, ...]:
    """The decisions in ``folder``'s ``decisions.yaml`` (none when there is no file).

    :raises WorkshopError: the file is not a list of decisions.
    :raises WorkshopIOError: it cannot be read (a directory, no permission).
    """
    from cmc_core.fileformat.yaml_io import read_yaml_data

    path = folder / DECISIONS_FILE
    if not path.exists():
        return ()
    try:
        content = path.read_bytes()
    except OSError as error:
        raise WorkshopIOError(cannot_read(path, error)) from None
    try:
        root, _locate = read_yaml_data(content, str(path))
    except CmcError as error:
        raise WorkshopError(str(error)) from None
    if root is None:
        return ()
    if not isinstance(root, list):
        raise WorkshopError(_("{path}: expected a list of decisions.", path=path))
    return tuple(_decision(path, index, entry) for index, entry in enumerate(root, start=1))


def _decision(path: Path, index: int, entry: Any) -> Decision:
    texts = ("questionnaire", "question", "by", "at")
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in texts):
        raise WorkshopError(
            _(
                "{path}: decision {index}: expected questionnaire, question, value, by and at.",
                path=path,
                index=index,
            )
        )
    agreed = entry.get("agreed") or []
    names = tuple(str(name) for name in agreed) if isinstance(agreed, list) else ()
    return Decision(
        entry["questionnaire"],
        entry["question"],
        entry.get("value"),
        entry["by"],
        entry["at"],
        names,
    )


@attrs.frozen
class Applied:
    """Answers applied to a canvas: the new canvas, the answers taken (as checked: ``"ja"``
    became ``True``) and the reason for each one refused (left out)."""

    canvas: Canvas
    taken: dict[str, object]
    refused: dict[str, str]


def applied(
    canvas: Canvas, questionnaire: Questionnaire, values: dict[str, object], *, by: str | None
) -> Applied:
    """``canvas`` with the answers ``values`` (question id -> value) of ``questionnaire``
    applied as ``cmc ask`` applies them, conditions set aside."""
    questions = tuple(attrs.evolve(q, condition=None) for q in questionnaire.questions)
    session = Session([attrs.evolve(questionnaire, questions=questions)], canvas)
    refused: dict[str, str] = {}
    for question in session.questions():
        if question.id in values:
            try:
                session.answer(question.id, values[question.id], by=by)
            except AnswerError as error:
                refused[question.id] = error.reason
    result = session.to_canvas()
    if questionnaire.name == QUICKSCAN and len(session.answers):
        result = _remembered(result, session.answers)
    taken = {answer.question: answer.value for answer in session.answers}
    return Applied(result, taken, refused)


def _remembered(canvas: Canvas, answers: AnswerSet) -> Canvas:
    """The canvas remembering the quickscan answers, on top of what it remembered."""
    from cmc_core.questionnaires.quickscan import recalled_answers, with_quickscan

    before = recalled_answers(canvas) or AnswerSet()
    for answer in answers:
        before = before.with_answer(answer)
    return with_quickscan(canvas, before)


def decide(
    workshop: Workshop, questionnaire: Questionnaire, question: str, value: object, *, by: str
) -> Decision:
    """Write the agreed ``value`` into the workshop's canvas and record the decision (see the
    module docstring).

    All or nothing: ``decisions.yaml`` is read before the canvas is written, and when the
    decision cannot be recorded the canvas file gets its previous bytes back (atomically).

    :raises AnswersProblems: the value does not fit the question or the canvas, is empty
        (``None``, blank text, an empty list: a decision never wipes a field), or holds
        control characters or direction marks.
    :raises WorkshopError: the questionnaire has no such question, or no ``by`` is given.
    :raises WorkshopIOError: the canvas or ``decisions.yaml`` cannot be read or written;
        neither is changed then.
    """
    from cmc_core.fileformat import save
    from cmc_core.fileformat.yaml_io import write_yaml_data

    from cmc_workshop.answering import load_document

    if question not in {q.id for q in questionnaire.questions}:
        raise WorkshopError(
            _(
                "{questionnaire} has no question {question!r}.",
                questionnaire=questionnaire.name,
                question=question,
            )
        )
    if not by.strip():
        raise WorkshopError(_("Say who decides."))
    if _empty(value):
        value = None  # refused by cmc's checking as "the answer is empty"
    refused = invisible_problems(questionnaire.questions, {question: value})
    if refused:
        raise AnswersProblems(refused.items())
    with lock_for(workshop.canvas_path):
        document = load_document(workshop.canvas_path)
        result = applied(document.canvas, questionnaire, {question: value}, by=by)
        if result.refused:
            raise AnswersProblems(result.refused.items())
        checked = result.taken[question]
        agreed = tuple(
            name
            for name, answers in sorted(workshop.answers().items())
            if question in answers and comparable(answers[question]) == comparable(checked)
        )
        decision = Decision(questionnaire.name, question, checked, by.strip(), now(), agreed)
        earlier = [attrs.asdict(d, recurse=False) for d in read(workshop.path)]
        entry = attrs.asdict(decision, recurse=False)
        entries = [{**e, "agreed": list(e["agreed"])} for e in (*earlier, entry)]
        text = write_yaml_data(entries)
        try:
            before = workshop.canvas_path.read_bytes()
        except OSError as error:
            raise WorkshopIOError(cannot_read(workshop.canvas_path, error)) from None
        try:
            save(document.with_canvas(result.canvas), workshop.canvas_path)
        except CmcError as error:  # cmc's CanvasSaveError: the file was left as it was
            raise WorkshopIOError(str(error)) from None
        try:
            write_file(workshop.path / DECISIONS_FILE, text.encode("utf-8"))
        except WorkshopIOError:
            write_file(workshop.canvas_path, before)  # no decision recorded: none taken
            raise
    return decision


def _empty(value: object) -> bool:
    """``None``, blank text, or a list of nothing but blank texts."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple):
        return all(isinstance(item, str) and not item.strip() for item in value)
    return False
