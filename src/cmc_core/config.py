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

This module finds and reads the files; what a table means is the rule engine's business
(:func:`config_from_mapping` is defined in ``cmc_core.rules.engine``, next to the
configuration it builds), so the engine never reads a file and never imports this module.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from cmc_core.fileformat.reasons import toml_reason
from cmc_core.fileformat.wording import LONG_NUMBER, os_reason
from cmc_core.reading import input_limit, read_input
from cmc_core.rules.engine import ConfigError, ValidationConfig, config_from_mapping
from cmc_core.translation import Messages

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


_ = Messages("cmc_core", "files")


def _read_toml(file: Path) -> dict[str, Any]:
    """The TOML document in ``file``.

    :raises ConfigError: when the file cannot be read or is not valid TOML.
    """
    try:
        return tomllib.loads(read_input(file, input_limit("config")).decode("utf-8"))
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
    file = Path(path)
    document = _read_toml(file)
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
    tool = _read_toml(pyproject).get("tool")
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
