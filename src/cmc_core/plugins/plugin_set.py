"""The plugin set: a fresh pluggy manager and the registries built from its hooks.

Nothing is loaded when :mod:`cmc_core` is imported. Each call of :func:`load_plugins` builds a
new manager, so that tests and embedding applications decide exactly which plugins are active.
Registries are built on first use and then kept; each hook is called once per plugin, so that a
plugin raising in a hook, or registering something invalid, is named and left out on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pluggy

from cmc_core import hookspecs
from cmc_core.plugins.contributions import KINDS, Kind
from cmc_core.plugins.errors import InvalidContributionError, PluginError, PluginHookError
from cmc_core.plugins.info import PluginInfo, PluginStatus
from cmc_core.plugins.loading import LoadedPlugin, register_all
from cmc_core.plugins.registry import Registry

if TYPE_CHECKING:
    from cmc_core.exporting import Exporter
    from cmc_core.questionnaires.model import Questionnaire
    from cmc_core.rules.engine import Rule
    from cmc_core.scoring.contract import Scorer

__all__ = ["OnError", "Plugins", "load_plugins"]

#: ``"raise"``: the first plugin problem raises (the library's default). ``"warn"``: problems
#: are collected in :attr:`Plugins.problems` and the plugin at fault is left out (the CLI's).
OnError = Literal["raise", "warn"]

logger = logging.getLogger("cmc.plugins")


class _Manager(pluggy.PluginManager):
    """A pluggy manager that looks only at ``cmc_*`` attributes of a plugin.

    pluggy inspects every attribute of a plugin module to find hook implementations; a plugin
    module imports many names, so looking only at the hook prefix (as pytest does) makes
    registering a plugin several times cheaper. A misspelt hook keeps the prefix, so
    ``check_pending`` still reports it.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if not name.startswith(_HOOK_PREFIX):
            return None
        return super().parse_hookimpl_opts(plugin, name)


_HOOK_PREFIX = hookspecs.PROJECT_NAME + "_"


