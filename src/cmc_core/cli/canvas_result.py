"""The end of a ``cmc quickscan`` or ``cmc ask`` run: the canvas written and checked.

:func:`check_output` refuses an unusable output file before any question is asked;
:func:`write_canvas` writes the result atomically (keeping the comments of a starting YAML
canvas); :func:`check_written` loads it back and validates it with the rules ``cmc check``
would run, and :func:`echo_check` prints the errors and ``cmc check``'s summary line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cmc_core.cli._support import CliError, terminal_safe, use_color
from cmc_core.cli.output import CheckedFile, CheckResult, summary_line
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.fileformat import CanvasDocument

_ = Messages("cmc_core", "prompts")

__all__ = ["ERRORS_SHOWN", "check_output", "check_written", "echo_check", "write_canvas"]

#: How many error-level diagnostics are listed after a run before pointing at ``cmc check``.
ERRORS_SHOWN = 12


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
