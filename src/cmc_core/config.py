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

A ``cmc.toml`` holds the same keys at its top level. Names may be written with ``-`` instead of
``_`` (``hhi-threshold``). A mistake never passes silently: an unknown key or a bad value raises
:class:`ConfigError` naming the key, with a suggestion for a misspelt one.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from cmc_core.diagnostics import Severity
from cmc_core.errors import CmcError
from cmc_core.rules.engine import CODE_PATTERN, RuleSelection, RuleSettings, ValidationConfig

__all__ = [
    "CONFIG_FILE",
    "ConfigError",
    "config_from_mapping",
    "find_config",
    "load_config",
    "read_config_file",
]

#: The file that holds only cmc's configuration, at its top level.
CONFIG_FILE = "cmc.toml"
_PYPROJECT = "pyproject.toml"

#: A code or a code prefix: an upper-case letter, then upper-case letters and digits.
_PREFIX_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*$")

_SETTINGS: dict[str, attrs.Attribute[Any]] = {
    field.name: field for field in attrs.fields(RuleSettings)
}
_SELECTION_KEYS = ("select", "ignore", "severity")
_KEYS = (*_SELECTION_KEYS, *_SETTINGS)
#: Thresholds that are shares of a whole: from 0 to 1.
_SHARES = frozenset({"hhi_threshold", "hub_share"})


class ConfigError(CmcError, ValueError):
    """The configuration has an unknown key or a bad value.

    :param message: what is wrong and what was expected.
    :param key: the offending key as written (``severity.CMC001`` for a nested one), if any.
    :param source: the file the configuration came from, if any.
    """

    def __init__(self, message: str, key: str | None = None, source: str | None = None) -> None:
        self.message = message
        self.key = key
        self.source = source
        where = f"{source}: " if source else ""
        what = f"{key}: " if key else ""
        super().__init__(f"{where}{what}{message}")


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _codes(key: str, value: object, source: str | None) -> tuple[str, ...]:
    """A list of codes or prefixes (a single string is accepted), upper-cased."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
        raise ConfigError(
            f"expected a list of rule codes or code prefixes, got {value!r}", key, source
        )
    codes = tuple(item.strip().upper() for item in items)
    for code in codes:
        if not _PREFIX_PATTERN.match(code):
            raise ConfigError(
                f"{code!r} is not a rule code or code prefix such as 'CMC001' or 'CMC0'",
                key,
                source,
            )
    return codes


def _severities(value: object, source: str | None) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, Mapping):
        raise ConfigError(
            f"expected a table of rule code = severity, got {value!r}", "severity", source
        )
    levels = tuple(str(severity) for severity in Severity)
    chosen: list[tuple[str, Severity]] = []
    for raw_code, raw_level in value.items():
        key = f"severity.{raw_code}"
        code = str(raw_code).strip().upper()
        if not CODE_PATTERN.match(code):
            raise ConfigError(
                f"{raw_code!r} is not a rule code such as 'CMC001' (severities are set per code)",
                key,
                source,
            )
        if not isinstance(raw_level, str) or raw_level.strip().lower() not in levels:
            hint = _suggest(str(raw_level).strip().lower(), list(levels))
            raise ConfigError(
                f"expected one of {', '.join(levels)}, got {raw_level!r}{hint}", key, source
            )
        chosen.append((code, Severity(raw_level.strip().lower())))
    return tuple(sorted(chosen))


def _setting(name: str, key: str, value: object, source: str | None) -> int | float:
    field = _SETTINGS[name]
    if field.type in (int, "int"):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"expected a whole number of at least 1, got {value!r}", key, source)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"expected a number, got {value!r}", key, source)
    number = float(value)
    if name in _SHARES and not 0 <= number <= 1:
        raise ConfigError(f"expected a share from 0 to 1, got {value!r}", key, source)
    return number


def config_from_mapping(data: Mapping[str, object], source: str | None = None) -> ValidationConfig:
    """Build a :class:`~cmc_core.rules.engine.ValidationConfig` from a ``[tool.cmc]`` mapping.

    :param data: the table's content, as :mod:`tomllib` gives it.
    :param source: the file it came from, named in errors.
    :raises ConfigError: for an unknown key or a value of the wrong type or range.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(f"expected a table of settings, got {data!r}", None, source)
    selection: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key)
        name = key.replace("-", "_")
        if name in ("select", "ignore"):
            selection[name] = _codes(key, value, source)
        elif name == "severity":
            selection["severities"] = _severities(value, source)
        elif name in _SETTINGS:
            settings[name] = _setting(name, key, value, source)
        else:
            raise ConfigError(f"unknown key{_suggest(name, list(_KEYS))}", key, source)
    return ValidationConfig(RuleSelection(**selection), RuleSettings(**settings))


def read_config_file(path: Path | str) -> dict[str, Any]:
    """The cmc table of a configuration file: ``[tool.cmc]`` of a ``pyproject.toml``, else the
    whole file; empty when a ``pyproject.toml`` has no ``[tool.cmc]``.

    :raises ConfigError: when the file cannot be read or is not valid TOML.
    """
    file = Path(path)
    try:
        with file.open("rb") as stream:
            document = tomllib.load(stream)
    except OSError as error:
        raise ConfigError(
            f"cannot read the file: {error.strerror or error}", None, str(file)
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", None, str(file)) from None
    if file.name != _PYPROJECT:
        return document
    table = (
        document.get("tool", {}).get("cmc", {}) if isinstance(document.get("tool"), dict) else {}
    )
    if not isinstance(table, dict):
        raise ConfigError(f"expected a table, got {table!r}", "tool.cmc", str(file))
    return table


def _has_cmc_table(pyproject: Path) -> bool:
    try:
        with pyproject.open("rb") as stream:
            document = tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", None, str(pyproject)) from None
    tool = document.get("tool")
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


def load_config(path: Path | str) -> ValidationConfig:
    """The validation configuration in a ``cmc.toml`` or in ``[tool.cmc]`` of a ``pyproject.toml``.

    :raises ConfigError: naming the file and the key, when anything in it is wrong.
    """
    return config_from_mapping(read_config_file(path), source=str(path))