class Plugins:
    """The active plugins and what they registered.

    Build one with :func:`load_plugins`. The registries (:attr:`exporters`, :attr:`rules`,
    :attr:`scorers`, :attr:`questionnaires`) are built on first access. Two plugins registering
    the same name raise :class:`~cmc_core.plugins.DuplicateNameError` whatever ``on_error`` says.
    """

    def __init__(
        self,
        manager: pluggy.PluginManager,
        loaded: list[LoadedPlugin],
        records: list[PluginInfo],
        problems: list[PluginError],
        on_error: OnError,
    ) -> None:
        self.manager = manager
        self._loaded = loaded
        self._records = records
        self._problems = problems
        self._on_error = on_error

    @property
    def infos(self) -> tuple[PluginInfo, ...]:
        """Every plugin this set knows of: loaded, failed and blocked, built-ins first."""
        return tuple(self._records)

    @property
    def problems(self) -> tuple[PluginError, ...]:
        """What went wrong so far (only with ``on_error="warn"``; otherwise it was raised)."""
        return tuple(self._problems)

    @cached_property
    def exporters(self) -> Registry[Exporter]:
        """The exporters, by name."""
        return self._build(KINDS["exporters"])

    @cached_property
    def rules(self) -> Registry[Rule]:
        """The validation rules, by code."""
        return self._build(KINDS["rules"])

    @cached_property
    def scorers(self) -> Registry[Scorer]:
        """The scorers, by name."""
        return self._build(KINDS["scorers"])

    @cached_property
    def questionnaires(self) -> Registry[Questionnaire]:
        """The questionnaires, by name."""
        return self._build(KINDS["questionnaires"])

    def registry(self, kind: str) -> Registry[Any]:
        """A registry by its attribute name (``"exporters"`` ...)."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        registry: Registry[Any] = getattr(self, kind)
        return registry

    def contributions(self) -> dict[PluginInfo, dict[str, tuple[str, ...]]]:
        """For every loaded plugin, the names it registered of each kind (builds every registry).

        A plugin that failed while the registries were built is no longer loaded.
        """
        registries = {kind: self.registry(kind) for kind in KINDS}
        return {
            info: {kind: registry.names_from(info) for kind, registry in registries.items()}
            for info in self._records
            if info.status is PluginStatus.LOADED
        }

    def _report(self, error: PluginError) -> None:
        if self._on_error == "raise":
            raise error
        self._problems.append(error)
        logger.warning("%s", error)
        for index, info in enumerate(self._records):
            if info == error.plugin:
                self._records[index] = _failed(info, str(error))

    def _build(self, kind: Kind[Any]) -> Registry[Any]:
        registry: Registry[Any] = Registry(kind.label)
        others = [plugin for plugin, _ in self._loaded]
        for plugin, info in list(self._loaded):
            items = self._collect(kind, plugin, info, others)
            for item in items:
                # A clash raises even in warn mode: which plugin should win is the user's
                # choice (block one), never a guess.
                registry._add(kind.key(item), kind.wrap(item, info), info)
        return registry

    def _collect(
        self, kind: Kind[Any], plugin: object, info: PluginInfo, everyone: list[object]
    ) -> list[Any]:
        """Call one hook of one plugin; its items, or none when it fails."""
        if not self.manager.is_registered(plugin):
            return []
        caller = self.manager.subset_hook_caller(
            kind.hook, remove_plugins=[other for other in everyone if other is not plugin]
        )
        items: list[Any] = []

        def register(item: object) -> None:
            if not isinstance(item, kind.item_type):
                raise InvalidContributionError(
                    info,
                    kind.hook,
                    f"a {type(item).__name__} object, but the hook takes "
                    f"{kind.item_type.__module__}.{kind.item_type.__name__} objects",
                )
            refusal = kind.refuse(item, info)
            if refusal is not None:
                raise InvalidContributionError(info, kind.hook, refusal)
            items.append(item)

        try:
            caller(register=register)
        except PluginError as error:
            self._report(error)
            return []
        except Exception as cause:
            failure = PluginHookError(info, kind.hook, cause)
            failure.__cause__ = cause
            self._report(failure)
            return []
        return items


def _failed(info: PluginInfo, message: str) -> PluginInfo:
    return attrs.evolve(info, status=PluginStatus.FAILED, error=message)


def _trace(manager: pluggy.PluginManager) -> None:
    def before(
        hook_name: str, implementations: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]
    ) -> None:
        names = ", ".join(impl.plugin_name for impl in implementations)
        logger.debug("calling %s for %s", hook_name, names or "no plugin")

    def after(
        outcome: pluggy.Result[Any],
        hook_name: str,
        implementations: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        failure = outcome.exception
        if failure is not None:
            logger.debug("%s raised %s: %s", hook_name, type(failure).__name__, failure)
        else:
            logger.debug("%s done", hook_name)

    manager.add_hookcall_monitoring(before, after)


def load_plugins(
    plugins: Iterable[object] = (),
    *,
    entry_points: bool = True,
    allow: Collection[str] | None = None,
    block: Collection[str] = (),
    on_error: OnError = "raise",
    trace: bool = False,
) -> Plugins:
    """Build a fresh plugin set.

    :param plugins: plugin objects (usually modules with ``@hookimpl`` functions) to register
        besides, or instead of, the installed ones.
    :param entry_points: whether to load the plugins installed in the ``cmc`` entry-point group,
        built-ins included. With ``False`` only ``plugins`` are active: the built-in rules are
        then :mod:`cmc_core.rules.plugin`, the built-in exporters :mod:`cmc_exporters`.
    :param allow: names (entry point or distribution) of the only third-party plugins to load;
        ``None`` loads them all, ``()`` none. The built-ins always load.
    :param block: names of third-party plugins never to load.
    :param on_error: ``"raise"`` raises the first :class:`~cmc_core.plugins.PluginError`;
        ``"warn"`` logs it, leaves the plugin out and carries on.
    :param trace: log every hook call at DEBUG level on the ``cmc.plugins`` logger.
    :raises PluginError: with ``on_error="raise"``, for the first plugin that fails to load.
    """
    if on_error not in ("raise", "warn"):
        raise ValueError(f"on_error must be 'raise' or 'warn', not {on_error!r}")
    manager = _Manager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    if trace:
        _trace(manager)
    problems: list[PluginError] = []

    def on_problem(error: PluginError) -> None:
        if on_error == "raise":
            raise error
        logger.warning("%s", error)
        problems.append(error)

    loaded, records = register_all(
        manager, plugins, entry_points=entry_points, allow=allow, block=block, on_problem=on_problem
    )
    return Plugins(manager, loaded, records, problems, on_error)
