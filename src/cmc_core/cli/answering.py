"""What ``cmc quickscan`` and ``cmc ask`` share: answers in, questions asked, canvas out.

- :func:`start_session` loads the answers file (if any) into a new session, refusing it whole
  (exit status 2, one ``FILE: question 'id': reason`` line per refused answer) when any answer
  does not fit, so a bad file is never half-used and never rewritten. Answers to other
  questionnaires' questions, installed or not, are kept and written back as they were
  (:mod:`cmc_core.cli.answer_sorting`).
- :func:`ask_questions` runs the interactive loop, saving the answers file after every answer;
  Ctrl-C and ``:q`` end with exit status 130 and say where the answers are.
- :func:`write_canvas` and :func:`check_written` write the result atomically and check it with
  the validation rules, as ``cmc check`` would.
"""

from __future__ import annotations

import getpass
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click

from cmc_core.blueprint import BlockKey, block
from cmc_core.canvas import Canvas
from cmc_core.cli._support import EXIT_INTERRUPTED, CliError, terminal_safe, use_color
from cmc_core.cli.answer_sorting import note_orphaned, sort_answers
from cmc_core.cli.output import CheckedFile, CheckResult, plural, summary_line
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.errors import CmcError
from cmc_core.model import Meta
from cmc_core.questionnaires import (
    Answer,
    AnswersError,
    AnswerSet,
    Questionnaire,
    Session,
    load_answers,
    save_answers,
)
from cmc_core.vocabulary import Language

if TYPE_CHECKING:
    from cmc_core.fileformat import CanvasDocument

__all__ = [
    "Answering",
    "answers_path_for",
    "ask_questions",
    "canvas_defaults",
    "check_output",
    "check_written",
    "current_user",
    "echo_check",
    "interactive_input",
    "note_missing",
    "question_labels",
    "start_session",
    "write_canvas",
]

#: How many error-level diagnostics are listed after a run before pointing at ``cmc check``.
ERRORS_SHOWN = 12
_CANVAS_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


def answers_path_for(output: Path) -> Path:
    """The default answers file next to a canvas: ``quickscan.cmc.yaml`` ->
    ``quickscan.answers.yaml``."""
    name = output.name
    for suffix in _CANVAS_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    name = name.removesuffix(".cmc") or "canvas"
    return output.with_name(f"{name}.answers.yaml")


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
    """

    session: Session
    path: Path
    carried: dict[str, Answer] = attrs.field(factory=dict)
    loaded: int = 0
    order: tuple[str, ...] = ()

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
        """Write the answers file atomically."""
        save_answers(self.all_answers(), self.path)


def start_session(
    questionnaires: Sequence[Questionnaire],
    path: Path,
    *,
    canvas: Canvas | None,
    language: str | None,
    must_exist: bool,
    known_elsewhere: Iterable[str] = (),
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
    :raises CliError: the file is missing (when it must exist) or an answer does not fit.
    """
    loaded: AnswerSet | None = None
    if path.exists():
        loaded = load_answers(path)
    elif must_exist:
        raise CliError(f"{path}: no such answers file.")
    chosen = _language(language, loaded, canvas)
    if canvas is None:  # a new canvas is written in the language it was asked in
        canvas = Canvas(meta=Meta(language=chosen))
    session = Session(questionnaires, canvas, language=chosen)
    if loaded is None:
        return Answering(session, path)
    asked = [question.id for question in session.questions()]
    found = sort_answers(loaded, asked, known_elsewhere)
    given = AnswerSet(found.own.answers, chosen)
    errors = found.typos
    try:
        session.answer_all(given)
    except AnswersError as error:
        errors = (*errors, *error.errors)
    if errors:
        raise CliError(str(AnswersError(errors, str(path))), prefix=False)
    note_orphaned(found, path)
    carried = {**found.carried, **found.orphaned}
    return Answering(session, path, carried, loaded=len(given), order=tuple(loaded.answers))


