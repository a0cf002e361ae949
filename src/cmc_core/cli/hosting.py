"""What a plugin's command (``cmc_register_commands``) uses from the ``cmc`` it runs in.

A plugin command is a click command like ``cmc check``; inside it::

    from cmc_core.cli import hosting

    @click.command()
    @hosting.language_option("The language of the report.")
    @hosting.config_options                                  # --config PATH, --no-config
    def workshop(lang, config_path, no_config):
        with hosting.speaking(lang):                         # errors below in --lang too
            settings = hosting.plugin_config(WorkshopSettings)   # [tool.cmc.plugins.workshop]
            plugins = hosting.active_plugins()               # rules, scorers, exporters ...
            ...

The plugin set is the one of the invocation, built with the group's switches (``--no-plugins``,
``--plugin-module`` ...); the settings are read from the same configuration file ``cmc check``
would use (the one ``--config`` names, if the command takes :func:`config_options`) and checked
against the plugin's settings class, so a mistake in them is one line naming the file, line and
key, and exit status 2. ``--lang`` and ``--config`` are options of the command, after its name
(``cmc workshop --lang nl``), as for every command.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, TypeVar

import click

from cmc_core.cli.configuring import config_options
from cmc_core.cli.language import language_option, speaking
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.plugin_config import PluginConfig

__all__ = [
    "active_plugins",
    "config_options",
    "language_option",
    "plugin_commands",
    "plugin_config",
    "speaking",
]

T = TypeVar("T")
_ = Messages("cmc_core", "cli")
_CONFIG_KEY = "cmc.plugin_config"
_COMMANDS_KEY = "cmc.plugin_commands"
logger = logging.getLogger("cmc.plugins")


def _bound_config(ctx: click.Context) -> PluginConfig:
    root = ctx.find_root()
    bound: PluginConfig | None = root.meta.get(_CONFIG_KEY)
    if bound is None:
        from cmc_core.cli.project import project_config
        from cmc_core.plugin_config import PluginConfig

        project = project_config(ctx)
        plugins = active_plugins(ctx)
        bound = project.bind(plugins).plugins if project is not None else PluginConfig()
        root.meta[_CONFIG_KEY] = bound
    return bound


def plugin_config(settings_class: type[T], ctx: click.Context | None = None) -> T:
    """The settings of ``settings_class`` from this invocation's configuration file, checked,
    or its defaults when the file sets none (or there is no file).

    :raises cmc_core.config.ConfigError: a mistake in any plugin's table (exit status 2).
    """
    return _bound_config(ctx or click.get_current_context()).get(settings_class)


def plugin_commands(ctx: click.Context, builtin: frozenset[str]) -> dict[str, click.Command]:
    """The commands the active plugins add, by name, once per invocation.

    A command named like a built-in one is left out with a warning; a plugin that fails to
    load or to register its commands is left out the same way (an error only with
    ``--strict-plugins``), so that ``cmc --help`` and the built-in commands always work.
    """
    root = ctx.find_root()
    known: dict[str, click.Command] | None = root.meta.get(_COMMANDS_KEY)
    if known is not None:
        return known
    registry = active_plugins(root).commands
    commands: dict[str, click.Command] = {}
    for command in registry:
        name = command.name or ""
        if name in builtin:
            provider = registry.provider(name)
            logger.warning(
                "%s",
                _(
                    "plugin {plugin} registered a command {name}, which is built in; "
                    "carrying on without the plugin's",
                    plugin=provider.describe(),
                    name=repr(name),
                ),
            )
            continue
        commands[name] = command
    root.meta[_COMMANDS_KEY] = commands
    return commands
