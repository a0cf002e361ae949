"""Validation configuration from ``[tool.cmc]`` in ``pyproject.toml`` or from a ``cmc.toml``.

The keys, all optional::

    [tool.cmc]
    select = ["CMC0"]                 # codes or code prefixes to run; empty or absent: all
    ignore = ["CMC018", "CMC020"]     # codes or code prefixes not to run
    severity = { CMC016 = "error" }   # re-level rules by exact code: error, warning or info
    min_suppliers = 2                 # the thresholds of RuleSettings, by name
    min_demanders = 2
    min_organisations = 3
    hhi_threshold = 0.18
    hub_share = 0.5

    plugin-modules = ["tools/our_rules.py"]   # local plugin modules (cmc_core.plugins.local)

    [tool.cmc.plugins.our_rules]      # a plugin's own settings, checked against the class it
    most_parties = 40                 # declares (cmc_register_settings)

A ``cmc.toml`` holds the same keys at its top level. Names may be written with ``-`` instead of
``_`` (``hhi-threshold``). A mistake never passes silently: an unknown key or a bad value raises
:class:`ConfigError` naming the key, with a suggestion for a misspelt one.

This module finds and reads the files; what a table means is the rule engine's business
(:func:`config_from_mapping` is defined in ``cmc_core.rules.configuration``, next to the
configuration it builds), so the engine never reads a file and never imports this module.
"""

from __future__ import annotations

import difflib
import logging
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from cmc_core.fileformat.reasons import toml_reason
from cmc_core.fileformat.wording import LONG_NUMBER, os_reason
from cmc_core.plugin_config import PluginConfig
from cmc_core.plugins import Plugins, PluginStatus, load_plugins
from cmc_core.reading import input_limit, read_input
from cmc_core.rules.configuration import ConfigError, config_from_mapping
from cmc_core.rules.engine import RuleSettings, ValidationConfig
from cmc_core.settings_tables import line_of, settings_from_table
from cmc_core.translation import Messages

__all__ = [
    "CONFIG_FILE",
    "PLUGIN_MODULES",
    "PLUGIN_TABLES",
    "ConfigError",
    "ProjectConfig",
    "config_from_mapping",
    "find_config",
    "find_project_config",
    "load_config",
    "read_config_file",
    "read_project_config",
]

#: The file that holds only cmc's configuration, at its top level.
CONFIG_FILE = "cmc.toml"
_PYPROJECT = "pyproject.toml"
#: The key of the plugins' own tables: ``[tool.cmc.plugins.NAME]``, ``[plugins.NAME]``.
PLUGIN_TABLES = "plugins"
#: The thresholds of the built-in rules, which [plugins.rules] may set instead of the top level.
_THRESHOLDS = frozenset(field.name for field in attrs.fields(RuleSettings))
#: The key listing local plugin modules, in either spelling.
PLUGIN_MODULES = ("plugin-modules", "plugin_modules")


_ = Messages("cmc_core", "files")
logger = logging.getLogger("cmc.plugins")


def _read_toml(file: Path) -> tuple[dict[str, Any], str]:
    """The TOML document in ``file``, and its text.

    :raises ConfigError: when the file cannot be read or is not valid TOML.
    """
    try:
        text = read_input(file, input_limit("config")).decode("utf-8")
        return tomllib.loads(text), text
    except UnicodeDecodeError:
        message = _("not valid TOML: the file is not UTF-8 text")
    except OSError as error:
        message = _("cannot read the file: {reason}", reason=os_reason(error))
    except tomllib.TOMLDecodeError as error:
        message = _("not valid TOML: {reason}", reason=toml_reason(str(error)))
    except ValueError:  # tomllib converts integers with int(), which refuses 4,300+ digits
        message = _("not valid TOML: {reason}", reason=LONG_NUMBER)
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        message = _("not valid TOML: the file is nested too deeply")
    raise ConfigError(message, None, str(file))


def read_config_file(path: Path | str) -> dict[str, Any]:
    """The cmc table of a configuration file: ``[tool.cmc]`` of a ``pyproject.toml``, else the
    whole file; empty when a ``pyproject.toml`` has no ``[tool.cmc]``.

    :raises ConfigError: when the file cannot be read or is not valid TOML.
    """
    return _cmc_table(Path(path), _read_toml(Path(path))[0])


def _cmc_table(file: Path, document: dict[str, Any]) -> dict[str, Any]:
    if file.name != _PYPROJECT:
        return document
    table = (
        document.get("tool", {}).get("cmc", {}) if isinstance(document.get("tool"), dict) else {}
    )
    if not isinstance(table, dict):
        message = _("expected a table, got {value}", value=repr(table))
        raise ConfigError(message, "tool.cmc", str(file))
    return table


