"""The ``cmc`` command line: a thin layer of click commands over the :mod:`cmc_core` library.

The commands hold no domain logic; they parse options, call the library and format what it
returns. Heavy modules (the YAML parser, the rules) are imported inside the commands, so
``cmc --help`` starts fast. ``import cmc_core`` never imports this package.

User errors never show a traceback: :class:`CmcGroup` turns the library's
:class:`~cmc_core.errors.CmcError`, file-system errors and exceptions from a plugin's code into
one message on stderr and exit status 2 (see :mod:`cmc_core.cli.plugin_faults`). Anything else is
a bug of cmc and propagates.

``--quiet`` and ``--verbose`` are the group's: they set how much every command says on stderr
(:func:`cmc_core.cli._support.note` and :func:`~cmc_core.cli._support.detail`). Shell completion
is click's (``_CMC_COMPLETE=bash_source cmc``); it lists the commands without importing them and
imports only the command whose options are being completed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

import click

from cmc_core import __version__
from cmc_core.cli._support import (
    EXIT_CODES_EPILOG,
    EXIT_INTERRUPTED,
    CliError,
    as_cli_error,
    store_verbosity,
)
from cmc_core.cli.plugin_faults import (
    plugin_fault,
    routed_stdout,
    rules_checked,
    store_traceback_switch,
)
from cmc_core.cli.plugin_options import plugin_options, store_plugin_settings
from cmc_core.errors import CmcError
from cmc_core.translation import Messages

_ = Messages("cmc_core", "cli")

__all__ = ["CmcGroup", "cli", "main"]


CONTEXT_SETTINGS: dict[str, Any] = {
    "help_option_names": ["-h", "--help"],
    "max_content_width": 100,
}


def describe_os_error(error: OSError) -> str:
    """``FILE: reason`` for a file-system error, such as ``x.yaml: No such file or directory``."""
    from cmc_core.fileformat.wording import os_reason

    reason = os_reason(error)
    return f"{error.filename}: {reason}" if error.filename is not None else reason


class CmcGroup(click.Group):
    """The ``cmc`` group: turns user errors raised by any subcommand into exit status 2.

    Besides its own commands it offers those the plugins add (``cmc_register_commands``). The
    plugins are loaded for that only when a name is not a built-in command, or when the commands
    are listed (``cmc --help``); a plugin's command never replaces a built-in one.
    """

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A built-in command, else a plugin's."""
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        return self._plugin_commands(ctx, listing=False).get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The built-in commands and the plugins', sorted."""
        return sorted({*super().list_commands(ctx), *self._plugin_commands(ctx, listing=True)})

    def _plugin_commands(self, ctx: click.Context, *, listing: bool) -> dict[str, click.Command]:
        from cmc_core.cli.hosting import plugin_commands

        # Commands are looked up before the group's callback runs: store its switches now,
        # so that --no-plugins, --plugin-module ... apply to the plugins that add commands.
        # ``cmc --plugin-module x --help`` works because the switches are eager options, read
        # before --help when they come first; the ones not given are missing then.
        given = {switch: ctx.params[switch] for switch in _PLUGIN_SWITCHES if switch in ctx.params}
        store_plugin_settings(ctx, **given)
        if ctx.params.get("quiet") and not ctx.params.get("verbose"):
            store_verbosity(ctx, "quiet")  # -q hides the plugins' warnings here too
        try:
            return plugin_commands(ctx, frozenset(self.commands))
        except CmcError as error:  # a strict plugin set: cmc --help lists the built-ins still
            if not listing:
                raise
            click.echo(_("Error: {message}", message=error), err=True)
            return {}

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; map library, file and plugin errors to :class:`CliError`."""
        try:
            with routed_stdout(), rules_checked(ctx):
                return super().invoke(ctx)
        except KeyboardInterrupt:
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except CmcError as error:
            raise as_cli_error(error) from None
        except BrokenPipeError:
            raise  # click ends quietly when the reader of stdout has gone away
        except OSError as error:
            fault = plugin_fault(error, ctx)
            raise (fault or CliError(describe_os_error(error))) from None
        except click.exceptions.ClickException:
            raise
        except Exception as error:
            fault = plugin_fault(error, ctx)
            if fault is None:
                raise
            raise fault from None


@click.group("cmc", cls=CmcGroup, context_settings=CONTEXT_SETTINGS, epilog=EXIT_CODES_EPILOG)
@click.version_option(
    __version__, "-V", "--version", prog_name="cmc", message="%(prog)s %(version)s"
)
@plugin_options
@click.option(
    "--traceback",
    is_flag=True,
    help="Show the stack when a plugin's code fails, not only the one-line message.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Say nothing on stderr but errors: no notes, no progress, no plugin warnings.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Say more on stderr: the configuration file, the plugins and the language used.",
)
@click.pass_context
def cli(
    ctx: click.Context, /, traceback: bool, quiet: bool, verbose: bool, **plugin_switches: Any
) -> None:
    """Design and check Community Model Canvases: business communities in which several
    independent suppliers and demanders coordinate over a shared commonality.

    \b
    Start with:
      cmc new canvas.cmc.yaml     write a commented starter canvas
      cmc check canvas.cmc.yaml   check it against the rules of a business community
      cmc rule CMC001             explain a rule
    """
    if quiet and verbose:
        raise click.UsageError(_("--quiet and --verbose cannot be used together."))
    store_verbosity(ctx, "quiet" if quiet else "verbose" if verbose else "normal")
    store_plugin_settings(ctx, **plugin_switches)
    store_traceback_switch(ctx, traceback)


#: The group's options that decide which plugins load (:mod:`cmc_core.cli.plugin_options`).
_PLUGIN_SWITCHES = ("no_plugins", "allow", "block", "strict", "trace", "modules")

#: Every command, by name, with the module and attribute that define it. A command's module is
#: imported only when the command is looked up, so ``cmc check`` does not pay for ``cmc ask``.
_COMMANDS = {
    "check": "cmc_core.cli.check:check",
    "new": "cmc_core.cli.new:new",
    "quickscan": "cmc_core.cli.ask:quickscan",
    "ask": "cmc_core.cli.ask:ask",
    "diff": "cmc_core.cli.diff:diff",
    "rules": "cmc_core.cli.commands:rules",
    "rule": "cmc_core.cli.commands:rule",
    "examples": "cmc_core.cli.commands:examples",
    "score": "cmc_core.cli.score:score",
    "schema": "cmc_core.cli.commands:schema",
    "convert": "cmc_core.cli.commands:convert",
    "export": "cmc_core.cli.plugin_commands:export",
    "plugins": "cmc_core.cli.plugin_commands:plugins",
}


class _LazyCommands(MutableMapping[str, click.Command]):
    """The group's commands: names known at once, each command imported on first access.

    click looks commands up with ``get`` and lists them by iterating the keys, so ``cmc check``
    imports the module of ``check`` only; ``cli.commands.items()`` still gives every command.
    """

    def __init__(self, where: dict[str, str]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, _colon, attribute = self._where[name].partition(":")
            command: click.Command = getattr(importlib.import_module(module), attribute)
            self._loaded[name] = command
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.pop(name, None)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._where and name not in self._loaded:
            raise KeyError(name)
        self._where.pop(name, None)
        self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter({**self._where, **self._loaded})

    def __len__(self) -> int:
        return len({**self._where, **self._loaded})


cli.commands = _LazyCommands(_COMMANDS)


def main(argv: list[str] | None = None) -> None:
    """The console-script entry point: run ``cmc`` and exit with its status."""
    cli.main(args=argv, prog_name="cmc")
