"""The plugin set: a fresh pluggy manager and the registries built from its hooks.

Nothing is loaded when :mod:`cmc_core` is imported. Each call of :func:`load_plugins` builds a
new manager, so that tests and embedding applications decide exactly which plugins are active.
Registries are built on first use and then kept; each hook is called once per plugin, so that a
plugin raising in a hook, or registering something invalid, is named and left out on its own.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pluggy

from cmc_core import hookspecs
from cmc_core.plugins.contributions import KINDS, CallPolicy, Kind
from cmc_core.plugins.errors import (
    DuplicateNameError,
    InvalidContributionError,
    PluginError,
    PluginHookError,
    without_either,
    without_it,
)
from cmc_core.plugins.guard import CallOrigin, PluginCallError, is_plugin_fault, plugin_code
from cmc_core.plugins.info import PluginInfo, PluginStatus
from cmc_core.plugins.loading import LoadedPlugin, register_all
from cmc_core.plugins.registry import Registry
from cmc_core.translation import Messages

if TYPE_CHECKING:
    import click

    from cmc_core.exporting import Exporter
    from cmc_core.questionnaires.model import Questionnaire
    from cmc_core.rules.engine import Rule
    from cmc_core.scoring.contract import Scorer

__all__ = ["OnError", "Plugins", "load_plugins"]

#: ``"raise"``: the first plugin problem raises (the library's default). ``"warn"``: problems
#: are collected in :attr:`Plugins.problems` and the plugin at fault is left out (the CLI's).
OnError = Literal["raise", "warn"]

_ = Messages("cmc_core", "plugins")
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
    the same name raise :class:`~cmc_core.plugins.DuplicateNameError`; in warn mode both items
    are left out instead and the clash is one of the :attr:`problems`.
    """

    def __init__(  # noqa: PLR0917 - built by load_plugins only
        self,
        manager: pluggy.PluginManager,
        loaded: list[LoadedPlugin],
        records: list[PluginInfo],
        problems: list[PluginError],
        on_error: OnError,
        slow_after: float | None = None,
    ) -> None:
        self.manager = manager
        self._loaded = loaded
        self._records = records
        self._problems = problems
        self._on_error = on_error
        contain = self._problems.append if on_error == "warn" else None
        self._policy = CallPolicy(slow_after=slow_after, contain=contain)

    @property
    def infos(self) -> tuple[PluginInfo, ...]:
        """Every plugin this set knows of: loaded, failed and blocked, built-ins first."""
        return tuple(self._records)

    @property
    def problems(self) -> tuple[PluginError, ...]:
        """What went wrong so far (only with ``on_error="warn"``; otherwise it was raised).

        Besides plugins that failed to load or registered something unusable, this holds a
        :class:`~cmc_core.plugins.PluginCallError` for every rule that raised while checking: its
        report then has an error of that rule and is incomplete.
        """
        return tuple(self._problems)

    @property
    def call_errors(self) -> tuple[PluginCallError, ...]:
        """The failures of contributed code at call time (rules that raised while checking)."""
        return tuple(p for p in self._problems if isinstance(p, PluginCallError))

    def build_all(self) -> None:
        """Build every registry now, so that every plugin problem is known (strict mode)."""
        for kind in KINDS:
            self.registry(kind)

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

    @cached_property
    def settings(self) -> Registry[type[Any]]:
        """The plugins' settings classes, by plugin name (``cmc_register_settings``)."""
        return self._build(KINDS["settings"])

    @cached_property
    def commands(self) -> Registry[click.Command]:
        """The commands plugins add to ``cmc``, by name (``cmc_register_commands``)."""
        return self._build(KINDS["commands"])

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

    def _report(self, error: PluginError, *, fails_plugin: bool = True) -> None:
        if self._on_error == "raise":
            raise error
        self._problems.append(error)
        outcome = without_it() if fails_plugin else without_either(getattr(error, "kind", ""))
        logger.warning("%s", error, extra={"outcome": outcome})
        if not fails_plugin:
            return
        for index, info in enumerate(self._records):
            if info == error.plugin:
                self._records[index] = _failed(info, str(error))

    def _build(self, kind: Kind[Any]) -> Registry[Any]:
        registry: Registry[Any] = Registry(kind.label)
        others = [plugin for plugin, _info in self._loaded]
        clashed: set[str] = set()
        for plugin, info in list(self._loaded):
            items = self._collect(kind, plugin, info, others)
            for item in items:
                name = info.name if kind.by_plugin else kind.key(item)
                if name in clashed:
                    continue
                wrapped = kind.wrap(item, CallOrigin(kind.label, name, info), self._policy)
                try:
                    registry._add(name, wrapped, info)
                except DuplicateNameError as clash:
                    # Which plugin should win is the user's choice (block one), never a guess:
                    # in warn mode neither does, and the clash is reported.
                    self._report(clash, fails_plugin=False)
                    registry._remove(name)
                    clashed.add(name)
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
        contract = kind.item_type()

        def register(item: object) -> None:
            if not isinstance(item, contract):
                takes = f"{contract.__module__}.{contract.__name__}"
                reason = _(
                    "a {found} object, but the hook takes {contract} objects",
                    found=type(item).__name__,
                    contract=takes,
                )
                raise InvalidContributionError(info, kind.hook, reason)
            refusal = kind.refuse(item, info)
            if refusal is not None:
                raise InvalidContributionError(info, kind.hook, refusal)
            items.append(item)

        try:
            what = _("plugin {plugin} in {hook}", plugin=info.describe(), hook=kind.hook)
            with plugin_code(what, self._policy.slow_after):
                caller(register=register)
        except PluginError as error:
            self._report(error)
            return []
        except BaseException as cause:  # a SystemExit too: see is_plugin_fault
            if not is_plugin_fault(cause):
                raise
            failure = PluginHookError(info, kind.hook, cause)
            failure.__cause__ = cause
            self._report(failure)
            return []
        return items


