"""Answers checked and saved as ``cmc ask`` checks and saves them, one participant at a time.

The checking is cmc's own: a :class:`~cmc_core.questionnaires.Session` over every questionnaire
the workshop offers, starting from the workshop's canvas, takes the participant's answers in
question order (so the parties they named come before the flows that name them). An answer
given now that does not fit is a problem with its question's id; an answer given earlier that
no longer fits (the canvas changed since) is kept in the file as it was, and does not block the
new ones. The file is the answers file ``cmc ask`` keeps: its marker line, its format
(:func:`~cmc_core.questionnaires.dumps_answers`, comments kept), written atomically.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cmc_core.cli.answers_file import ANSWERS_SUFFIX, MARKER
from cmc_core.errors import CmcError
from cmc_core.questionnaires import (
    CANVAS_DETAILS,
    QUICKSCAN,
    Answer,
    AnswerError,
    AnswerSet,
    Questionnaire,
    Session,
    block_name,
    dumps_answers,
    load_answers,
)
from cmc_core.translation import Messages, current_language

from cmc_workshop.records import AnswersProblems, WorkshopError, WorkshopIOError
from cmc_workshop.storage import cannot_read, now, write_file

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.fileformat import CanvasDocument
    from cmc_core.plugins import Plugins

__all__ = ["answers_file", "load_document", "offered", "read_answers", "read_values", "save"]

_ = Messages("cmc_workshop", "cmc_workshop")


def load_document(path: Path) -> CanvasDocument:
    """The canvas file with its comments.

    :raises WorkshopError: it cannot be read; the message names every problem and its place.
    """
    from cmc_core.fileformat import load

    try:
        return load(path)
    except CmcError as error:
        raise WorkshopError(str(error)) from None


def offered(plugins: Plugins) -> tuple[Questionnaire, ...]:
    """The questionnaires ``cmc ask`` offers, in its order: the quickscan, the canvas details,
    the blocks in fill order, then the other questionnaires of the plugins."""
    from cmc_core.blueprint import BLOCKS

    registry = plugins.questionnaires
    first = [QUICKSCAN, CANVAS_DETAILS, *(block_name(b.key) for b in BLOCKS)]
    names = [name for name in first if name in registry]
    names += [name for name in registry.names() if name not in names]
    return tuple(registry.get(name) for name in names)


def answers_file(folder: Path, slug: str) -> Path:
    """The answers file of the participant ``slug``."""
    return folder / f"{slug}{ANSWERS_SUFFIX}"


def read_answers(path: Path) -> AnswerSet:
    """The answers in a participant's file (none when there is no file yet).

    :raises WorkshopError: the file is broken (someone edited it by hand).
    :raises WorkshopIOError: it cannot be read (a directory, no permission).
    """
    if not path.exists():
        return AnswerSet()
    try:
        return load_answers(path)
    except CmcError as error:
        raise WorkshopError(str(error)) from None
    except OSError as error:
        raise WorkshopIOError(cannot_read(path, error)) from None


def read_values(path: Path) -> dict[str, object]:
    """The values in a participant's file, by question id."""
    return {answer.question: answer.value for answer in read_answers(path)}


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def save(
    path: Path,
    *,
    name: str,
    questionnaire: Questionnaire,
    questionnaires: Sequence[Questionnaire],
    canvas: Canvas,
    given: Mapping[str, object],
) -> int:
    """Check the answers ``given`` to ``questionnaire`` and merge them into the file at
    ``path`` (the caller holds its lock). See the module docstring.

    :returns: how many answers were saved (taking one back is not counted).
    :raises AnswersProblems: an answer does not fit; the file is unchanged.
    :raises WorkshopIOError: the file cannot be written; it is unchanged.
    """
    asked = {question.id for question in questionnaire.questions}
    problems: dict[str, str] = {}
    for asked_id in given:
        if asked_id not in asked:
            problems[str(asked_id)] = _(
                "there is no such question in {questionnaire}", questionnaire=questionnaire.name
            )
    previous = read_answers(path)
    stamp = now()
    answers = {a.question: a for a in previous if a.question not in given}
    new = {q: Answer(q, v, name, stamp) for q, v in given.items() if q in asked and not _blank(v)}
    answers.update(new)
    language = previous.language or current_language()
    session = Session(questionnaires, canvas, language=language)
    kept = dict(answers)  # answers of questions no questionnaire asks (any more) stay as given
    for question in session.questions():
        answer = answers.get(question.id)
        if answer is None:
            continue
        try:
            kept[question.id] = session.answer(
                question.id, answer.value, by=answer.by, at=answer.at
            )
        except AnswerError as error:
            if question.id in new:
                problems[question.id] = error.reason
    if problems:
        order = {question.id: index for index, question in enumerate(session.questions())}
        ranked = sorted(problems.items(), key=lambda item: (order.get(item[0], len(order)), item))
        raise AnswersProblems(ranked)
    ordered = {q: kept[q] for q in (*(a.question for a in previous), *new) if q in kept}
    _write(path, AnswerSet(ordered, language))
    return len(new)


def _write(path: Path, answers: AnswerSet) -> None:
    """The file written atomically, keeping its comments, starting with cmc's marker."""
    try:
        previous: str | None = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        previous = None
    text = dumps_answers(answers, previous)
    if not text.startswith(MARKER):
        text = f"{MARKER}\n{text}"
    write_file(path, text.encode("utf-8"))
