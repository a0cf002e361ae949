"""``cmc quickscan`` and ``cmc ask``: fill a canvas by answering questionnaires.

Both commands run the same way. In a terminal they ask the pending questions one by one and
save the answers file after every answer, so a rerun resumes where the last one stopped. With
``--answers FILE`` and no terminal (scripts, CI, web apps that collected the answers elsewhere),
or with ``--no-input``, they read every answer from the file and check them all at once. Then
they write the canvas atomically and check it with the validation rules.

The questionnaires come from the plugin registry (built-in and plugin ones alike): ``quickscan``,
``canvas-details`` and ``block-<block-key>``.

Both take ``--canvas FILE`` to start from an existing canvas (one ``cmc new`` wrote, say) and,
by default, write back to it through the comment-keeping path of the file format. ``--by NAME``
is recorded with every answer and added to the canvas's ``meta.authors``. Every message speaks
the session's language (``--lang``, the answers file's, the canvas's, else ``CMC_LANG``/the
locale), through the ``prompts`` catalog.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import click

from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.cli._support import (
    EXIT_ERRORS_FOUND,
    EXIT_OK,
    EXIT_USER_ERROR,
    CliError,
    did_you_mean,
    terminal_safe,
)
from cmc_core.cli.answering import (
    Answering,
    answers_path_for,
    ask_questions,
    canvas_defaults,
    check_output,
    check_written,
    current_user,
    echo_check,
    interactive_input,
    note_missing,
    old_answers_path_for,
    question_labels,
    start_session,
    write_canvas,
)
from cmc_core.cli.loading import is_example, load_document
from cmc_core.cli.output import CheckedFile, CheckResult, format_json
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.questionnaires import (
    CANVAS_DETAILS,
    QUICKSCAN,
    AnswerSet,
    Questionnaire,
    Verdict,
    applicable,
    block_name,
)
from cmc_core.questionnaires.quickscan import with_quickscan
from cmc_core.translation import Messages, environment_language, using_language
from cmc_core.vocabulary import Language

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.fileformat import CanvasDocument
    from cmc_core.plugins import Registry

_ = Messages("cmc_core", "prompts")

__all__ = ["ask", "quickscan"]

F = TypeVar("F", bound=Callable[..., Any])
#: The ``cmc ask`` target that means the canvas details and every block, in fill order.
ALL = "all"

_EXIT_EPILOG = """\
\b
Exit status:
  0    {ok}
  1    {not_ok}
  2    usage, I/O or file-format error, or an answer that does not fit its question
  130  interrupted (Ctrl-C or :q); the answers so far are saved, rerun to resume
