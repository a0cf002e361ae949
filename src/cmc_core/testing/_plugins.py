"""A plugin set holding only the plugins a test names."""

from __future__ import annotations

from cmc_core.plugins import Plugins, load_plugins
from cmc_core.rules import plugin as builtin_rules

__all__ = ["make_plugins"]


def make_plugins(*plugins: object, builtins: bool = False) -> Plugins:
    """A fresh plugin set holding only ``plugins``, whatever is installed.

    Entry points are not read, so the test sees neither other installed plugins nor the
    built-ins unless asked. Problems raise (``on_error="raise"``), so a broken plugin fails the
    test with the error a user would see.

    :param plugins: plugin objects, usually modules with ``@hookimpl`` functions.
    :param builtins: also hold the built-in rules (:mod:`cmc_core.rules.plugin`), to check that
        a plugin's rule codes and names do not clash with them.
    """
    chosen: list[object] = list(plugins)
    if builtins:
        chosen.insert(0, builtin_rules)
    return load_plugins(chosen, entry_points=False)
