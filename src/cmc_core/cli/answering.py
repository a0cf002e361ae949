"""What ``cmc quickscan`` and ``cmc ask`` share between reading the answers and writing the canvas.

- :func:`start_session` loads the answers file (if any) into a new session, refusing it whole
  (exit status 2, one ``FILE: question 'id': reason`` line per refused answer) when any answer
  does not fit, so a bad file is never half-used and never rewritten. Answers to other
  questionnaires' questions, installed or not, are kept and written back as they were
  (:mod:`cmc_core.cli.answer_sorting`). Which file is read, and which is refused as not cmc's
  own, is :mod:`cmc_core.cli.answers_file`.
- :func:`ask_questions` runs the interactive loop, saving the answers file after every answer;
  Ctrl-C and ``:q`` end with exit status 130 and say where the answers are.
- :func:`question_labels` and :func:`canvas_defaults` give the loop its block headings and the
  starting canvas's content as the current answers.

Writing and checking the result is :mod:`cmc_core.cli.canvas_result`. The notes on stderr
(resuming, stopped, answering as, required questions left open) are left out by ``cmc --quiet``.
"""

from __future__ import annotations

import getpass
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import click

from cmc_core.blueprint import BlockKey, block
from cmc_core.canvas import Canvas
from cmc_core.cli._support import EXIT_INTERRUPTED, CliError, note, use_color
from cmc_core.cli.answer_sorting import note_orphaned, sort_answers
from cmc_core.cli.answers_file import MARKER, answers_source
from cmc_core.errors import CmcError
from cmc_core.model import Meta
from cmc_core.questionnaires import (
    Answer,
    AnswersError,
    AnswerSet,
    Questionnaire,
    Session,
    dumps_answers,
    load_answers,
)
from cmc_core.translation import Messages, environment_language, using_language
from cmc_core.vocabulary import Language

_ = Messages("cmc_core", "prompts")

__all__ = [
    "Answering",
    "ask_questions",
    "canvas_defaults",
    "current_user",
    "interactive_input",
    "note_missing",
    "question_labels",
    "start_session",
]


def current_user() -> str | None:
    """The login name to record as who answered, or ``None`` when the system does not say."""
    try:
        return getpass.getuser() or None
    except (OSError, KeyError, ImportError):  # no user name in the environment or passwd
        return None


def interactive_input(no_input: bool, answers_given: bool = False, resume: bool = False) -> bool:
    """Whether to ask questions: stdin is a terminal, ``--no-input`` was not given, and the
    answers do not come from ``--answers FILE`` (a batch run for scripts, CI and web apps)
    unless ``--resume`` asks to go on answering in that file."""
    if no_input or (answers_given and not resume):
        return False
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


@attrs.define
class Answering:
    """A session and the answers file it reads from and saves to.

    :param carried: answers in the file to questions of other questionnaires (installed or
        not); written back as they were, so one answers file can serve several runs.
    :param loaded: how many of the file's answers the session took.
    :param order: the question ids in the order the file held them, which saving keeps.
    :param own: the file is the one cmc names by itself: it is written with :data:`MARKER`.
    :param source: where the answers were read from, when not from ``path`` (the old name).
    """

    session: Session
    path: Path
    carried: dict[str, Answer] = attrs.field(factory=dict)
    loaded: int = 0
    order: tuple[str, ...] = ()
    own: bool = False
    source: Path | None = None

    def all_answers(self) -> AnswerSet:
        """The carried answers and the session's, as the answers file holds them: in the file's
        order, then the answers given since."""
        given = self.session.answers.answers
        answers = {
            question: given[question] if question in given else self.carried[question]
            for question in self.order
            if question in given or question in self.carried
        }
        answers.update(given)
        return AnswerSet(answers, self.session.language)

    def save(self) -> None:
        """Write the answers file atomically, keeping its comments; a file cmc names by itself
        starts with :data:`MARKER`."""
        from cmc_core.fileformat.atomic import write_atomic

        try:
            previous: str | None = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            previous = None
        text = dumps_answers(self.all_answers(), previous)
        if self.own and not text.startswith(MARKER):
            text = f"{MARKER}\n{text}"
        write_atomic(self.path, text.encode("utf-8"))


def start_session(
    questionnaires: Sequence[Questionnaire],
    path: Path,
    *,
    canvas: Canvas | None,
    language: str | None,
    must_exist: bool,
    known_elsewhere: Iterable[str] = (),
    own: bool = False,
) -> Answering:
    """A session over ``questionnaires`` holding the answers of the file at ``path``.

    :param canvas: the starting canvas, answers are applied on top of it; ``None`` for a new
        one in the chosen language.
    :param language: ``--lang``; else the answers file's language, else the canvas's, else English.
    :param must_exist: refuse a missing answers file (non-interactive runs) instead of starting
        with no answers.
    :param known_elsewhere: ids of questions of other installed questionnaires; their answers
        are carried. Answers to questions that no installed questionnaire has are carried too,
        and named in a note on stderr; an id one letter away from an installed question is
        refused as a typo.
    :param own: ``path`` is the name cmc chose (not ``--answers``): a file there must carry
        :data:`MARKER`, and the file of the old name is read when it is not there.
    :raises CliError: the file is missing (when it must exist), is not cmc's own (when ``own``),
        or an answer does not fit.
    """
    loaded: AnswerSet | None = None
    source = answers_source(path, own)
    if source is not None:
        loaded = load_answers(source)
    elif must_exist:
        raise CliError(_("{path}: no such answers file.", path=path))
    chosen = _language(language, loaded, canvas)
    if canvas is None:  # a new canvas is written in the language it was asked in
        canvas = Canvas(meta=Meta(language=chosen))
    session = Session(questionnaires, canvas, language=chosen)
    if loaded is None:
        return Answering(session, path, own=own)
    asked = [question.id for question in session.questions()]
    found = sort_answers(loaded, asked, known_elsewhere)
    given = AnswerSet(found.own.answers, chosen)
    errors = found.typos
    try:
        with using_language(chosen):  # the refusals speak the session's language
            session.answer_all(given)
    except AnswersError as error:
        errors = (*errors, *error.errors)
    if errors:
        raise CliError(str(AnswersError(errors, str(path))), prefix=False)
    note_orphaned(found, path)
    carried = {**found.carried, **found.orphaned}
    return Answering(
        session,
        path,
        carried,
        loaded=len(given),
        order=tuple(loaded.answers),
        own=own,
        source=source if source != path else None,
    )


