"""Errors of plugin loading and of the registries built from the hooks.

Every message names the plugin, its entry point and its distribution with its version, so that a
user knows which package to update, block or remove. Each error also inherits the builtin
exception a caller would naturally catch (``ImportError`` for a plugin that fails to import,
``LookupError`` for an unknown name).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from cmc_core.errors import CmcError

if TYPE_CHECKING:
    from cmc_core.plugins.info import PluginInfo

__all__ = [
    "DuplicateNameError",
    "InvalidContributionError",
    "PluginError",
    "PluginHookError",
    "PluginLoadError",
    "UnknownNameError",
]


class PluginError(CmcError):
    """A plugin could not be loaded or contributed something unusable.

    :param plugin: the plugin at fault.
    """

    def __init__(self, message: str, plugin: PluginInfo) -> None:
        super().__init__(message)
        self.plugin = plugin


class PluginLoadError(PluginError, ImportError):
    """A plugin's entry point failed to import; the cause is chained."""

    def __init__(self, plugin: PluginInfo, cause: BaseException) -> None:
        super().__init__(
            f"plugin {plugin.describe()} failed to load: {type(cause).__name__}: {cause}", plugin
        )


class PluginHookError(PluginError, RuntimeError):
    """A plugin raised inside one of its hooks; the cause is chained."""

    def __init__(self, plugin: PluginInfo, hook: str, cause: BaseException) -> None:
        super().__init__(
            f"plugin {plugin.describe()} raised in {hook}: {type(cause).__name__}: {cause}",
            plugin,
        )
        self.hook = hook


class InvalidContributionError(PluginError, TypeError):
    """A plugin registered something that does not meet the contract of its hook."""

    def __init__(self, plugin: PluginInfo, hook: str, reason: str) -> None:
        super().__init__(f"plugin {plugin.describe()} registered {reason} in {hook}", plugin)
        self.hook = hook


class DuplicateNameError(PluginError, ValueError):
    """Two plugins registered the same name; the message names both.

    :param kind: what was registered (``exporter``, ``rule`` ...).
    :param name: the name both registered.
    :param first: the plugin that registered it first.
    """

    def __init__(self, kind: str, name: str, first: PluginInfo, second: PluginInfo) -> None:
        if first == second:
            message = f"plugin {first.describe()} registered the {kind} {name!r} twice"
        else:
            builtin = next((p for p in (first, second) if p.builtin), None)
            other = second if builtin is first else first
            message = (
                f"the {kind} {name!r} is registered by two plugins: {first.describe()} and "
                f"{second.describe()}; uninstall or block one (--block-plugins "
                f"{_block_name(other)})"
            )
            if builtin is not None and not other.builtin:
                message += (
                    f", or block the built-in {builtin.name} (--block-plugins {builtin.name}) "
                    f"to use the plugin's {kind}s instead of every built-in one"
                )
        super().__init__(message, second)
        self.kind = kind
        self.name = name
        self.first = first
        self.second = second


def _block_name(plugin: PluginInfo) -> str:
    return plugin.name if plugin.builtin or plugin.distribution is None else plugin.distribution


class UnknownNameError(CmcError, LookupError):
    """No registered item has this name; the message suggests the closest and lists them all."""

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.known = tuple(sorted(known))
        message = f"there is no {kind} {name!r}"
        close = difflib.get_close_matches(name, self.known, n=1)
        message += f"; did you mean {close[0]!r}?" if close else "."
        if self.known:
            message += f" The {kind}s are: {', '.join(self.known)}."
        else:
            message += f" No {kind}s are installed."
        super().__init__(message)
