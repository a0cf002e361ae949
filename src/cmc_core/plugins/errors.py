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
from cmc_core.translation import N_, Messages, current_language

if TYPE_CHECKING:
    from cmc_core.plugins.info import PluginInfo

_ = Messages("cmc_core", "plugins")

#: What a registry holds, singular and plural, by the kind's label.
_KINDS = {
    "exporter": (N_("exporter"), N_("exporters")),
    "rule": (N_("rule"), N_("rules")),
    "scorer": (N_("scorer"), N_("scorers")),
    "questionnaire": (N_("questionnaire"), N_("questionnaires")),
    "settings": (N_("settings class"), N_("settings classes")),
    "command": (N_("command"), N_("commands")),
}


def kind_label(kind: str, plural: bool = False) -> str:
    """A registry's kind in the current language (a kind of a plugin's own as it is)."""
    forms = _KINDS.get(kind)
    if forms is None:
        return f"{kind}s" if plural else kind
    return _.translate(forms[1] if plural else forms[0])


#: What the plugin set does about two plugins that registered one name: it takes neither item.
_WITHOUT_EITHER = {
    "exporter": N_("carrying on without either exporter"),
    "rule": N_("carrying on without either rule"),
    "scorer": N_("carrying on without either scorer"),
    "questionnaire": N_("carrying on without either questionnaire"),
    "command": N_("carrying on without either command"),
}


def without_it() -> str:
    """What a warning about a plugin left out adds: ``carrying on without it``."""
    return _("carrying on without it")


def without_either(kind: str) -> str:
    """What a warning about a name two plugins registered adds, for a kind of item."""
    known = _WITHOUT_EITHER.get(kind)
    if known is not None:
        return _.translate(known)
    return _("carrying on without either {kind}", kind=kind or "item")


__all__ = [
    "DuplicateNameError",
    "InvalidContributionError",
    "PluginError",
    "PluginHookError",
    "PluginLoadError",
    "UnknownNameError",
]


def _error(cause: BaseException) -> str:
    """``ValueError: bad`` for an exception, as a message quotes it."""
    return f"{type(cause).__name__}: {cause}"


class PluginError(CmcError):
    """A plugin could not be loaded or contributed something unusable.

    :param plugin: the plugin at fault.
    """

    def __init__(self, message: str, plugin: PluginInfo) -> None:
        super().__init__(message)
        self.plugin = plugin
        #: The language the message was made in, for what is said around it later.
        self.language = current_language()


class PluginLoadError(PluginError, ImportError):
    """A plugin's entry point failed to import; the cause is chained."""

    def __init__(self, plugin: PluginInfo, cause: BaseException) -> None:
        error = _error(cause)
        super().__init__(
            _("plugin {plugin} failed to load: {error}", plugin=plugin.describe(), error=error),
            plugin,
        )


class PluginHookError(PluginError, RuntimeError):
    """A plugin raised inside one of its hooks; the cause is chained."""

    def __init__(self, plugin: PluginInfo, hook: str, cause: BaseException) -> None:
        error = _error(cause)
        super().__init__(
            _(
                "plugin {plugin} raised in {hook}: {error}",
                plugin=plugin.describe(),
                hook=hook,
                error=error,
            ),
            plugin,
        )
        self.hook = hook


class InvalidContributionError(PluginError, TypeError):
    """A plugin registered something that does not meet the contract of its hook."""

    def __init__(self, plugin: PluginInfo, hook: str, reason: str) -> None:
        super().__init__(
            _(
                "plugin {plugin} registered {reason} in {hook}",
                plugin=plugin.describe(),
                reason=reason,
                hook=hook,
            ),
            plugin,
        )
        self.hook = hook


class DuplicateNameError(PluginError, ValueError):
    """Two plugins registered the same name; the message names both.

    :param kind: what was registered (``exporter``, ``rule`` ...).
    :param name: the name both registered.
    :param first: the plugin that registered it first.
    """

    def __init__(self, kind: str, name: str, first: PluginInfo, second: PluginInfo) -> None:
        if first == second:
            message = _(
                "plugin {plugin} registered the {kind} {name} twice",
                plugin=first.describe(),
                kind=kind_label(kind),
                name=repr(name),
            )
        else:
            builtin = next((p for p in (first, second) if p.builtin), None)
            other = second if builtin is first else first
            fields = {
                "kind": kind_label(kind),
                "name": repr(name),
                "first": first.describe(),
                "second": second.describe(),
                "block": _block_name(other),
            }
            if builtin is not None and not other.builtin:
                message = _(
                    "the {kind} {name} is registered by two plugins: {first} and {second}; "
                    "uninstall or block one (--block-plugins {block}), or block the built-in "
                    "{builtin} (--block-plugins {builtin}) to use the plugin's {kinds} instead "
                    "of every built-in one",
                    builtin=builtin.name,
                    kinds=kind_label(kind, True),
                    **fields,
                )
            else:
                message = _(
                    "the {kind} {name} is registered by two plugins: {first} and {second}; "
                    "uninstall or block one (--block-plugins {block})",
                    **fields,
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
        close = difflib.get_close_matches(name, self.known, n=1)
        if close:
            message = _(
                "there is no {kind} {name}; did you mean {close}?",
                kind=kind_label(kind),
                name=repr(name),
                close=repr(close[0]),
            )
        else:
            message = _("there is no {kind} {name}.", kind=kind_label(kind), name=repr(name))
        if self.known:
            message += " " + _(
                "The {kinds} are: {names}.",
                kinds=kind_label(kind, True),
                names=", ".join(self.known),
            )
        else:
            message += " " + _("No {kinds} are installed.", kinds=kind_label(kind, True))
        super().__init__(message)
