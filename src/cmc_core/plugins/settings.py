"""The switches that decide which plugins load: environment variables and their CLI twins.

==========================  ========================  ======================================
Environment                 Command line              Effect
==========================  ========================  ======================================
``CMC_NO_PLUGINS=1``        ``--no-plugins``          load no third-party plugin
``CMC_LOAD_PLUGINS=a,b``    ``--plugins a,b``         load only these third-party plugins
``CMC_BLOCK_PLUGINS=a,b``   ``--block-plugins a,b``   never load these
``CMC_STRICT_PLUGINS=1``    ``--strict-plugins``      a plugin problem is an error (exit 2)
``CMC_TRACE_PLUGINS=1``     ``--trace-plugins``       log every hook call with its time
``CMC_SLOW_PLUGIN_SECONDS``                           name plugin code still running after
                                                      this many seconds (default 5; 0: never)
``CMC_PLUGIN_MODULES=a:b``  ``--plugin-module PATH``  also load these local plugin modules
                                                      (paths separated as in ``PATH``)
==========================  ========================  ======================================

The built-ins (the distribution ``community-model-canvas`` itself) load unless blocked by
entry-point name (``exporters``, ``rules``, ``scorers``, ``questionnaires``); an allow list and
``--no-plugins`` never leave them out. In strict mode every registry is built at once, so that a
broken plugin fails the command whatever kind of thing it contributes.

Plugins are named by entry-point name (``pptx``) or distribution name (``cmc-pptx``). The command
line adds to the environment: a block list from both applies, and ``--no-plugins`` wins.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping

import attrs

from cmc_core.plugins.local import local_plugin_info
from cmc_core.plugins.plugin_set import Plugins, load_plugins

__all__ = ["PluginSettings"]

_TRUE = frozenset({"1", "true", "yes", "on"})
#: Plugin code still running after this many seconds is named in a warning.
DEFAULT_SLOW_AFTER = 5.0


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().lower() in _TRUE


def _seconds(text: str | None) -> float | None:
    """``CMC_SLOW_PLUGIN_SECONDS``: seconds, ``0`` for never; anything unusable, the default."""
    if text is None or not text.strip():
        return DEFAULT_SLOW_AFTER
    try:
        seconds = float(text)
    except ValueError:
        return DEFAULT_SLOW_AFTER
    if math.isnan(seconds) or seconds < 0:
        return DEFAULT_SLOW_AFTER
    return None if seconds == 0 or math.isinf(seconds) else seconds


def _names(text: str | None) -> tuple[str, ...]:
    if text is None:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


@attrs.frozen
class PluginSettings:
    """Which plugins to load and how strictly.

    :param no_plugins: load no third-party plugin (local plugin modules included).
    :param allow: the only third-party plugins to load; ``None`` means all.
    :param block: third-party plugins never to load.
    :param strict: raise on the first plugin problem instead of warning.
    :param trace: log every hook call.
    :param slow_after: seconds after which plugin code still running is named in a warning;
        ``None`` never warns.
    :param modules: files of local plugin modules to load besides the installed plugins
        (:mod:`cmc_core.plugins.local`).
    """

    no_plugins: bool = False
    allow: tuple[str, ...] | None = None
    block: tuple[str, ...] = ()
    strict: bool = False
    trace: bool = False
    slow_after: float | None = DEFAULT_SLOW_AFTER
    modules: tuple[str, ...] = ()

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
            slow_after=_seconds(env.get("CMC_SLOW_PLUGIN_SECONDS")),
            modules=tuple(p for p in env.get("CMC_PLUGIN_MODULES", "").split(os.pathsep) if p),
        )

    def with_options(
        self,
        *,
        no_plugins: bool = False,
        allow: Iterable[str] | None = None,
        block: Iterable[str] = (),
        strict: bool = False,
        trace: bool = False,
        modules: Iterable[str] = (),
    ) -> PluginSettings:
        """These settings with command-line options added on top."""
        chosen = self.allow if allow is None else tuple(allow)
        return PluginSettings(
            no_plugins=self.no_plugins or no_plugins,
            allow=chosen,
            block=(*self.block, *block),
            strict=self.strict or strict,
            trace=self.trace or trace,
            slow_after=self.slow_after,
            modules=(*self.modules, *modules),
        )

    def load(self, plugins: Iterable[object] = (), modules: Iterable[str] = ()) -> Plugins:
        """Build a plugin set with these settings; problems warn unless :attr:`strict`.

        :param plugins: plugin objects to register besides the installed ones.
        :param modules: local plugin modules to load besides :attr:`modules` (those a
            configuration file names).

        :raises PluginError: in strict mode, for the first plugin problem of any kind.
        """
        every_module = (*self.modules, *modules)
        block = self.block
        if self.no_plugins:  # local plugin modules too: recorded as blocked, not forgotten
            block = (*block, *(local_plugin_info(module).name for module in every_module))
        plugin_set = load_plugins(
            plugins,
            allow=() if self.no_plugins else self.allow,
            block=block,
            on_error="raise" if self.strict else "warn",
            trace=self.trace,
            slow_after=self.slow_after,
            modules=every_module,
        )
        if self.strict:
            plugin_set.build_all()
        return plugin_set
