"""The plugin switches of the ``cmc`` group and the plugin set every command shares.

Plugins load lazily, once per invocation, when a command first needs them (``cmc --help`` and
``cmc schema`` never load any). A plugin problem is printed as one warning on stderr and the run
carries on without that plugin; with ``--strict-plugins`` or ``CMC_STRICT_PLUGINS=1`` it is an
error with exit status 2. ``--no-plugins`` and the block list apply before any plugin is
imported, so they work even when a plugin is broken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cmc_core.cli._support import detail, terminal_safe, verbosity
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.plugins import Plugins, PluginSettings

__all__ = [
    "active_plugins",
    "loaded_plugins",
    "plugin_options",
    "plugin_settings",
    "store_plugin_settings",
]

F = TypeVar("F", bound=Callable[..., Any])
_ = Messages("cmc_core", "cli")
_SETTINGS_KEY = "cmc.plugin_settings"
_PLUGINS_KEY = "cmc.plugins"


class _CliLogHandler(logging.Handler):
    """Plugin warnings (and, when tracing, hook calls) as plain lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        if verbosity() == "quiet" and record.levelno < logging.ERROR:
            return  # cmc --quiet: a plugin left out is said by --strict-plugins, as an error
        outcome = getattr(record, "outcome", None)  # what the plugin set did about it
        message = f"{record.getMessage()}; {outcome}." if outcome else record.getMessage()
        if record.levelno >= logging.WARNING:
            line = _("Warning: {message}", message=message)
        else:
            line = f"trace: {message}"
        click.echo(terminal_safe(line), err=True)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def store_plugin_settings(
    ctx: click.Context,
    *,
    no_plugins: bool = False,
    allow: tuple[str, ...] = (),
    block: tuple[str, ...] = (),
    strict: bool = False,
    trace: bool = False,
    modules: tuple[Path, ...] = (),
) -> None:
    """Keep the group's plugin switches, on top of the environment's, for :func:`active_plugins`."""
    from cmc_core.plugins import PluginSettings

    settings = PluginSettings.from_environment().with_options(
        no_plugins=no_plugins,
        allow=_split(allow) if allow else None,
        block=_split(block),
        strict=strict,
        trace=trace,
        modules=tuple(str(module) for module in modules),
    )
    ctx.meta[_SETTINGS_KEY] = settings


def plugin_options(function: F) -> F:
    """Add the plugin switches to the ``cmc`` group (eager, so that ``cmc --plugin-module x
    --help`` lists the module's commands)."""
    options = [
        click.option(
            "--no-plugins",
            is_flag=True,
            is_eager=True,  # read before --help, which lists the plugins' commands
            help="Load no third-party plugin (the built-ins still load). Env: CMC_NO_PLUGINS=1.",
        ),
        click.option(
            "--plugins",
            "allow",
            multiple=True,
            metavar="NAMES",
            is_eager=True,  # read before --help, which lists the plugins' commands
            help="Load only these third-party plugins (entry-point or distribution names, "
            "comma-separated). Env: CMC_LOAD_PLUGINS.",
        ),
        click.option(
            "--block-plugins",
            "block",
            multiple=True,
            metavar="NAMES",
            is_eager=True,  # read before --help, which lists the plugins' commands
            help="Never load these plugins (a built-in too, by its entry-point name such as "
            "exporters). Env: CMC_BLOCK_PLUGINS.",
        ),
        click.option(
            "--strict-plugins",
            "strict",
            is_flag=True,
            is_eager=True,  # read before --help, which lists the plugins' commands
            help="Treat a broken plugin as an error (exit 2), not a warning. "
            "Env: CMC_STRICT_PLUGINS=1.",
        ),
        click.option(
            "--trace-plugins",
            "trace",
            is_flag=True,
            is_eager=True,  # read before --help, which lists the plugins' commands
            help="Log every plugin hook call with its time to stderr, and show the stack of a "
            "plugin that fails. Env: CMC_TRACE_PLUGINS=1.",
        ),
        click.option(
            "--plugin-module",
            "modules",
            multiple=True,
            metavar="PATH",
            type=click.Path(exists=True, path_type=Path),
            is_eager=True,  # read before --help, which lists the plugins' commands
            help="Also load this local plugin module (a .py file or a package folder) without "
            "installing it; repeat for more. Env: CMC_PLUGIN_MODULES. The configuration's "
            "plugin-modules load too.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def plugin_settings(ctx: click.Context) -> PluginSettings:
    """The plugin switches of this invocation: the environment's with the options on top."""
    settings: PluginSettings | None = ctx.meta.get(_SETTINGS_KEY)
    if settings is None:  # a command invoked on its own, outside the group (tests)
        from cmc_core.plugins import PluginSettings

        settings = PluginSettings.from_environment()
    return settings


def loaded_plugins(ctx: click.Context) -> Plugins | None:
    """The plugin set of this invocation if a command has loaded it, without loading it."""
    plugins: Plugins | None = ctx.find_root().meta.get(_PLUGINS_KEY)
    return plugins


def active_plugins(ctx: click.Context | None = None) -> Plugins:
    """The plugin set of this invocation, loaded on first use."""
    ctx = ctx or click.get_current_context()
    plugins: Plugins | None = ctx.meta.get(_PLUGINS_KEY)
    if plugins is None:
        settings = plugin_settings(ctx)
        logger = logging.getLogger("cmc.plugins")
        # One invocation, one handler: an earlier invocation in this process (an embedding app,
        # a test runner) that never closed its context must not make every warning show twice.
        for stale in [h for h in logger.handlers if isinstance(h, _CliLogHandler)]:
            logger.removeHandler(stale)
        handler = _CliLogHandler(logging.DEBUG if settings.trace else logging.WARNING)
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if settings.trace else logging.WARNING)
        logger.propagate = False
        ctx.call_on_close(lambda: logger.removeHandler(handler))
        plugins = settings.load(modules=_configured_modules(ctx))
        ctx.meta[_PLUGINS_KEY] = plugins
        _describe(plugins)
    return plugins


def _configured_modules(ctx: click.Context) -> tuple[str, ...]:
    """The local plugin modules the configuration file names (``plugin-modules``).

    A configuration file with a mistake is reported by the command that reads it for its
    rules, in the command's language; a command that reads no configuration of its own (``cmc
    plugins``) warns and carries on without the file's plugin modules.
    """
    from cmc_core.cli.project import project_config, reads_configuration
    from cmc_core.errors import CmcError

    try:
        project = project_config(ctx)
    except CmcError as error:
        if not reads_configuration(ctx):
            logging.getLogger("cmc.plugins").warning(
                "%s", error, extra={"outcome": _("carrying on without its plugin modules")}
            )
        return ()
    return project.plugin_modules if project is not None else ()


def _describe(plugins: Plugins) -> None:
    """``cmc --verbose``: which plugins this invocation loaded, and which it left out."""
    loaded = [info.name for info in plugins.infos if info.status == "loaded"]
    left_out = [f"{info.name} ({info.status})" for info in plugins.infos if info.status != "loaded"]
    detail(_("Plugins loaded: {names}.", names=", ".join(loaded) or "-"))
    if left_out:
        detail(_("Plugins left out: {names}.", names=", ".join(left_out)))
