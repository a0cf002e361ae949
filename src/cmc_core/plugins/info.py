"""Who a plugin is: the record kept for every plugin a plugin set knows about."""

from __future__ import annotations

import enum

import attrs

from cmc_core.translation import Messages

__all__ = ["PluginInfo", "PluginStatus"]

_ = Messages("cmc_core", "plugins")

#: The distribution that ships cmc itself; its entry points are the built-ins.
BUILTIN_DISTRIBUTION = "community-model-canvas"
#: The built-in plugin modules by module name, with their entry-point names, so that a
#: built-in passed in directly (``load_plugins([cmc_core.rules.plugin], entry_points=False)``)
#: is recognised as one.
BUILTIN_MODULES = {
    "cmc_core.rules.plugin": "rules",
    "cmc_core.questionnaires.plugin": "questionnaires",
    "cmc_core.scoring.plugin": "scorers",
    "cmc_exporters": "exporters",
}


class PluginStatus(enum.StrEnum):
    """What became of a plugin."""

    LOADED = "loaded"
    FAILED = "failed"  #: failed to import or raised in a hook; left out
    BLOCKED = "blocked"  #: left out by the block list, the allow list or ``--no-plugins``


@attrs.frozen
class PluginInfo:
    """A plugin and where it comes from.

    :param name: the entry-point name (``pptx``), or the module name of a plugin passed in
        directly.
    :param module: the module or object the plugin is (``cmc_pptx``).
    :param distribution: the installed distribution that declares it (``cmc-pptx``), or
        ``None`` for a plugin passed in directly.
    :param version: the distribution's version.
    :param status: whether it is loaded, failed or blocked.
    :param error: why it failed, when it did.
    :param path: the file of a local plugin module (``plugin-modules`` in the configuration,
        ``--plugin-module``), loaded without being installed.
    """

    name: str
    module: str
    distribution: str | None = None
    version: str | None = None
    status: PluginStatus = PluginStatus.LOADED
    error: str | None = None
    path: str | None = attrs.field(default=None, kw_only=True)

    @property
    def builtin(self) -> bool:
        """Whether this plugin ships with cmc itself."""
        return self.distribution == BUILTIN_DISTRIBUTION

    def describe(self) -> str:
        """``'pptx' (entry point in cmc-pptx 0.1.0)``: the plugin as messages name it."""
        if self.path is not None:
            return _("{name} (local module {path})", name=repr(self.name), path=self.path)
        if self.distribution is None:
            return _("{name} (module {module})", name=repr(self.name), module=self.module)
        version = f" {self.version}" if self.version else ""
        distribution = f"{self.distribution}{version}"
        return _(
            "{name} (entry point in {distribution})",
            name=repr(self.name),
            distribution=distribution,
        )

    def matches(self, selector: str) -> bool:
        """Whether an allow- or block-list entry names this plugin (entry point or distribution)."""
        wanted = _normalise(selector)
        names = {self.name, self.module}
        if self.path is not None:
            names.add(self.path)
        if self.distribution is not None:
            names.add(self.distribution)
        return wanted in {_normalise(name) for name in names}


def _normalise(name: str) -> str:
    # Distribution names compare case-insensitively with - _ . equivalent (as packaging does).
    return name.strip().lower().replace("_", "-").replace(".", "-")
