"""The hook specifications of ``cmc``: the only points where plugins plug in.

Plugins implement these with ``from cmc_core import hookimpl``. The pluggy project name and the
entry-point group are both ``cmc``. Every hook is a *contribution hook*: it receives a
``register`` callable and calls it once per item it contributes. The host checks each item's type
and name as it is registered, and remembers which plugin registered it, so that duplicate names
and failures can name the plugin and its distribution.

How the hooks may evolve: pluggy passes only the arguments an implementation asks for, so new
arguments can be added to a hook without breaking existing plugins; an argument is never removed
or changes meaning within a major version. New hooks are added with a ``versionadded`` note.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

from cmc_core._markers import PROJECT_NAME, hookimpl

if TYPE_CHECKING:
    import click

    from cmc_core.exporting import Exporter
    from cmc_core.questionnaires.model import Questionnaire
    from cmc_core.rules.engine import Rule
    from cmc_core.scoring.contract import Scorer

__all__ = [
    "PROJECT_NAME",
    "cmc_register_commands",
    "cmc_register_exporters",
    "cmc_register_questionnaires",
    "cmc_register_rules",
    "cmc_register_scorers",
    "cmc_register_settings",
    "hookimpl",
    "hookspec",
]

#: Mark a function of this module as the specification of a ``cmc_*`` hook.
hookspec = pluggy.HookspecMarker(PROJECT_NAME)


@hookspec
def cmc_register_questionnaires(register: Callable[[Questionnaire], None]) -> None:
    """Contribute questionnaires: the quickscan, block questionnaires, or assessments of one's own.

    Called once per plugin each time a plugin set builds its questionnaire registry.

    :param register: call with each :class:`~cmc_core.questionnaires.Questionnaire`. Its
        ``name`` must be unique among all installed plugins, and its ``problems()`` must be
        empty (every binding a real canvas field, every question translated, every condition
        on an earlier question), or it is refused.
    :returns: nothing; the return value is ignored.

    .. versionadded:: 0.2
    """


@hookspec
def cmc_register_rules(register: Callable[[Rule], None]) -> None:
    """Contribute validation rules that ``cmc check`` and :func:`~cmc_core.validate` run.

    Called once per plugin each time a plugin set builds its rule registry.

    :param register: call with each :class:`~cmc_core.rules.Rule`. Its ``code`` must be unique
        and, for any plugin other than the built-in rules, must not start with ``CMC``: pick a
        prefix of your own, such as ``DW001`` for a digital-waste plugin.
    :returns: nothing; the return value is ignored.

    .. versionadded:: 0.2
    """


@hookspec
def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
    """Contribute scorers: dimensions of the community score card.

    Called once per plugin each time a plugin set builds its scorer registry.

    :param register: call with each :class:`~cmc_core.scoring.Scorer`. Its ``name`` must be
        unique among all installed plugins.
    :returns: nothing; the return value is ignored.

    .. versionadded:: 0.2
    """


@hookspec
def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Contribute exporters that ``cmc export --to NAME`` runs.

    Called once per plugin each time a plugin set builds its exporter registry.

    :param register: call with each :class:`~cmc_core.exporting.Exporter`. Its ``name`` must be
        unique among all installed plugins; it is what users pass to ``--to``.
    :returns: nothing; the return value is ignored.

    .. versionadded:: 0.2
    """


@hookspec
def cmc_register_settings(register: Callable[[type[Any]], None]) -> None:
    """Declare the plugin's settings, which a project sets in ``[tool.cmc.plugins.NAME]``.

    Called once per plugin when a configuration is checked against the plugins. ``NAME`` is the
    plugin's entry-point name (or its distribution's name; a local module's file stem).

    :param register: call once with an attrs class whose every field has a default and a type
        of ``bool``, ``int``, ``float``, ``str``, a ``Literal``, an enum, or a ``tuple`` or
        ``list`` of these. The host checks a project's table against it (unknown keys, wrong
        types, the class's own validators), naming the plugin, the key and the file and line,
        and gives the instance to the plugin's rules (``context.plugin_config(TheClass)``),
        scorers (the same, on the score context), exporters (on their options) and commands
        (:func:`cmc_core.cli.hosting.plugin_config`).
    :returns: nothing; the return value is ignored.

    .. versionadded:: 0.2
    """


@hookspec
def cmc_register_commands(register: Callable[[click.Command], None]) -> None:
    """Contribute ``cmc`` subcommands: ``cmc workshop ...`` from a workshop plugin.

    Called once per plugin when ``cmc`` lists its commands (``cmc --help``) or is given a
    command that is not built in. A plugin that fails here is named in a warning and left out;
    the built-in commands and ``cmc --help`` always work.

    :param register: call with each :class:`click.Command` (a :class:`click.Group` for a family
        of subcommands). Its name must not be a built-in command's, nor another plugin's.
        Inside the command, :mod:`cmc_core.cli.hosting` gives the plugin set, the plugin's
        settings and the ``--lang`` option that every command shares. An exception the command
        raises (other than click's own) is one line naming the plugin and exit status 2.
    :returns: nothing; the return value is ignored.

    .. versionadded:: 0.2
    """