def _failed(info: PluginInfo, message: str) -> PluginInfo:
    return attrs.evolve(info, status=PluginStatus.FAILED, error=message)


def _trace(manager: pluggy.PluginManager) -> None:
    started: list[float] = []

    def before(
        hook_name: str, implementations: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]
    ) -> None:
        names = ", ".join(impl.plugin_name for impl in implementations)
        logger.debug("calling %s for %s", hook_name, names or "no plugin")
        started.append(time.perf_counter())

    def after(
        outcome: pluggy.Result[Any],
        hook_name: str,
        implementations: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        took = f"{(time.perf_counter() - started.pop()) * 1000:.1f} ms" if started else "?"
        names = ", ".join(impl.plugin_name for impl in implementations) or "no plugin"
        failure = outcome.exception
        if failure is not None:
            logger.debug(
                "%s raised %s: %s (%s, %s)", hook_name, type(failure).__name__, failure, names, took
            )
        else:
            logger.debug("%s done (%s, %s)", hook_name, names, took)

    manager.add_hookcall_monitoring(before, after)


def load_plugins(
    plugins: Iterable[object] = (),
    *,
    entry_points: bool = True,
    allow: Collection[str] | None = None,
    block: Collection[str] = (),
    on_error: OnError = "raise",
    trace: bool = False,
    slow_after: float | None = None,
    modules: Iterable[str | os.PathLike[str]] = (),
) -> Plugins:
    """Build a fresh plugin set.

    :param plugins: plugin objects (usually modules with ``@hookimpl`` functions) to register
        besides, or instead of, the installed ones.
    :param entry_points: whether to load the plugins installed in the ``cmc`` entry-point group,
        built-ins included. With ``False`` only ``plugins`` are active: the built-in rules are
        then :mod:`cmc_core.rules.plugin`, the built-in exporters :mod:`cmc_exporters`.
    :param allow: names (entry point or distribution) of the only third-party plugins to load;
        ``None`` loads them all, ``()`` none. The built-ins load whatever this says.
    :param block: names of plugins never to load: third-party plugins, or a built-in by its
        entry-point name (``exporters``, ``rules``, ``scorers``, ``questionnaires``), for
        instance to let a plugin's exporter take the name of a built-in one.
    :param on_error: ``"raise"`` raises the first :class:`~cmc_core.plugins.PluginError`;
        ``"warn"`` logs it, leaves the plugin out and carries on.
    :param trace: log every hook call at DEBUG level on the ``cmc.plugins`` logger, with the
        plugins it called and the time it took.
    :param slow_after: seconds after which plugin code still running (an import, a hook, a rule,
        an exporter, a scorer) is named in a warning on the ``cmc.plugins`` logger; ``None``
        never warns.
    :param modules: files of local plugin modules to load without installing them (a ``.py``
        file or a package folder; :mod:`cmc_core.plugins.local`). Named by its path, a module is
        loaded whatever ``allow`` says; ``block`` leaves it out by its file name
        (``our_rules``). A module named like a plugin loaded before it is refused, as its
        settings table would be ambiguous.
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
        logger.warning("%s", error, extra={"outcome": without_it()})
        problems.append(error)

    loaded, records = register_all(
        manager,
        plugins,
        entry_points=entry_points,
        allow=allow,
        block=block,
        on_problem=on_problem,
        slow_after=slow_after,
        modules=modules,
    )
    return Plugins(manager, loaded, records, problems, on_error, slow_after)
