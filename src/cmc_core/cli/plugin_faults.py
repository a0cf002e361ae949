"""Keeping plugins' faults out of ``cmc``'s results: their stdout, their exceptions, their rules.

* What plugin code prints goes to stderr: while it runs (:data:`cmc_core.plugins.IN_PLUGIN_CODE`
  is set by the plugin set's guard) ``sys.stdout`` routes writes there, so that
  ``--format json`` or an export to stdout stays what ``cmc`` wrote.
* An exception from a plugin's exporter or scorer is one line naming it and exit status 2 (a
  tool failure, never 1, which means "the canvas has errors"); ``--traceback`` or
  ``CMC_TRACE_PLUGINS=1`` prints the stack first.
* A rule that raised has become an error of that rule in the report (the other rules ran); the
  command still ends with exit status 2, after its output, because the check is incomplete.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

import click

from cmc_core.cli._support import EXIT_USER_ERROR, CliError, terminal_safe
from cmc_core.cli.plugin_options import loaded_plugins, plugin_settings
from cmc_core.translation import Messages, using_language

if TYPE_CHECKING:
    from cmc_core.plugins import PluginCallError

__all__ = ["plugin_fault", "routed_stdout", "rules_checked", "show_tracebacks"]

_ = Messages("cmc_core", "cli")
_TRACEBACK_KEY = "cmc.traceback"


class _RoutedStdout:
    """``sys.stdout`` for the length of a command: plugin code's writes go to stderr."""

    def __init__(self, stdout: IO[Any], stderr: IO[Any]) -> None:
        self._stdout = stdout
        self._stderr = stderr

    def _target(self) -> IO[Any]:
        from cmc_core.plugins.guard import IN_PLUGIN_CODE

        return self._stderr if IN_PLUGIN_CODE.get() else self._stdout

    def write(self, text: Any) -> int:
        return self._target().write(text)

    def writelines(self, lines: Any) -> None:
        self._target().writelines(lines)

    def flush(self) -> None:
        self._target().flush()

    @property
    def buffer(self) -> Any:
        return getattr(self._target(), "buffer", None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stdout, name)


@contextlib.contextmanager
def routed_stdout() -> Iterator[None]:
    """Route plugin code's writes to ``sys.stdout`` to stderr while the block runs."""
    original = sys.stdout
    if original is None or isinstance(original, _RoutedStdout):
        yield
        return
    sys.stdout = _RoutedStdout(original, sys.stderr)
    try:
        yield
    finally:
        sys.stdout = original


def store_traceback_switch(ctx: click.Context, enabled: bool) -> None:
    """Remember ``--traceback`` for :func:`show_tracebacks`."""
    ctx.meta[_TRACEBACK_KEY] = enabled


def show_tracebacks(ctx: click.Context) -> bool:
    """Whether a plugin's stack is printed: ``--traceback``, or plugin tracing switched on."""
    return bool(ctx.meta.get(_TRACEBACK_KEY)) or plugin_settings(ctx).trace


def _echo_stack(error: BaseException) -> None:
    stack = "".join(traceback.format_exception(error))
    click.echo(terminal_safe(stack).rstrip("\n"), err=True)


def plugin_fault(error: Exception, ctx: click.Context) -> CliError | None:
    """The one-line error for an exception that plugin code raised, or ``None`` for any other."""
    from cmc_core.plugins import call_error_of

    failure = call_error_of(error)
    if failure is None:
        return None
    if show_tracebacks(ctx):
        _echo_stack(error)
    return CliError(str(failure) + _without_it(failure))


def _without_it(failure: PluginCallError) -> str:
    """How to do without a third-party plugin that fails (a built-in's failure is cmc's bug)."""
    plugin = failure.plugin
    if plugin.builtin:
        return ""
    name = plugin.distribution or plugin.name
    return " " + _("(cmc --block-plugins {name} ... does without the plugin)", name=name)


@contextlib.contextmanager
def rules_checked(ctx: click.Context) -> Iterator[None]:
    """After the command, however it ends: exit status 2 if a rule raised while it ran.

    The command's output is out by then, the failed rules' errors in it; stderr gets one line
    per failed rule. A status that already says the tool failed (2, or 130) is kept.
    """
    status: object = 0
    try:
        yield
    except click.exceptions.Exit as ending:
        status = ending.exit_code
        raise
    except SystemExit as ending:
        status = 0 if ending.code is None else ending.code
        raise
    except BaseException:
        status = None  # another error is on its way; it says enough
        raise
    finally:
        if status in (0, 1):
            _end_if_rules_failed(ctx)


def _end_if_rules_failed(ctx: click.Context) -> None:
    plugins = loaded_plugins(ctx)
    failures = plugins.call_errors if plugins is not None else ()
    if not failures:
        return
    with using_language(failures[0].language):  # the language the check was made in
        for failure in failures:
            if show_tracebacks(ctx) and failure.__cause__ is not None:
                _echo_stack(failure.__cause__)
            click.echo(_("Error: {message}", message=terminal_safe(str(failure))), err=True)
        click.echo(
            _("Error: not every rule could check the canvas, so cmc stops with exit status 2."),
            err=True,
        )
    raise click.exceptions.Exit(EXIT_USER_ERROR)
