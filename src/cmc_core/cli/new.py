"""``cmc new``: write a commented starter canvas and say what it still misses."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cmc_core.cli._support import CliError, terminal_safe, use_color
from cmc_core.cli.check import validate_document
from cmc_core.cli.configuring import resolve_config
from cmc_core.cli.language import LANGUAGE_CHOICE
from cmc_core.diagnostics import Severity
from cmc_core.translation import Messages, environment_language, using_language

_ = Messages("cmc_core", "prompts")

__all__ = ["new"]

#: How many missing things ``cmc new`` lists before pointing at ``cmc check``.
NEW_MISSING_SHOWN = 12

#: A starter canvas misses most of a canvas by design: the list is guidance, not a failure.
NEW_EXIT_EPILOG = """\
\b
Exit status:
  0    the starter canvas was written (what it still misses is listed, not a failure)
  2    usage or I/O error: FILE exists without --force, or cannot be written
  130  interrupted
"""


@click.command(
    short_help="Write a commented starter canvas and list what is missing.",
    epilog=NEW_EXIT_EPILOG,
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    "language",
    type=LANGUAGE_CHOICE,
    default=None,
    help="Language of the canvas, its comments and guiding questions, and of what this command "
    "says. Default: CMC_LANG, else the locale, else English.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.option("--color/--no-color", default=None, help="Colour the list of what is missing.")
def new(*, file: Path, language: str | None, force: bool, color: bool | None) -> None:
    """Write a starter canvas to FILE, with every block's guiding question as a comment.

    The format follows the suffix (.cmc.yaml keeps the comments; .json and .toml are
    converted). Then lists what the canvas still misses, as `cmc check` would report it.
    """
    with using_language(language or environment_language()) as chosen:
        _new(file, chosen.value, force, color)


def _new(file: Path, language: str, force: bool, color: bool | None) -> None:
    """Write the starter and list what it misses, in ``language``."""
    from cmc_core.examples import starter_text
    from cmc_core.fileformat import dumps, format_for_path, loads, write_schema_beside
    from cmc_core.fileformat.atomic import write_atomic

    if file.exists() and not force:
        raise CliError(_("{path} already exists; use --force to overwrite it.", path=file))
    target_format = format_for_path(file)
    config = resolve_config(None, False)  # as `cmc check FILE` will; fails early
    text = starter_text(language)
    document = loads(text, "yaml", source=str(file))
    if target_format != "yaml":
        text = dumps(document.canvas, target_format)
        document = loads(text, target_format, source=str(file))
    write_atomic(file, text.encode("utf-8"))
    write_schema_beside(file)  # the file its $schema names, for editors (docs/file-format.md)

    report = validate_document(document, str(file), config)
    colored = use_color(color, sys.stdout)
    if target_format == "yaml":
        wrote = _(
            "Wrote {path}: a starter canvas ({language}) with the guiding questions as comments.",
            path=file,
            language=language,
        )
    else:
        wrote = _("Wrote {path}: a starter canvas ({language}).", path=file, language=language)
    click.echo(wrote)
    errors = report.errors
    if errors:
        heading = _.plural(
            "Still missing ({count} error):", "Still missing ({count} errors):", len(errors)
        )
        click.echo(click.style(heading, bold=True) if colored else heading, color=colored)
        for diagnostic in errors[:NEW_MISSING_SHOWN]:
            code = click.style(diagnostic.code, bold=True) if colored else diagnostic.code
            click.echo(f"  {code} {terminal_safe(diagnostic.message)}", color=colored)
        if len(errors) > NEW_MISSING_SHOWN:
            click.echo("  " + _("... and {count} more.", count=len(errors) - NEW_MISSING_SHOWN))
    warnings = _.plural("{count} warning", "{count} warnings", len(report.warnings))
    infos = _.plural("{count} info", "{count} infos", len(report.with_severity(Severity.INFO)))
    click.echo(
        _(
            "Run `cmc check {path}` for every diagnostic, with {warnings} and {infos}.",
            path=file,
            warnings=warnings,
            infos=infos,
        )
    )