def _has_cmc_table(pyproject: Path) -> bool:
    tool = _read_toml(pyproject)[0].get("tool")
    return isinstance(tool, dict) and "cmc" in tool


def find_config(start_dir: Path | str) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration, looking in ``start_dir`` and then each parent directory.

    In each directory a ``cmc.toml`` comes first; a ``pyproject.toml`` counts only when it has a
    ``[tool.cmc]`` table (as ruff looks for ``[tool.ruff]``).

    :returns: the file and its cmc table, or ``None`` when no directory up to the root has one.
    :raises ConfigError: when a candidate file is not valid TOML.
    """
    start = Path(start_dir).resolve()
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate, read_config_file(candidate)
        pyproject = directory / _PYPROJECT
        if pyproject.is_file() and _has_cmc_table(pyproject):
            return pyproject, read_config_file(pyproject)
    return None


def load_config(path: Path | str, plugins: Plugins | None = None) -> ValidationConfig:
    """The validation configuration in a ``cmc.toml`` or in ``[tool.cmc]`` of a ``pyproject.toml``.

    :param plugins: the plugins whose settings tables (``[tool.cmc.plugins.NAME]``) are checked
        and kept; when ``None`` and the file has such tables, the installed plugins (and the
        file's ``plugin-modules``) are loaded to check them.
    :raises ConfigError: naming the file, the key and the line, when anything in it is wrong.
    """
    return read_project_config(path).bind(plugins)


def read_project_config(path: Path | str) -> ProjectConfig:
    """Everything a configuration file says (see :class:`ProjectConfig`), its plugin tables not
    yet checked.

    :raises ConfigError: when the file cannot be read, is not valid TOML, or has an unknown key
        or a bad value outside the plugin tables.
    """
    file = Path(path)
    document, text = _read_toml(file)
    table = dict(_cmc_table(file, document))
    prefix = ("tool", "cmc") if file.name == _PYPROJECT else ()
    modules = _module_paths(file, table, prefix, text)
    tables = table.pop(PLUGIN_TABLES, {})
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        line = line_of(text, (*prefix, PLUGIN_TABLES))
        message = _("expected a table of tables, one per plugin: [plugins.NAME]")
        raise ConfigError(message, PLUGIN_TABLES, **_at(file, line))
    try:
        validation = config_from_mapping(table)
    except ConfigError as error:  # said again with the line of the key
        line = line_of(text, (*prefix, *(error.key or "").split(".")))
        raise ConfigError(error.message, error.key, **_at(file, line)) from None
    thresholds = tuple(key for key in table if key.replace("-", "_") in _THRESHOLDS)
    return ProjectConfig(
        validation=validation,
        top_level_thresholds=thresholds,
        plugin_modules=modules,
        plugin_tables=tables,
        source=file,
        text=text,
        table_path=prefix,
    )


def find_project_config(start_dir: Path | str) -> ProjectConfig | None:
    """The nearest configuration as :func:`find_config` finds it, read by
    :func:`read_project_config`; ``None`` when there is none."""
    found = find_config(start_dir)
    return read_project_config(found[0]) if found is not None else None


def _shown_at(where: dict[str, Any]) -> str:
    """``file:line`` (or the file alone) of :func:`_at`'s result, for a warning."""
    line = where.get("line")
    return f"{where.get('source')}:{line}" if line is not None else str(where.get("source"))


def _at(file: Path, line: int | None) -> dict[str, Any]:
    """Where a :class:`ConfigError` is: the file, and the line when it is known."""
    return {"source": str(file), "line": line}


def _module_paths(
    file: Path, table: dict[str, Any], prefix: tuple[str, ...], text: str
) -> tuple[str, ...]:
    """The ``plugin-modules`` of a table (removed from it), as paths from the file's folder."""
    key = next((k for k in PLUGIN_MODULES if k in table), None)
    if key is None:
        return ()
    value = table.pop(key)
    where = _at(file, line_of(text, (*prefix, key)))
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        message = _("expected a list of paths of plugin modules, got {value}", value=repr(value))
        raise ConfigError(message, key, **where)
    paths = tuple(str(file.parent / item) for item in value)
    for item, path in zip(value, paths, strict=True):
        module = Path(path)
        if not module.exists():
            message = _("the plugin module {path} does not exist", path=repr(item))
            raise ConfigError(message, key, **where)
        is_file = module.suffix == ".py" and module.is_file()
        if not is_file and not (module / "__init__.py").is_file():
            message = _(
                "{path} is no plugin module: expected a .py file or a folder with __init__.py",
                path=repr(item),
            )
            raise ConfigError(message, key, **where)
    return paths


@attrs.frozen
class ProjectConfig:
    """What a configuration file says, read before the plugins are loaded.

    :param validation: the rules' selection, severities and thresholds.
    :param top_level_thresholds: the thresholds the file sets at its top level, as written (so
        that setting them in ``[plugins.rules]`` too is refused: say it once).
    :param plugin_modules: the local plugin modules to load (``plugin-modules``), as paths
        from the file's folder.
    :param plugin_tables: the plugins' own tables by plugin name, unchecked until
        :meth:`bind` meets the plugins that declare them.
    :param source: the file, or ``None`` for no file (the defaults).
    """

    validation: ValidationConfig = ValidationConfig()
    top_level_thresholds: tuple[str, ...] = ()
    plugin_modules: tuple[str, ...] = ()
    plugin_tables: Mapping[str, Any] = attrs.field(factory=dict)
    source: Path | None = None
    text: str = attrs.field(default="", repr=False, eq=False)
    table_path: tuple[str, ...] = ()

    def bind(self, plugins: Plugins | None = None) -> ValidationConfig:
        """The validation configuration with every plugin table checked against the settings
        class its plugin declares (``cmc_register_settings``).

        :param plugins: the loaded plugins; ``None`` loads the installed ones and
            :attr:`plugin_modules`, only when there are tables to check.
        :raises ConfigError: a table of a plugin that is not installed or declares no
            settings, an unknown key, a value of the wrong type: naming the key and the line.
        """
        if not self.plugin_tables:
            return self.validation
        if plugins is None:
            plugins = load_plugins(modules=self.plugin_modules)
        return bind_plugin_tables(self, plugins)


def bind_plugin_tables(project: ProjectConfig, plugins: Plugins) -> ValidationConfig:
    """:meth:`ProjectConfig.bind` with the plugins given: each table checked against the
    settings class of the plugin it names, the results in the configuration's
    :attr:`~cmc_core.rules.ValidationConfig.plugins`.
    """
    validation = project.validation
    values: list[object] = []
    source = str(project.source) if project.source is not None else None
    for name, table in project.plugin_tables.items():
        key = f"{PLUGIN_TABLES}.{name}"
        path = (*project.table_path, PLUGIN_TABLES, name)
        where = _at(Path(source), line_of(project.text, path)) if source else {}
        info = next((info for info in plugins.infos if info.matches(name)), None)
        if info is None:
            raise ConfigError(_no_plugin(name, plugins), key, **where)
        if info.status is not PluginStatus.LOADED:
            if info.status is PluginStatus.BLOCKED:
                unused = _(
                    "{where}: the settings of plugin {plugin} are not used: the plugin is left "
                    "out (--no-plugins, --plugins or --block-plugins)",
                    where=_shown_at(where),
                    plugin=info.describe(),
                )
            else:
                unused = _(
                    "{where}: the settings of plugin {plugin} are not used: the plugin failed "
                    "to load",
                    where=_shown_at(where),
                    plugin=info.describe(),
                )
            logger.warning("%s", unused)
            continue
        if info.name not in plugins.settings:
            message = _("plugin {plugin} declares no settings", plugin=info.describe())
            raise ConfigError(message, key, **where)
        settings_class = plugins.settings.get(info.name)
        checked = settings_from_table(
            settings_class,
            table,
            key_prefix=key,
            source=source,
            text=project.text,
            table_path=path,
        )
        if settings_class is RuleSettings:  # the built-in thresholds: their ranges too
            if project.top_level_thresholds:
                first = project.top_level_thresholds[0]
                line = line_of(project.text, (*project.table_path, first))
                message = _(
                    "the thresholds are set both here and in [plugins.{name}]; set them in "
                    "one place",
                    name=name,
                )
                raise ConfigError(message, first, **_at(project.source or Path(), line))
            checked = _thresholds(table, key, project, path)
            validation = attrs.evolve(validation, settings=checked)
        values.append(checked)
    return attrs.evolve(validation, plugins=PluginConfig(tuple(values)))


def _thresholds(
    table: Mapping[str, Any], key: str, project: ProjectConfig, path: tuple[str, ...]
) -> RuleSettings:
    """The built-in rules' thresholds from their plugin table, with their ranges checked."""
    try:
        return config_from_mapping(table).settings
    except ConfigError as error:
        line = line_of(project.text, (*path, error.key or ""))
        where = _at(project.source, line) if project.source is not None else {}
        raise ConfigError(error.message, f"{key}.{error.key}", **where) from None


def _no_plugin(name: str, plugins: Plugins) -> str:
    known = sorted({info.name for info in plugins.infos})
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return _(
            "no plugin named {name} is installed; did you mean {close}?",
            name=repr(name),
            close=repr(close[0]),
        )
    return _(
        "no plugin named {name} is installed (the plugins: {names})",
        name=repr(name),
        names=", ".join(known) or "-",
    )