def _language(option: str | None, answers: AnswerSet | None, canvas: Canvas | None) -> Language:
    if option is not None:
        return Language(option)
    if answers is not None and answers.language is not None:
        return answers.language
    if canvas is not None:
        return canvas.meta.language
    return Language.EN


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
    from cmc_core.cli.prompting import Interview, StopAsking

    session = answering.session
    if answering.loaded:
        click.echo(f"Resuming: {answering.loaded} answered ({answering.path}).", err=True)

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
    )
    try:
        interview.run()
    except KeyboardInterrupt:
        _stopped("Interrupted", answering)
    except StopAsking:
        _stopped("Stopped", answering)


def _stopped(how: str, answering: Answering) -> None:
    """Say where the answers are and end with exit status 130.

    The count is read back from the file: Ctrl-C during a save leaves the previous file whole,
    and the message must say what is really there.
    """
    try:
        count = len(load_answers(answering.path)) if answering.path.exists() else 0
    except (CmcError, OSError):
        count = 0
    if count:
        where = f"{plural(count, 'answer')} saved in {answering.path}"
        click.echo(f"\n{how}: {where}; run the same command again to resume.", err=True)
    else:
        click.echo(f"\n{how} before the first answer; nothing was saved.", err=True)
    sys.exit(EXIT_INTERRUPTED)


def note_missing(session: Session) -> None:
    """Say on stderr which required questions an answers file left unanswered."""
    missing = [question.id for question in session.missing_required()]
    if missing:
        click.echo(
            f"Note: no answer to {plural(len(missing), 'required question')}: "
            f"{', '.join(missing)}.",
            err=True,
        )


def check_output(output: Path, force: bool, source: Path | None = None) -> None:
    """Refuse an output file that exists (unless ``--force`` or it is the starting canvas) or
    whose name says no canvas format, before any question is asked."""
    from cmc_core.fileformat import format_for_path

    format_for_path(output)
    if output.is_dir():
        raise CliError(f"{output}: is a directory; -o takes a file name.")
    same = source is not None and output.exists() and output.samefile(source)
    if output.exists() and not force and not same:
        raise CliError(f"{output} already exists; use --force to overwrite it.")


def write_canvas(canvas: Canvas, output: Path, document: CanvasDocument | None = None) -> None:
    """Write the canvas atomically; with the starting document, YAML keeps its comments."""
    from cmc_core.fileformat import save

    save(document.with_canvas(canvas) if document is not None else canvas, output)


def check_written(output: Path) -> CheckedFile:
    """Load the written file back and validate it with the rules ``cmc check`` would run."""
    from cmc_core.cli.check import check_file
    from cmc_core.cli.configuring import resolve_config

    return check_file(str(output), resolve_config(None, False), active_plugins())


def echo_check(checked: CheckedFile) -> None:
    """The error-level diagnostics (at most :data:`ERRORS_SHOWN`) and ``cmc check``'s summary."""
    color = use_color(None, sys.stdout)
    for problem in checked.problems:
        click.echo(terminal_safe(f"{problem.where}: {problem.message}"), err=True)
    errors = checked.report.errors if checked.report is not None else ()
    for diagnostic in errors[:ERRORS_SHOWN]:
        code = click.style(diagnostic.code, bold=True) if color else diagnostic.code
        click.echo(f"  {code} {terminal_safe(diagnostic.message)}", color=color)
    if len(errors) > ERRORS_SHOWN:
        click.echo(f"  ... and {len(errors) - ERRORS_SHOWN} more.")
    click.echo(summary_line(CheckResult((checked,)), color), color=color)
    if checked.report is not None and len(checked.report) > len(errors[:ERRORS_SHOWN]):
        click.echo(f"Run `cmc check {checked.name}` for every diagnostic.")


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

    answers, _ = answers_from_canvas(canvas, questionnaires)
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
