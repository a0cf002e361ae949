"""The built-in rules as a plugin: registered through the ``cmc`` entry-point group.

Loading the built-in rules the way third-party rules are loaded proves that the public hook is
enough for them. :func:`cmc_core.rules.validate` does not need plugins and uses
:data:`~cmc_core.rules.BUILTIN_RULES` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# A plugin of your own writes `from cmc_core import hookimpl`: the same marker. The built-ins sit
# below the hook specifications, which name their types, so they take it from where it is made.
from cmc_core._markers import hookimpl
from cmc_core.rules.builtin import BUILTIN_RULES
from cmc_core.rules.engine import Rule, RuleSettings

__all__ = ["cmc_register_rules", "cmc_register_settings"]


@hookimpl
def cmc_register_rules(register: Callable[[Rule], None]) -> None:
    """Register the rules CMC001-CMC023."""
    for rule in BUILTIN_RULES:
        register(rule)


@hookimpl
def cmc_register_settings(register: Callable[[type[Any]], None]) -> None:
    """The rules' thresholds, settable in ``[tool.cmc.plugins.rules]`` like any plugin's
    settings (or, as before, at the top level of ``[tool.cmc]``)."""
    register(RuleSettings)
