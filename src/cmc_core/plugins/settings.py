"""The switches that decide which plugins load: environment variables and their CLI twins.

==========================  ========================  ======================================
Environment                 Command line              Effect
==========================  ========================  ======================================
``CMC_NO_PLUGINS=1``        ``--no-plugins``          load no third-party plugin
``CMC_LOAD_PLUGINS=a,b``    ``--plugins a,b``         load only these third-party plugins
``CMC_BLOCK_PLUGINS=a,b``   ``--block-plugins a,b``   never load these
``CMC_STRICT_PLUGINS=1``    ``--strict-plugins``      a plugin problem is an error (exit 2)
``CMC_TRACE_PLUGINS=1``     ``--trace-plugins``       log every hook call (``cmc.plugins``)
==========================  ========================  ======================================

The built-ins (the distribution ``cmc`` itself) always load.

Plugins are named by entry-point name (``pptx``) or distribution name (``cmc-pptx``). The command
line adds to the environment: a block list from both applies, and ``--no-plugins`` wins.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

import attrs

from cmc_core.plugins.plugin_set import Plugins, load_plugins

__all__ = ["PluginSettings"]

_TRUE = frozenset({"1", "true", "yes", "on"})


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().lower() in _TRUE


def _names(text: str | None) -> tuple[str, ...]:
    if text is None:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


@attrs.frozen
class PluginSettings:
    """Which plugins to load and how strictly.

    :param no_plugins: load no third-party plugin.
    :param allow: the only third-party plugins to load; ``None`` means all.
    :param block: third-party plugins never to load.
    :param strict: raise on the first plugin problem instead of warning.
    :param trace: log every hook call.
    """

    no_plugins: bool = False
    allow: tuple[str, ...] | None = None
    block: tuple[str, ...] = ()
    strict: bool = False
    trace: bool = False

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> PluginSettings:
        """Read the ``CMC_*_PLUGINS`` variables (of ``os.environ`` by default)."""
        env = os.environ if environ is None else environ
        load = env.get("CMC_LOAD_PLUGINS")
        return cls(
            no_plugins=_flag(env, "CMC_NO_PLUGINS"),
            allow=_names(load) if load is not None else None,
            block=_names(env.get("CMC_BLOCK_PLUGINS")),
            strict=_flag(env, "CMC_STRICT_PLUGINS"),
            trace=_flag(env, "CMC_TRACE_PLUGINS"),
        )

    def with_options(
        self,
        *,
        no_plugins: bool = False,
        allow: Iterable[str] | None = None,
        block: Iterable[str] = (),
        strict: bool = False,
        trace: bool = False,
    ) -> PluginSettings:
        """These settings with command-line options added on top."""
        chosen = self.allow if allow is None else tuple(allow)
        return PluginSettings(
            no_plugins=self.no_plugins or no_plugins,
            allow=chosen,
            block=(*self.block, *block),
            strict=self.strict or strict,
            trace=self.trace or trace,
        )

    def load(self, plugins: Iterable[object] = ()) -> Plugins:
        """Build a plugin set with these settings; problems warn unless :attr:`strict`."""
        return load_plugins(
            plugins,
            allow=() if self.no_plugins else self.allow,
            block=self.block,
            on_error="raise" if self.strict else "warn",
            trace=self.trace,
        )