"""
_QUICKSCAN_EPILOG = _EXIT_EPILOG.format(
    ok="the verdict is 'suitable'", not_ok="the verdict is 'needs work' or 'not a community case'"
)
_ASK_EPILOG = _EXIT_EPILOG.format(
    ok="the canvas has no error-level diagnostics", not_ok="error-level diagnostics found"
)
_LANGUAGE = click.Choice(["nl", "en"])


def _no_terminal() -> CliError:
    return CliError(
        _(
            "stdin is not a terminal, so no question can be asked: give the answers with "
            "--answers FILE (a YAML answers file; see docs/cli.md)."
        )
    )


def _common_options(default_output: str | None, output_help: str) -> Callable[[F], F]:
    """The options both commands take, in one place so that they read the same."""
    options = [
        click.option(
            "--lang",
            type=_LANGUAGE,
            help="Language of the questions, the messages and the verdict. Default: the answers "
            "file's, else the --canvas file's, else CMC_LANG or the locale.",
        ),
        click.option(
            "--answers",
            "answers_file",
            metavar="FILE",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Read every answer from this answers file and ask nothing (for scripts, CI "
            "and web apps); with --resume, go on answering in it in a terminal instead. "
            "Interactive runs save to OUT's name with .cmc-answers.yaml, and a rerun resumes "
            "there.",
        ),
        click.option(
            "-o",
            "--output",
            metavar="OUT",
            type=click.Path(dir_okay=False, path_type=Path),
            default=default_output,
            show_default=default_output is not None,
            help=output_help,
        ),
        click.option(
            "--by",
            metavar="NAME",
            help="Who answers: recorded with every answer and added to the canvas's "
            "meta.authors. Default: your login name (recorded with the answers only).",
        ),
        click.option("--force", is_flag=True, help="Overwrite OUT if it exists."),
        click.option(
            "--no-input",
            is_flag=True,
            help="Never ask: read every answer from --answers, even in a terminal.",
        ),
        click.option(
            "--resume",
            is_flag=True,
            help="With --answers FILE in a terminal: ask the questions still open in FILE.",
        ),
        click.option(
            "--canvas",
            "canvas_name",
            metavar="FILE",
            help="Start from this canvas (a file, or example:NAME): answers are applied on top "
            "of it, and its content is the current answer at each prompt.",
        ),
    ]

    def apply(function: F) -> F:
        for option in reversed(options):
            function = option(function)
        return function

    return apply


def _installed_questions(registry: Registry[Questionnaire]) -> list[str]:
    """The id of every question of every installed questionnaire: answers to them that a run
    does not ask are kept as they are."""
    return [question.id for questionnaire in registry for question in questionnaire.questions]


def _canvas_file(canvas_name: str | None) -> Path | None:
    """The file ``--canvas`` names, to write back to by default; a bundled example is none."""
    return None if canvas_name is None or is_example(canvas_name) else Path(canvas_name)


def _authored(canvas: Canvas, by: str | None) -> Canvas:
    """The canvas with ``--by NAME`` among its ``meta.authors`` (once)."""
    if not by or by in canvas.meta.authors:
        return canvas
    meta = attrs.evolve(canvas.meta, authors=(*canvas.meta.authors, by))
    return attrs.evolve(canvas, meta=meta)


def _start(
    questionnaires: tuple[Questionnaire, ...],
    registry: Registry[Questionnaire],
    document: CanvasDocument | None,
    *,
    answers_file: Path | None,
    output: Path,
    lang: str | None,
    no_input: bool,
    resume: bool,
) -> tuple[Answering, bool]:
    """The session of a run and whether it asks: the answers of ``--answers FILE``, else of
    the answers file cmc keeps next to OUT (never a file of the person's own)."""
    interactive = interactive_input(no_input, answers_file is not None, resume)
    if not interactive and answers_file is None:
        raise _no_terminal()
    answering = start_session(
        questionnaires,
        answers_file or answers_path_for(output),
        canvas=document.canvas if document is not None else None,
        language=lang,
        must_exist=not interactive,
        known_elsewhere=_installed_questions(registry),
        own=answers_file is None,
    )
    return answering, interactive


def _ask_or_note(
    answering: Answering,
    questionnaires: tuple[Questionnaire, ...],
    interactive: bool,
    by: str | None,
) -> None:
    """Ask the pending questions in a terminal; else note the required ones left open."""
    session = answering.session
    if interactive:
        language = session.language or Language.EN
        defaults = canvas_defaults(session.canvas, questionnaires)
        labels = question_labels(questionnaires, language)
        ask_questions(answering, by=by or current_user(), defaults=defaults, labels=labels)
    else:
        note_missing(session)


# -- cmc quickscan -------------------------------------------------------------------------------


@click.command(
    short_help="Is this a business community? The quickscan, with a draft canvas.",
    epilog=_QUICKSCAN_EPILOG,
)
@_common_options(
    None,
    "Write the draft canvas here (atomically). Default: the --canvas FILE itself (keeping its "
    "comments), else quickscan.cmc.yaml.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format of the verdict and the check on stdout.",
)
def quickscan(
    *,
    lang: str | None,
    answers_file: Path | None,
    output: Path | None,
    canvas_name: str | None,
    by: str | None,
    force: bool,
    no_input: bool,
    resume: bool,
    output_format: str,
) -> None:
    """Run the quickscan: the intake questions that decide whether a use case is a business
    community (suitable, needs work, or not a community case) and seed a draft canvas.

    In a terminal the questions are asked one by one (see docs/cli.md for the keys); otherwise
    the answers come from --answers FILE. Prints the verdict with its reasons, writes the draft
    canvas to OUT and checks it with the validation rules. With --canvas FILE (a starter from
    `cmc new`, say) the answers fill that canvas, which keeps its comments.
    """
    from cmc_core.questionnaires import Suitability, assess_quickscan

    with using_language(lang or environment_language()):
        canvas_file = _canvas_file(canvas_name)
        output = output or canvas_file or Path("quickscan.cmc.yaml")
        check_output(output, force, canvas_file)
        document = load_document(canvas_name) if canvas_name is not None else None
        registry = active_plugins().questionnaires
        questionnaires = (registry.get(QUICKSCAN),)
        answering, interactive = _start(
            questionnaires,
            registry,
            document,
            answers_file=answers_file,
            output=output,
            lang=lang,
            no_input=no_input,
            resume=resume,
        )
    session = answering.session
    language = session.language or Language.EN
    with using_language(language):
        _ask_or_note(answering, questionnaires, interactive, by)
        canvas = with_quickscan(_authored(session.to_canvas(), by), session.answers)
        verdict = assess_quickscan(session.answers, canvas)
        write_canvas(canvas, output, document)
        checked = check_written(output)
        answered = len(session.answers)
        if output_format == "json":
            click.echo(_verdict_json(verdict, language, output, answered, checked))
        else:
            click.echo(_("Verdict: {verdict}", verdict=verdict.label(language)))
            for reason in verdict.explain(language):
                click.echo(f"  - {terminal_safe(reason)}")
            click.echo(
                _.plural(
                    "Wrote {output}: the draft canvas ({count} answer).",
                    "Wrote {output}: the draft canvas ({count} answers).",
                    answered,
                    output=output,
                )
            )
            echo_check(checked)
    sys.exit(EXIT_OK if verdict.suitability is Suitability.SUITABLE else EXIT_ERRORS_FOUND)


def _verdict_json(
    verdict: Verdict, language: Language, output: Path, answers: int, checked: CheckedFile
) -> str:
    """The quickscan's result for machines; ``check`` is shaped as ``cmc check --format json``."""
    document = {
        "verdict": {
            "suitability": str(verdict.suitability),
            "label": verdict.label(language),
            "reasons": verdict.explain(language),
        },
        "canvas": str(output),
        "answers": answers,
        "check": json.loads(format_json(CheckResult((checked,)))),
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


# -- cmc ask -------------------------------------------------------------------------------------


def _targets(registry: Registry[Questionnaire]) -> list[str]:
    """Every name ``cmc ask`` takes: all, the block keys in fill order, then other
    questionnaires by name."""
    names = [ALL, CANVAS_DETAILS, *(b.key.value for b in BLOCKS)]
    block_names = {block_name(b.key) for b in BLOCKS}
    names += [n for n in registry.names() if n not in block_names and n not in names]
    return names


def select_questionnaires(
    target: str, registry: Registry[Questionnaire]
) -> tuple[Questionnaire, ...]:
    """The questionnaires ``cmc ask TARGET`` fills, in order.

    TARGET is ``all``, a block key (``end_customer_value`` or ``end-customer-value``), or the
    name of any registered questionnaire (``canvas-details``, a plugin's).

    :raises CliError: an unknown target, with the closest name.
    """
    if target == ALL:
        return (registry.get(CANVAS_DETAILS), *(registry.get(block_name(b.key)) for b in BLOCKS))
    key = target.strip().lower().replace("-", "_")
    if key in {b.key.value for b in BLOCKS}:
        return (registry.get(block_name(BlockKey(key))),)
    if target in registry:
        return (registry.get(target),)
    raise CliError(
        _("{target!r} is not a block or questionnaire.", target=target)
        + did_you_mean(target, _targets(registry))
        + " "
        + _("See `cmc ask --list`.")
    )


def _list(registry: Registry[Questionnaire], answers: AnswerSet | None) -> None:
    """The targets with their Dutch and English names, and progress when answers exist."""

    def progress(name: str) -> str:
        if answers is None or name not in registry:
            return "" if name in registry else _("(not available)")
        asked = [q for q in registry.get(name).questions if applicable(q, answers)]
        return f"{sum(q.id in answers for q in asked)}/{len(asked)}"

    click.echo(f"{ALL:<26}    " + _("the canvas details and every block below, in this order"))
    if CANVAS_DETAILS in registry:
        title = registry.get(CANVAS_DETAILS).title
        click.echo(f"{CANVAS_DETAILS:<26}    {title.nl} / {title.en}  {progress(CANVAS_DETAILS)}")
    for shown in BLOCKS:
        labels = f"{shown.label_nl} / {shown.label_en}"
        done = progress(block_name(shown.key))
        click.echo(f"{shown.key.value:<26}{shown.code:<4}{labels}  {done}".rstrip())
    others = _targets(registry)[len(BLOCKS) + 2 :]
    if others:
        click.echo("\n" + _("Other questionnaires:"))
    for name in others:
        title = registry.get(name).title
        note = "  " + _("(use `cmc quickscan`)") if name == QUICKSCAN else ""
        click.echo(f"{name:<26}    {title.nl} / {title.en}  {progress(name)}{note}".rstrip())


@click.command(
    short_help="Fill a canvas block by block by answering its questions.",
    epilog=_ASK_EPILOG,
)
@click.argument("target", required=False, metavar="BLOCK|all")
@_common_options(
    None,
    "Write the canvas here (atomically). Default: the --canvas FILE itself (keeping its "
    "comments), else canvas.cmc.yaml.",
)
@click.option("--list", "list_only", is_flag=True, help="List the blocks and questionnaires.")
def ask(
    *,
    target: str | None,
    canvas_name: str | None,
    lang: str | None,
    answers_file: Path | None,
    output: Path | None,
    by: str | None,
    force: bool,
    no_input: bool,
    resume: bool,
    list_only: bool,
) -> None:
    """Answer the questions of one BLOCK (such as end_customer_value), or `all` of them (the
    canvas details and the eighteen blocks in fill order), and write the canvas.

    In a terminal the questions are asked one by one (see docs/cli.md for the keys); otherwise
    the answers come from --answers FILE. `cmc ask --list` lists the blocks.
    """
    registry = active_plugins().questionnaires
    with using_language(lang or environment_language()):
        canvas_file = _canvas_file(canvas_name)
        output = output or canvas_file or Path("canvas.cmc.yaml")
        if list_only:
            _list(registry, _listed_answers(answers_file, output))
            return
        if target is None:
            raise click.UsageError(_("name a BLOCK or `all` (see cmc ask --list)."))
        questionnaires = select_questionnaires(target, registry)
        check_output(output, force, canvas_file)
        document = load_document(canvas_name) if canvas_name is not None else None
        answering, interactive = _start(
            questionnaires,
            registry,
            document,
            answers_file=answers_file,
            output=output,
            lang=lang,
            no_input=no_input,
            resume=resume,
        )
    session = answering.session
    with using_language(session.language or Language.EN):
        _ask_or_note(answering, questionnaires, interactive, by)
        # quickscan answers in the same answers file update what the canvas remembers
        canvas = with_quickscan(_authored(session.to_canvas(), by), answering.all_answers())
        write_canvas(canvas, output, document)
        answered = len(session.answers)
        click.echo(
            _.plural(
                "Wrote {output} ({count} answer).",
                "Wrote {output} ({count} answers).",
                answered,
                output=output,
            )
        )
        checked = check_written(output)
        echo_check(checked)
    if checked.report is None:
        sys.exit(EXIT_USER_ERROR)
    sys.exit(EXIT_ERRORS_FOUND if checked.report.has_errors else EXIT_OK)


def _listed_answers(answers_file: Path | None, output: Path) -> AnswerSet | None:
    """The answers whose progress ``cmc ask --list`` shows: ``--answers FILE``, else the file
    cmc keeps next to OUT (or the one of its old name)."""
    from cmc_core.questionnaires import load_answers

    candidates = (
        [answers_file]
        if answers_file is not None
        else [answers_path_for(output), old_answers_path_for(output)]
    )
    found = next((path for path in candidates if path.exists()), None)
    return load_answers(found) if found is not None else None
