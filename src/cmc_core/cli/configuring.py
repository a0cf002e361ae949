"""The project configuration, read one way by every command that validates or scores.

``cmc check``, ``cmc score`` and ``cmc export`` take ``--config PATH`` and ``--no-config``
(:func:`config_options`) and read the configuration with :func:`resolve_config`: the file named,
else the nearest ``cmc.toml`` or ``pyproject.toml`` with ``[tool.cmc]`` from the current
directory upwards; ``cmc check``'s ``--select``, ``--ignore`` and ``--severity`` go on top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import click

from cmc_core.cli._support import detail, did_you_mean
from cmc_core.diagnostics import Severity
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.config import ProjectConfig
    from cmc_core.plugins import Plugins
    from cmc_core.rules import Rule, ValidationConfig

__all__ = ["config_options", "resolve_config"]

F = TypeVar("F", bound=Callable[..., Any])

_ = Messages("cmc_core", "cli")


def config_options(function: F) -> F:
    """Add ``--config PATH`` and ``--no-config`` to a command, as its arguments ``config_path``
    and ``no_config``, which :func:`cmc_core.cli.hosting.plugin_config` and the built-in
    commands follow."""
    options = [
        click.option(
            "--config",
            "config_path",
            metavar="PATH",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Configuration file (cmc.toml or pyproject.toml with [tool.cmc]). "
            "Default: the nearest one from the current directory upwards.",
        ),
        click.option("--no-config", is_flag=True, help="Ignore configuration files."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _check_codes(option: str, codes: Iterable[str], known: Sequence[str], exact: bool) -> None:
    """Refuse a code (or, unless ``exact``, a code prefix) that names no rule."""
    for code in codes:
        matches = code in known if exact else any(k.startswith(code) for k in known)
        if not matches:
            raise click.BadParameter(
                _("{code} names no rule.", code=repr(code)) + did_you_mean(code, known),
                param_hint=option,
            )


def _active_rules() -> Sequence[Rule] | None:
    """The rules of this invocation's plugins (built-ins included), or ``None`` outside one."""
    if click.get_current_context(silent=True) is None:
        return None
    from cmc_core.cli.plugin_options import active_plugins

    return tuple(active_plugins().rules)


def _check_file_codes(config: ValidationConfig, known: Sequence[str], source: str | None) -> None:
    """Refuse a code in a configuration file that names no rule, as the options do: a
    ``select`` of a code nobody has would silently turn every rule off."""
    from cmc_core.config import ConfigError

    selection = config.selection
    listed = [("select", c, False) for c in selection.select]
    listed += [("ignore", c, False) for c in selection.ignore]
    listed += [(f"severity.{c}", c, True) for c, _level in selection.severities]
    for key, code, exact in listed:
        if not (code in known if exact else any(k.startswith(code) for k in known)):
            message = _("{code} names no rule.", code=repr(code)) + did_you_mean(code, known)
            raise ConfigError(message, key=key, source=source)


def _project(config_path: Path | None, no_config: bool) -> ProjectConfig | None:
    """The configuration file: this invocation's, or (outside one) the one the options name."""
    from cmc_core.cli.project import project_config
    from cmc_core.config import find_project_config, read_project_config

    if click.get_current_context(silent=True) is not None:
        return project_config()
    if config_path is not None:
        return read_project_config(config_path)
    return None if no_config else find_project_config(Path.cwd())


def _bound_plugins() -> Plugins | None:
    """The plugins a configuration's plugin tables are checked against: this invocation's."""
    if click.get_current_context(silent=True) is None:
        return None
    from cmc_core.cli.plugin_options import active_plugins

    return active_plugins()


def resolve_config(  # noqa: PLR0917 - mirrors cmc check's options
    config_path: Path | None,
    no_config: bool,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    severities: tuple[tuple[str, Severity], ...] = (),
    rules: Sequence[Rule] | None = None,
) -> ValidationConfig:
    """The validation configuration: the config file's, then the command line's choices.

    ``--select`` replaces the file's selection, ``--ignore`` adds to its ignores and
    ``--severity`` overrides the file's level for the same code. Codes are checked against
    ``rules`` (the built-in rules when ``None``).

    :raises click.UsageError: ``--config`` and ``--no-config`` together.
    :raises click.BadParameter: a code that names no rule.
    :raises cmc_core.config.ConfigError: a configuration file with an unknown key or a bad
        value (exit status 2, like every :class:`~cmc_core.errors.CmcError`).
    """
    from cmc_core.rules import BUILTIN_RULES, ValidationConfig

    if no_config and config_path is not None:
        raise click.UsageError(_("--config and --no-config cannot be used together."))
    if rules is None:
        rules = _active_rules()
    known = [rule.code for rule in (BUILTIN_RULES if rules is None else rules)]
    _check_codes("--select", select, known, exact=False)
    _check_codes("--ignore", ignore, known, exact=False)
    _check_codes("--severity", (code for code, _level in severities), known, exact=True)

    config = ValidationConfig()
    source: str | None = None
    project = _project(config_path, no_config)
    if project is not None:
        config, source = project.bind(_bound_plugins()), str(project.source)
    _check_file_codes(config, known, source)
    if source is not None:
        detail(_("Configuration: {file}.", file=source))
    elif no_config:
        detail(_("Configuration: none (--no-config)."))
    else:
        detail(_("Configuration: none found; the defaults apply."))
    selection = config.selection
    if select:
        selection = attrs.evolve(selection, select=select)
    if ignore:
        selection = attrs.evolve(selection, ignore=(*selection.ignore, *ignore))
    if severities:
        merged = dict(selection.severities) | dict(severities)
        selection = attrs.evolve(selection, severities=tuple(sorted(merged.items())))
    return attrs.evolve(config, selection=selection)
