"""Plugins: loading them safely and the registries of what they contribute.

::

    from cmc_core.plugins import load_plugins

    plugins = load_plugins()                      # built-ins and every installed plugin
    exporter = plugins.exporters.get("yaml")
    data = exporter.export_bytes(canvas)

    only_mine = load_plugins([my_plugin_module], entry_points=False)

The hooks are specified in :mod:`cmc_core.hookspecs`; the environment and command-line switches
(``CMC_STRICT_PLUGINS``, ``--no-plugins`` ...) in :mod:`cmc_core.plugins.settings`.
"""

from __future__ import annotations

from cmc_core.plugins.errors import (
    DuplicateNameError,
    InvalidContributionError,
    PluginError,
    PluginHookError,
    PluginLoadError,
    UnknownNameError,
)
from cmc_core.plugins.guard import IN_PLUGIN_CODE, CallOrigin, PluginCallError, call_error_of
from cmc_core.plugins.info import PluginInfo, PluginStatus
from cmc_core.plugins.plugin_set import OnError, Plugins, load_plugins
from cmc_core.plugins.registry import Registry
from cmc_core.plugins.settings import PluginSettings

__all__ = [
    "IN_PLUGIN_CODE",
    "CallOrigin",
    "DuplicateNameError",
    "InvalidContributionError",
    "OnError",
    "PluginCallError",
    "PluginError",
    "PluginHookError",
    "PluginInfo",
    "PluginLoadError",
    "PluginSettings",
    "PluginStatus",
    "Plugins",
    "Registry",
    "UnknownNameError",
    "call_error_of",
    "load_plugins",
]