def _language(option: str | None, answers: AnswerSet | None, canvas: Canvas | None) -> Language:
    if option is not None:
        return Language(option)
    if answers is not None and answers.language is not None:
        return answers.language
    if canvas is not None:
        return canvas.meta.language
    return environment_language()


def ask_questions(
    answering: Answering,
    *,
    by: str | None,
    defaults: Mapping[str, Any],
    labels: Mapping[str, str],
) -> None:
    """Ask the pending questions in the terminal, saving the answers file after each answer.

    Ctrl-C, ``:q`` and a closed input end the command with exit status 130 and one line on
    stderr saying where the answers are.
    """
    from cmc_core.cli.line_editor import terminal_editor
    from cmc_core.cli.prompting import Interview, StopAsking

    session = answering.session
    if answering.loaded:
        where = answering.source or answering.path
        note(_("Resuming: {count} answered ({path}).", count=answering.loaded, path=where))
    if by:
        note(
            _(
                "Answering as {name}: recorded with every answer in {path}.",
                name=by,
                path=answering.path,
            )
        )

    def read_line(prompt: str) -> str:
        click.echo(prompt, nl=False, err=True)
        return sys.stdin.readline()

    interview = Interview(
        session,
        session.language or Language.EN,
        answering.save,
        read_line,
        lambda text: click.echo(text, err=True),
        by=by,
        defaults=defaults,
        labels=labels,
        color=use_color(None, sys.stderr),
        width=min(shutil.get_terminal_size().columns, 100) - 1,
        editor=terminal_editor(),
        confirm=True,
    )
    try:
        interview.run()
    except KeyboardInterrupt:
        _stopped(answering, interrupted=True)
    except StopAsking:
        _stopped(answering, interrupted=False)


def _stopped(answering: Answering, *, interrupted: bool) -> None:
    """Say where the answers are and end with exit status 130.

    The count is read back from the file: Ctrl-C during a save leaves the previous file whole,
    and the message must say what is really there.
    """
    try:
        count = len(load_answers(answering.path)) if answering.path.exists() else 0
    except (CmcError, OSError):
        count = 0
    path = answering.path
    if count and interrupted:
        text = _.plural(
            "Interrupted: {count} answer saved in {path}; run the same command again to resume.",
            "Interrupted: {count} answers saved in {path}; run the same command again to resume.",
            count,
            path=path,
        )
    elif count:
        text = _.plural(
            "Stopped: {count} answer saved in {path}; run the same command again to resume.",
            "Stopped: {count} answers saved in {path}; run the same command again to resume.",
            count,
            path=path,
        )
    elif interrupted:
        text = _("Interrupted before the first answer; nothing was saved.")
    else:
        text = _("Stopped before the first answer; nothing was saved.")
    note(f"\n{text}")
    sys.exit(EXIT_INTERRUPTED)


def note_missing(session: Session) -> None:
    """Say on stderr which required questions an answers file left unanswered."""
    missing = [question.id for question in session.missing_required()]
    if missing:
        note(
            _.plural(
                "Note: no answer to {count} required question: {ids}.",
                "Note: no answer to {count} required questions: {ids}.",
                len(missing),
                ids=", ".join(missing),
            )
        )


def question_labels(questionnaires: Sequence[Questionnaire], language: Language) -> dict[str, str]:
    """The heading shown above each question: its block (``A1 Added value ...``), else the
    questionnaire's title."""
    keys = {key.value for key in BlockKey}
    labels: dict[str, str] = {}
    for questionnaire in questionnaires:
        for question in questionnaire.questions:
            if question.block in keys:
                shown = block(question.block)
                labels[question.id] = f"{shown.code} {shown.label(language)}"
            else:
                labels[question.id] = questionnaire.title.in_language(language)
    return labels


def canvas_defaults(canvas: Canvas, questionnaires: Sequence[Questionnaire]) -> dict[str, Any]:
    """What the starting canvas already says, per question: Enter at the prompt keeps it."""
    from cmc_core.fileformat import to_dict
    from cmc_core.questionnaires import ENTITY_COLLECTIONS, answers_from_canvas

    answers, _leftover = answers_from_canvas(canvas, questionnaires)
    defaults = {answer.question: answer.value for answer in answers}
    document = to_dict(canvas)
    for questionnaire in questionnaires:
        for question in questionnaire.questions:
            binding = question.binding
            if question.id in defaults or binding is None:
                continue
            if binding.target in ENTITY_COLLECTIONS:
                continue  # a list with a role or defaults is not the whole collection
            value = _field(document, binding.target)
            if value not in (None, "", []):
                defaults[question.id] = value
    return defaults


def _field(document: dict[str, Any], target: str) -> Any:
    node: Any = document
    for key in target.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node
