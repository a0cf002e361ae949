"""Finding plugins through the ``cmc`` entry-point group and registering them, one by one.

pluggy's own ``load_setuptools_entrypoints`` stops at the first plugin that fails to import, so
each entry point is loaded here on its own: a broken plugin becomes one :class:`PluginLoadError`
naming its entry point and distribution, and the others still load. The order is fixed: hook
specifications, then the built-ins (entry points of the ``community-model-canvas``
distribution itself), then third-party plugins by distribution and entry-point name, then local
plugin modules (:mod:`cmc_core.plugins.local`), then plugins passed in directly.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

import attrs
import pluggy

from cmc_core._version import __version__
from cmc_core.hookspecs import PROJECT_NAME
from cmc_core.plugins.discovery import FoundEntryPoint, Malformed, entry_points
from cmc_core.plugins.errors import InvalidContributionError, PluginError, PluginLoadError
from cmc_core.plugins.guard import is_plugin_fault, plugin_code
from cmc_core.plugins.info import (
    BUILTIN_DISTRIBUTION,
    BUILTIN_MODULES,
    PluginInfo,
    PluginStatus,
)
from cmc_core.plugins.local import import_local_module, local_plugin_info
from cmc_core.translation import Messages

__all__ = ["LoadedPlugin", "discover", "register_all"]

_ = Messages("cmc_core", "plugins")

#: A plugin object registered with the manager, with its record.
LoadedPlugin = tuple[object, PluginInfo]
#: Receives each problem; raises it (strict) or records it (lenient).
ProblemHandler = Callable[[PluginError], None]


def discover(
    group: str = PROJECT_NAME, on_malformed: Malformed | None = None
) -> list[tuple[FoundEntryPoint, PluginInfo]]:
    """Every entry point of the group with its plugin record, built-ins first.

    An entry point seen twice (a distribution on the path twice) is kept once.

    :param on_malformed: receives each ``entry_points.txt`` line that is no entry.
    """
    found: dict[tuple[str | None, str], tuple[FoundEntryPoint, PluginInfo]] = {}
    for entry_point in entry_points(group, on_malformed):
        info = PluginInfo(
            name=entry_point.name,
            module=entry_point.value,
            distribution=entry_point.distribution,
            version=entry_point.version,
        )
        found.setdefault((entry_point.distribution, entry_point.name), (entry_point, info))
    return sorted(
        found.values(),
        key=lambda pair: (not pair[1].builtin, (pair[1].distribution or "").lower(), pair[1].name),
    )


def _selected(info: PluginInfo, allow: Collection[str] | None, block: Collection[str]) -> bool:
    if any(info.matches(entry) for entry in block):
        return False  # a built-in too: to replace its exporters, say, with a plugin's
    # The built-ins are part of cmc: an allow list or --no-plugins never leaves them out.
    return info.builtin or allow is None or any(info.matches(entry) for entry in allow)


def register_all(
    manager: pluggy.PluginManager,
    plugins: Iterable[object],
    *,
    entry_points: bool,
    allow: Collection[str] | None,
    block: Collection[str],
    on_problem: ProblemHandler,
    slow_after: float | None = None,
    modules: Iterable[str | os.PathLike[str]] = (),
) -> tuple[list[LoadedPlugin], list[PluginInfo]]:
    """Load and register plugins; return the loaded ones and the records of all.

    :param plugins: plugin objects (usually modules) to register besides the entry points.
    :param entry_points: whether to look in the ``cmc`` entry-point group at all.
    :param allow: names (entry point or distribution) of the only third-party plugins to load;
        ``None`` loads all, an empty collection none. Built-ins always load.
    :param block: names of plugins never to load, even when allowed; a built-in can be blocked
        by its entry-point name (``exporters``, ``rules`` ...).
    :param on_problem: called with each failure; the plugin is left out.
    :param slow_after: seconds after which an import still running is named in a warning.
    :param modules: files of local plugin modules (:mod:`cmc_core.plugins.local`), loaded after
        the installed plugins and before ``plugins``; the block list applies to them too.
    """
    loaded: list[LoadedPlugin] = []
    records: list[PluginInfo] = []

    def fail(info: PluginInfo, error: PluginError) -> None:
        records.append(_evolve(info, PluginStatus.FAILED, str(error)))
        on_problem(error)

    if entry_points:

        def malformed(where: Path, line: str) -> None:
            info = PluginInfo(name=line, module=str(where))
            cause = ValueError(
                _(
                    "the line {line} of {where} is no 'name = value' entry",
                    line=repr(line),
                    where=where,
                )
            )
            fail(info, PluginLoadError(info, cause))

        for entry_point, info in discover(on_malformed=malformed):
            if not _selected(info, allow, block):
                manager.set_blocked(info.name)
                records.append(_evolve(info, PluginStatus.BLOCKED))
                continue
            imported = _imported(info, entry_point.load, fail, slow_after)
            if imported is not None:
                _register_one(manager, imported[0], info, loaded, records, fail)
    for path in modules:
        _register_local(manager, path, block, (loaded, records), fail, slow_after)
    for plugin in plugins:
        info = _direct_plugin_info(plugin)
        _register_one(manager, plugin, info, loaded, records, fail)
    _check_pending(manager, loaded, records, fail)
    return loaded, records


def _register_local(  # noqa: PLR0917 - private helper of register_all
    manager: pluggy.PluginManager,
    path: str | os.PathLike[str],
    block: Collection[str],
    found: tuple[list[LoadedPlugin], list[PluginInfo]],
    fail: Callable[[PluginInfo, PluginError], None],
    slow_after: float | None,
) -> None:
    """Load one local plugin module (:mod:`cmc_core.plugins.local`) and register it."""
    loaded, records = found
    info = local_plugin_info(path)
    if any(same.path == info.path for same in records if same.path is not None):
        return  # one file named twice (the configuration and --plugin-module)
    # Named by its path, a local module is allowed already; only a block list leaves it out.
    if any(info.matches(entry) for entry in block):
        records.append(_evolve(info, PluginStatus.BLOCKED))
        return
    taken = next((other for other in records if other.matches(info.name)), None)
    if taken is not None:
        # A plugin's name is what its settings table and --block-plugins use: a second plugin
        # of the same name could take neither without ambiguity.
        reason = _(
            "the name {name} is taken by plugin {other}; rename the file",
            name=repr(info.name),
            other=taken.describe(),
        )
        fail(info, PluginLoadError(info, ValueError(reason)))
        return
    imported = _imported(info, lambda: import_local_module(path), fail, slow_after)
    if imported is not None:
        _register_one(manager, imported[0], info, loaded, records, fail)


def _imported(
    info: PluginInfo,
    load: Callable[[], object],
    fail: Callable[[PluginInfo, PluginError], None],
    slow_after: float | None,
) -> tuple[object] | None:
    """The plugin object ``load`` imports, in a 1-tuple; ``None`` when it failed (reported)."""
    try:
        with plugin_code(_("importing plugin {plugin}", plugin=info.describe()), slow_after):
            return (load(),)
    except BaseException as cause:  # a SystemExit too: see is_plugin_fault
        if not is_plugin_fault(cause):
            raise
        error = PluginLoadError(info, cause)
        error.__cause__ = cause
        fail(info, error)
        return None


def _direct_plugin_info(plugin: object) -> PluginInfo:
    """The record of a plugin passed in directly, named after its module."""
    module = getattr(plugin, "__name__", type(plugin).__name__)
    builtin_name = BUILTIN_MODULES.get(module)
    if builtin_name is not None:
        return PluginInfo(builtin_name, module, BUILTIN_DISTRIBUTION, __version__)
    return PluginInfo(name=module.rpartition(".")[2], module=module)


def _register_one(  # noqa: PLR0917 - private helper of register_all
    manager: pluggy.PluginManager,
    plugin: object,
    info: PluginInfo,
    loaded: list[LoadedPlugin],
    records: list[PluginInfo],
    fail: Callable[[PluginInfo, PluginError], None],
) -> None:
    if manager.is_registered(plugin):
        return  # the same module reached twice (an entry point and passed in): one registration
    if info.builtin and any(other.builtin and other.name == info.name for _plugin, other in loaded):
        return  # a built-in passed in as its module while its entry point's object is loaded
    name = info.name if manager.get_plugin(info.name) is None else f"{info.name}@{info.module}"
    try:
        manager.register(plugin, name=name)
    except pluggy.PluginValidationError as cause:
        where = _("its hook implementations")
        fail(info, InvalidContributionError(info, where, str(cause)))
        return
    loaded.append((plugin, info))
    records.append(info)


def _check_pending(
    manager: pluggy.PluginManager,
    loaded: list[LoadedPlugin],
    records: list[PluginInfo],
    fail: Callable[[PluginInfo, PluginError], None],
) -> None:
    """Leave out every plugin that implements a hook cmc does not have (a misspelt name)."""
    while True:
        try:
            manager.check_pending()
        except pluggy.PluginValidationError as error:
            culprit = next((pair for pair in loaded if pair[0] is error.plugin), None)
            if culprit is None:
                raise
            plugin, info = culprit
            manager.unregister(plugin)
            loaded.remove(culprit)
            records.remove(info)
            reason = _(
                "a hook cmc does not know ({error}); check the spelling of cmc_* names",
                error=error,
            )
            fail(info, InvalidContributionError(info, _("its module"), reason))
        else:
            return


def _evolve(info: PluginInfo, status: PluginStatus, error: str | None = None) -> PluginInfo:
    return attrs.evolve(info, status=status, error=error)
