"""What ``cmc quickscan`` and ``cmc ask`` share: answers in, questions asked, canvas out.

- :func:`start_session` loads the answers file (if any) into a new session, refusing it whole
  (exit status 2, one ``FILE: question 'id': reason`` line per refused answer) when any answer
  does not fit, so a bad file is never half-used and never rewritten. Answers to other
  questionnaires' questions, installed or not, are kept and written back as they were
  (:mod:`cmc_core.cli.answer_sorting`).
- The answers file an interactive run keeps by itself is named after the canvas with
  ``.cmc-answers.yaml`` (:func:`answers_path_for`), a name no one gives their own files, and
  starts with a marker comment (:data:`MARKER`). A file at that name without the marker is
  refused, never rewritten. A file at the name used before (``.answers.yaml``) is read, with a
  note, and the answers are saved under the new name: the old file is left as it was.
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
from cmc_core.cli._support import EXIT_INTERRUPTED, CliError, note, terminal_safe, use_color
from cmc_core.cli.answer_sorting import note_orphaned, sort_answers
from cmc_core.cli.output import CheckedFile, CheckResult, summary_line
from cmc_core.cli.plugin_options import active_plugins
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

if TYPE_CHECKING:
    from cmc_core.fileformat import CanvasDocument

_ = Messages("cmc_core", "prompts")

__all__ = [
    "MARKER",
    "Answering",
    "answers_path_for",
    "ask_questions",
    "canvas_defaults",
    "check_output",
    "check_written",
    "current_user",
    "echo_check",
    "interactive_input",
    "is_own_answers_file",
    "note_missing",
    "old_answers_path_for",
    "question_labels",
    "start_session",
    "write_canvas",
]

#: How many error-level diagnostics are listed after a run before pointing at ``cmc check``.
ERRORS_SHOWN = 12
_CANVAS_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
#: The suffix of the answers file an interactive run keeps next to its canvas.
ANSWERS_SUFFIX = ".cmc-answers.yaml"
#: The suffix cmc used before, still read (never written) when the new file is not there yet.
OLD_ANSWERS_SUFFIX = ".answers.yaml"
#: The first line of every answers file cmc names by itself: only a file with it is rewritten.
MARKER = "# cmc-answers-file: written by cmc quickscan / cmc ask, which keep it up to date."


def _stem(output: Path) -> str:
    name = output.name
    for suffix in _CANVAS_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.removesuffix(".cmc") or "canvas"


def answers_path_for(output: Path) -> Path:
    """The default answers file next to a canvas: ``quickscan.cmc.yaml`` ->
    ``quickscan.cmc-answers.yaml``."""
    return output.with_name(f"{_stem(output)}{ANSWERS_SUFFIX}")


def old_answers_path_for(output: Path) -> Path:
    """The name of the default answers file before: ``quickscan.answers.yaml``."""
    return output.with_name(f"{_stem(output)}{OLD_ANSWERS_SUFFIX}")


def is_own_answers_file(path: Path) -> bool:
    """Whether ``path`` starts with :data:`MARKER`: cmc wrote it and may rewrite it."""
    try:
        with path.open("rb") as stream:
            first = stream.readline(len(MARKER.encode("utf-8")) + 2)
    except OSError:
        return False
    return first.decode("utf-8", "replace").strip() == MARKER


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
    source = _source(path, own)
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


def _source(path: Path, own: bool) -> Path | None:
    """The file to read the answers from: ``path``; for cmc's own name, the file of the old
    name when there is none yet. ``None`` when there is nothing to read.

    :raises CliError: a file at cmc's own name that cmc did not write.
    """
    if path.exists():
        if own and not is_own_answers_file(path):
            raise CliError(
                _(
                    "{path} is not an answers file written by cmc (its first line is not "
                    "cmc's marker), so it is left alone. Move it away, or answer in it on "
                    "purpose with --answers {path} --resume.",
                    path=path,
                )
            )
        return path
    if own:
        old = path.with_name(path.name.removesuffix(ANSWERS_SUFFIX) + OLD_ANSWERS_SUFFIX)
        if old.is_file():
            note(
                _(
                    "Note: reading the answers in {old}, the name cmc used before; they are "
                    "saved in {path} from now on, and {old} is left as it is.",
                    old=old,
                    path=path,
                )
            )
            return old
    return None


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
        click.echo(
            _("Resuming: {count} answered ({path}).", count=answering.loaded, path=where), err=True
        )
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
    click.echo(f"\n{text}", err=True)
    sys.exit(EXIT_INTERRUPTED)


def note_missing(session: Session) -> None:
    """Say on stderr which required questions an answers file left unanswered."""
    missing = [question.id for question in session.missing_required()]
    if missing:
        click.echo(
            _.plural(
                "Note: no answer to {count} required question: {ids}.",
                "Note: no answer to {count} required questions: {ids}.",
                len(missing),
                ids=", ".join(missing),
            ),
            err=True,
        )


def check_output(output: Path, force: bool, source: Path | None = None) -> None:
    """Refuse an output file that exists (unless ``--force`` or it is the starting canvas) or
    whose name says no canvas format, before any question is asked."""
    from cmc_core.fileformat import format_for_path

    format_for_path(output)
    if output.is_dir():
        raise CliError(_("{path}: is a directory; -o takes a file name.", path=output))
    same = source is not None and output.exists() and output.samefile(source)
    if output.exists() and not force and not same:
        raise CliError(_("{path} already exists; use --force to overwrite it.", path=output))


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
        click.echo("  " + _("... and {count} more.", count=len(errors) - ERRORS_SHOWN))
    click.echo(summary_line(CheckResult((checked,)), color), color=color)
    if checked.report is not None and len(checked.report) > len(errors[:ERRORS_SHOWN]):
        click.echo(_("Run `cmc check {name}` for every diagnostic.", name=checked.name))


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
