"""The configuration file of one invocation, read once and shared by the plugins and the rules.

The configuration is read before the plugins load, because it may name local plugin modules
(``plugin-modules``), and checked against them afterwards, because it may hold their settings
(``[tool.cmc.plugins.NAME]``). A command with ``--config`` / ``--no-config``
(:func:`cmc_core.cli.configuring.config_options`) decides which file; any other command reads the
nearest one, as ``cmc check`` does without options.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.config import ProjectConfig

__all__ = ["project_config", "reads_configuration"]

_ = Messages("cmc_core", "cli")
_KEY = "cmc.project_config"


def _command_choice(ctx: click.Context) -> tuple[Path | None, bool]:
    """The ``--config`` and ``--no-config`` of the innermost command that has them."""
    current: click.Context | None = ctx
    while current is not None:
        if "config_path" in current.params or "no_config" in current.params:
            return current.params.get("config_path"), bool(current.params.get("no_config"))
        current = current.parent
    return None, False


def _may_have_configuration(start: Path) -> bool:
    """Whether a folder from ``start`` upwards holds a configuration: a ``cmc.toml``, or a
    ``pyproject.toml`` with a ``[tool.cmc]`` table (one that cannot be parsed counts, so that
    reading it reports the mistake). Reading one properly imports the rules (their
    thresholds), which ``cmc --help`` has no need of where there is nothing to read."""
    for directory in (start.resolve(), *start.resolve().parents):
        if (directory / "cmc.toml").is_file():
            return True
        try:
            data = (directory / "pyproject.toml").read_bytes()
        except OSError:
            continue
        if b"cmc" not in data:
            continue
        import tomllib  # only for a pyproject.toml that mentions cmc

        try:
            tool = tomllib.loads(data.decode("utf-8")).get("tool")
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError, RecursionError):
            return True
        if isinstance(tool, dict) and "cmc" in tool:
            return True
    return False


def reads_configuration(ctx: click.Context) -> bool:
    """Whether the command of ``ctx`` has ``--config`` (and so reports a broken file itself)."""
    current: click.Context | None = ctx
    while current is not None:
        if "config_path" in current.params or "no_config" in current.params:
            return True
        current = current.parent
    return False


def project_config(ctx: click.Context | None = None) -> ProjectConfig | None:
    """This invocation's configuration file, read on first use; ``None`` for none.

    :raises click.UsageError: ``--config`` and ``--no-config`` together.
    :raises cmc_core.config.ConfigError: a file that is no valid configuration (exit status 2).
    """
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    if _KEY in root.meta:
        found: ProjectConfig | None = root.meta[_KEY]
        return found
    config_path, no_config = _command_choice(ctx)
    if no_config and config_path is not None:
        raise click.UsageError(_("--config and --no-config cannot be used together."))
    found = None
    if config_path is not None:
        from cmc_core.config import read_project_config

        found = read_project_config(config_path)
    elif not no_config and _may_have_configuration(Path.cwd()):
        from cmc_core.config import find_project_config

        found = find_project_config(Path.cwd())
    root.meta[_KEY] = found
    return found
