"""The settings of the plugins of one run, each looked up by the class that declares it.

A plugin declares its settings as an attrs class whose every field has a default (through the
``cmc_register_settings`` hook); a project sets them in ``[tool.cmc.plugins.NAME]`` of its
``pyproject.toml`` or ``[plugins.NAME]`` of its ``cmc.toml``. The host checks the table against
the class (:meth:`cmc_core.config.ProjectConfig.bind`) and hands the resulting instances to the
run: a rule reads them with ``context.plugin_config(TheClass)``, a scorer the same way on its
score context, an exporter on its export options. A plugin whose table is absent gets its
defaults, so a rule never has to ask whether it was configured.
"""

from __future__ import annotations

from typing import TypeVar

import attrs

__all__ = ["PluginConfig"]

T = TypeVar("T")


@attrs.frozen
class PluginConfig:
    """The checked settings of every configured plugin of a run: one instance per class.

    :param values: instances of the plugins' settings classes, as the configuration set them.
    """

    values: tuple[object, ...] = ()

    def get(self, settings_class: type[T]) -> T:
        """The configured instance of ``settings_class``, else one with its defaults.

        :raises TypeError: when ``settings_class`` cannot be built from its defaults (a settings
            class must give every field a default; the host refuses one that does not).
        """
        for value in self.values:
            if type(value) is settings_class:
                return value
        return settings_class()

    def with_value(self, value: object) -> PluginConfig:
        """These settings with ``value`` in place of any earlier instance of its class."""
        kept = tuple(v for v in self.values if type(v) is not type(value))
        return PluginConfig((*kept, value))
