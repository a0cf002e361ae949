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
locale), through the ``prompts`` catalog. ``cmc --quiet`` leaves out the notes on stderr
(resuming, stopped, answering as, old answers files), never the questions, the errors or what
was written.

The options both take are :mod:`cmc_core.cli.ask_options`; which questionnaires
``cmc ask TARGET`` fills, and ``--list``, are :mod:`cmc_core.cli.ask_targets`; the answers
are read and asked through :mod:`cmc_core.cli.answering`, and the canvas is written and
checked by :mod:`cmc_core.cli.canvas_result`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import click

from cmc_core.cli._support import (
    EXIT_ERRORS_FOUND,
    EXIT_OK,
    EXIT_USER_ERROR,
    CliError,
    terminal_safe,
)
from cmc_core.cli.answering import (
    Answering,
    ask_questions,
    canvas_defaults,
    current_user,
    interactive_input,
    note_missing,
    question_labels,
    start_session,
)
from cmc_core.cli.answers_file import answers_path_for
from cmc_core.cli.ask_options import ASK_EPILOG, QUICKSCAN_EPILOG, common_options
from cmc_core.cli.ask_targets import list_targets, listed_answers, select_questionnaires
from cmc_core.cli.canvas_result import check_output, check_written, echo_check, write_canvas
from cmc_core.cli.loading import is_example, load_document
from cmc_core.cli.output import CheckedFile, CheckResult, format_json
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.questionnaires import QUICKSCAN, Questionnaire, Verdict
from cmc_core.questionnaires.quickscan import with_quickscan
from cmc_core.translation import Messages, environment_language, using_language
from cmc_core.vocabulary import Language

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.fileformat import CanvasDocument
    from cmc_core.plugins import Registry

_ = Messages("cmc_core", "prompts")

__all__ = ["ask", "quickscan"]


def _no_terminal() -> CliError:
    return CliError(
        _(
            "stdin is not a terminal, so no question can be asked: give the answers with "
            "--answers FILE (a YAML answers file; see docs/cli.md)."
        )
    )


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
    epilog=QUICKSCAN_EPILOG,
)
@common_options(
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


@click.command(
    short_help="Fill a canvas block by block by answering its questions.",
    epilog=ASK_EPILOG,
)
@click.argument("target", required=False, metavar="BLOCK|all")
@common_options(
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
            list_targets(registry, listed_answers(answers_file, output))
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
