"""``cmc check``: load canvases, validate them and report in text, JSON, SARIF or GitHub form.

Canvases are read by :func:`~cmc_core.cli.loading.load_document` and validated as the report
of their :func:`~cmc_core.assessment.assess`-ment, with the rules of every active plugin and
the project's configuration (:mod:`cmc_core.cli.configuring`), as ``cmc export`` does for the
poster. Files that cannot be loaded do not stop the run: their problems go to stderr, the
other files are still checked, and the exit status is 2.

Messages speak ``--lang``, else each canvas's ``meta.language`` (a file is validated in its
own language), else ``CMC_LANG`` or the locale; the summary speaks the canvases' language when
they share one. JSON and SARIF keep their keys and severity ids in English, whatever the
language of their messages.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import click

from cmc_core import __version__
from cmc_core.cli._support import (
    EXIT_CODES_EPILOG,
    EXIT_ERRORS_FOUND,
    EXIT_OK,
    EXIT_USER_ERROR,
    did_you_mean,
    errors_said_here,
    use_color,
)
from cmc_core.cli.configuring import config_options, resolve_config
from cmc_core.cli.language import language_option, speaking
from cmc_core.cli.loading import example_name, load_document
from cmc_core.cli.output import (
    CheckedFile,
    CheckResult,
    FileProblem,
    format_github,
    format_json,
    format_text,
    problem_line,
)
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.diagnostics import Diagnostic, Location, Report, Severity
from cmc_core.translation import Messages, chosen_language
from cmc_core.vocabulary import Language

if TYPE_CHECKING:
    from cmc_core.fileformat import CanvasDocument, CanvasLoadError
    from cmc_core.plugins import Plugins
    from cmc_core.rules import Rule, ValidationConfig

__all__ = ["check", "check_file", "exit_status", "render", "resolve_config", "validate_document"]

OUTPUT_FORMATS = ("text", "json", "sarif", "github")

_ = Messages("cmc_core", "check")


# -- options -------------------------------------------------------------------------------------


def _split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``("CMC001,CMC002", "cmc01")`` -> ``("CMC001", "CMC002", "CMC01")``."""
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )


def _parse_severities(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> tuple[tuple[str, Severity], ...]:
    """Turn repeated ``CODE=LEVEL`` options into pairs; a bad one is a usage error."""
    levels = [str(s) for s in Severity]
    pairs: list[tuple[str, Severity]] = []
    for value in values:
        code, equals, level = value.partition("=")
        if not equals or not code.strip():
            raise click.BadParameter(
                _("{value} is not CODE=LEVEL, such as CMC016=info.", value=repr(value))
            )
        level = level.strip().lower()
        if level not in levels:
            raise click.BadParameter(
                _(
                    "{level} in {value} is not one of {levels}.",
                    level=repr(level),
                    value=repr(value),
                    levels=", ".join(levels),
                )
                + did_you_mean(level, levels)
            )
        pairs.append((code.strip().upper(), Severity(level)))
    return tuple(pairs)


# -- loading and validating ----------------------------------------------------------------------


def _problems_of(error: CanvasLoadError, name: str) -> tuple[FileProblem, ...]:
    problems = tuple(
        FileProblem(
            file=name,
            message=problem.message,
            line=problem.location.line if problem.location else None,
            column=problem.location.column if problem.location else None,
            path=problem.path,
            kind=problem.kind,
        )
        for problem in error.problems
    )
    return problems or (FileProblem(file=name, message=str(error)),)


def _named(diagnostic: Diagnostic, name: str) -> Diagnostic:
    """The diagnostic with its file given as the user named it (also when it had no location)."""
    location = attrs.evolve(diagnostic.location or Location(), file=name)
    return attrs.evolve(diagnostic, location=location)


def validate_document(
    document: CanvasDocument,
    name: str,
    config: ValidationConfig,
    plugins: Plugins | None = None,
) -> Report:
    """The report of a loaded document's assessment; every diagnostic names the file as
    ``name``.

    :param plugins: the plugin set whose rules run; the built-in rules when ``None``.
    """
    from cmc_core.assessment import assess

    report = assess(document.canvas, plugins=plugins, config=config, locator=document.locate).report
    return Report(tuple(_named(d, name) for d in report))


def check_file(
    name: str,
    config: ValidationConfig,
    plugins: Plugins | None = None,
    *,
    lang: str | None = None,
) -> CheckedFile:
    """Load and validate one canvas (a file or ``example:NAME``); one that cannot be loaded
    yields its problems.

    :param lang: the language of the messages (``nl`` or ``en``); when ``None``, the language
        a caller chose (:func:`~cmc_core.translation.using_language`), else the canvas's own.
    """
    if lang is None:
        outer = chosen_language()
        lang = outer.value if outer is not None else None
    return _checked(name, config, plugins, lang)[0]


def _checked(
    name: str, config: ValidationConfig, plugins: Plugins | None, lang: str | None
) -> tuple[CheckedFile, Language | None]:
    """:func:`check_file`, with the language the canvas was validated in (``None`` when it
    could not be loaded)."""
    from cmc_core.examples import UnknownExampleError
    from cmc_core.fileformat import CanvasLoadError

    with speaking(lang):
        try:
            document = load_document(name)
        except CanvasLoadError as error:
            return CheckedFile(name, problems=_problems_of(error, name)), None
        except UnknownExampleError as error:
            return CheckedFile(name, problems=(FileProblem(file=name, message=str(error)),)), None
    with speaking(lang, document.canvas) as language:
        report = validate_document(document, name, config, plugins)
    return CheckedFile(name, report=report), language


def _example_names(requested: Sequence[str], every: bool) -> list[str]:
    """The examples to check; an unknown name fails before anything is checked."""
    from cmc_core.examples import get, names

    return list(names()) if every else [get(name).name for name in requested]


def _selected_rules(config: ValidationConfig, rules: Sequence[Rule]) -> list[Rule]:
    return [rule for rule in rules if config.selection.selects(rule.code)]


def render(result: CheckResult, output_format: str, rules: Sequence[Rule], color: bool) -> str:
    """The stdout text of a check run in the chosen format."""
    if output_format == "json":
        return format_json(result)
    if output_format == "sarif":
        from cmc_core.cli.sarif import format_sarif

        return format_sarif(result, rules, __version__)
    if output_format == "github":
        return format_github(result)
    return format_text(result, color)


def exit_status(result: CheckResult) -> int:
    """2 when a file could not be loaded, else 1 when an error-level diagnostic was found."""
    if result.failed_files:
        return EXIT_USER_ERROR
    return EXIT_ERRORS_FOUND if result.has_errors else EXIT_OK


# -- commands ------------------------------------------------------------------------------------


@click.command(
    short_help="Check canvases against the rules of a business community.",
    epilog=EXIT_CODES_EPILOG,
)
@language_option("The language of the messages and the summary (JSON and SARIF keep their keys).")
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option(
    "--example",
    "examples",
    multiple=True,
    metavar="NAME",
    help="Check a bundled example (see `cmc examples`); repeatable.",
)
@click.option("--all-examples", is_flag=True, help="Check every bundled example.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="Output format on stdout.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these rules: comma-separated codes or prefixes (CMC0 is "
    "CMC001-CMC099). Replaces the configuration's selection.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these rules (codes or prefixes), in addition to the configuration's.",
)
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="CODE=LEVEL",
    callback=_parse_severities,
    help="Report a rule at another level: error, warning or info; repeatable.",
)
@config_options
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text output. Default: only on a terminal, never with NO_COLOR.",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when error-level diagnostics are found."
)
def check(
    *,
    lang: str | None,
    files: tuple[str, ...],
    examples: tuple[str, ...],
    all_examples: bool,
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severities: tuple[tuple[str, Severity], ...],
    config_path: Path | None,
    no_config: bool,
    color: bool | None,
    exit_zero: bool,
) -> None:
    """Check canvas files (YAML, JSON or TOML) or bundled examples.

    Prints one line per diagnostic (`file:line:col: CODE severity message [path]`) and a
    summary. Files that cannot be loaded are reported on stderr and give exit status 2.
    A FILE may also be written example:NAME.
    """
    if not files and not examples and not all_examples:
        with speaking(lang):
            raise click.UsageError(
                _("name at least one FILE, or use --example NAME or --all-examples.")
            )
    # The built-in rules and those of every active plugin, next to each other.
    active = active_plugins()
    rules = tuple(active.rules)
    # The configuration is read before any canvas: its mistakes speak --lang, else the
    # environment's language, and so does the "Error:" before them.
    with speaking(lang), errors_said_here():
        config = resolve_config(
            config_path, no_config, _split_codes(select), _split_codes(ignore), severities, rules
        )
        names = [*files, *(example_name(name) for name in _example_names(examples, all_examples))]
    outcomes = [_checked(name, config, active, lang) for name in names]
    result = CheckResult(tuple(checked for checked, _language in outcomes))
    languages = {language for _checked_file, language in outcomes if language is not None}
    shared = next(iter(languages)) if len(languages) == 1 else None

    with speaking(lang or (shared.value if shared is not None else None)):
        for problem in result.problems():
            click.echo(problem_line(problem), err=True)
        colored = use_color(color, sys.stdout) and output_format == "text"
        output = render(result, output_format, _selected_rules(config, rules), colored)
    if output:
        click.echo(output, color=colored)
    status = exit_status(result)
    if exit_zero and status == EXIT_ERRORS_FOUND:
        status = EXIT_OK
    sys.exit(status)
