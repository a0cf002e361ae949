"""What configures a validation run, and reading it from a ``[tool.cmc]``-style table.

:class:`ValidationConfig` holds the selection of rules (:class:`RuleSelection`), the built-in
rules' thresholds (:class:`RuleSettings`) and the plugins' own settings.

:func:`config_from_mapping` checks every key and value of the table and builds a
:class:`~cmc_core.rules.engine.ValidationConfig`; a mistake raises :class:`ConfigError` naming the
key, in the language of the moment, with a suggestion for a misspelt key. Reading the files is
:mod:`cmc_core.config`'s job.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from typing import Any, Protocol

import attrs

from cmc_core.diagnostics import Severity
from cmc_core.errors import CmcError
from cmc_core.plugin_config import PluginConfig
from cmc_core.translation import Messages, current_language
from cmc_core.vocabulary import Language

__all__ = [
    "CODE_PATTERN",
    "ConfigError",
    "RuleSelection",
    "RuleSettings",
    "ValidationConfig",
    "config_from_mapping",
]

_ = Messages("cmc_core", "rules")

#: A rule code: an upper-case prefix (``CMC`` for the built-ins) and three digits.
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")


class _Coded(Protocol):
    """Anything with a rule code: a :class:`~cmc_core.rules.Rule`."""

    @property
    def code(self) -> str: ...


@attrs.frozen
class RuleSettings:
    """Thresholds the built-in rules use; every one is configurable (product owner's decisions).

    :param min_suppliers: distinct supplier organisations needed (V01).
    :param min_demanders: distinct demander organisations needed (V01).
    :param min_organisations: distinct organisations among all market parties (decision 1).
    :param hhi_threshold: an HHI of flows above this on one market side is highly concentrated
        (V03).
    :param hub_share: a party in more than this share of all flows is a hub (V03).
    :param even_split_margin: a side is concentrated only when its largest organisation also
        holds more than this many times its share in an even split (CMC021).
    :param min_side_organisations: organisations a market side needs not to be a duopoly
        (CMC026).
    """

    min_suppliers: int = 2
    min_demanders: int = 2
    min_organisations: int = 3
    hhi_threshold: float = 0.18
    hub_share: float = 0.5
    even_split_margin: float = 1.25
    min_side_organisations: int = 3


@attrs.frozen
class RuleSelection:
    """Which rules run and at what severity.

    ``select`` and ``ignore`` take codes or code prefixes (``CMC0`` selects CMC001-CMC099);
    an empty ``select`` means all. ``severities`` re-levels rules by exact code.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()

    def selects(self, code: str) -> bool:
        """Whether a rule with this code runs."""
        chosen = not self.select or any(code.startswith(p) for p in self.select)
        return chosen and not any(code.startswith(p) for p in self.ignore)

    def severity_of(self, rule: _Coded) -> Severity | None:
        """The severity configured for a rule, or ``None`` to keep the rule's own."""
        return dict(self.severities).get(rule.code)


@attrs.frozen
class ValidationConfig:
    """Everything that configures a validation run: selection plus thresholds."""

    selection: RuleSelection = RuleSelection()
    settings: RuleSettings = RuleSettings()
    #: The plugins' own settings (``[tool.cmc.plugins.NAME]``), checked against the classes
    #: they declare (:func:`cmc_core.config.load_config`).
    plugins: PluginConfig = PluginConfig()

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ValidationConfig:
        """Build from a ``[tool.cmc]``-style mapping; see :mod:`cmc_core.config` for the keys."""
        return config_from_mapping(data)


#: A code or a code prefix: an upper-case letter, then upper-case letters and digits.
_PREFIX_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*$")

_SETTINGS: dict[str, attrs.Attribute[Any]] = {
    field.name: field for field in attrs.fields(RuleSettings)
}
_SELECTION_KEYS = ("select", "ignore", "severity")
_KEYS = (*_SELECTION_KEYS, *_SETTINGS)
#: Thresholds that are shares of a whole: from 0 to 1.
_SHARES = frozenset({"hhi_threshold", "hub_share"})
#: The largest count a threshold may be: a number beyond it means nothing for a community, and a
#: whole number of thousands of digits (TOML's ``0xfff...``) could not even be printed.
_MAX_COUNT = 1_000_000_000


class ConfigError(CmcError, ValueError):
    """The configuration has an unknown key or a bad value.

    Its message is made in the current language (:mod:`cmc_core.translation`) when it is
    raised: a configuration is read before any canvas, so ``--lang``, ``CMC_LANG`` or the
    locale decide.

    :param message: what is wrong and what was expected.
    :param key: the offending key as written (``severity.CMC001`` for a nested one), if any.
    :param source: the file the configuration came from, if any.
    :param line: the line of that file the key is on, when it is known.
    """

    def __init__(
        self,
        message: str,
        key: str | None = None,
        source: str | None = None,
        *,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.key = key
        self.source = source
        self.line = line
        at = f"{source}:{line}" if source and line is not None else source
        where = f"{at}: " if at else ""
        what = f"{key}: " if key else ""
        super().__init__(f"{where}{what}{message}")


def _shown(value: object, limit: int = 60) -> str:
    """A value as a message shows it: short, and never failing on a whole number too long to
    print (Python refuses to print one of more than 4,300 digits)."""
    try:
        text = repr(value)
    except ValueError:
        if isinstance(value, int):
            return _("a whole number of more than 4,300 digits")
        return _("a value holding a whole number of more than 4,300 digits")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _closest(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The choice closest to a misspelt ``word``, quoted, or ``None`` when none is close."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return repr(close[0]) if close else None


def _thousands(number: int) -> str:
    """A whole number with the thousands separator of the current language (1,000 / 1.000)."""
    grouped = f"{number:,}"
    return grouped.replace(",", ".") if current_language() is Language.NL else grouped


def _codes(key: str, value: object, source: str | None) -> tuple[str, ...]:
    """A list of codes or prefixes (a single string is accepted), upper-cased."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(item, str) for item in items):
        message = _(
            "expected a list of rule codes or code prefixes, got {value}", value=_shown(value)
        )
        raise ConfigError(message, key, source)
    codes = tuple(item.strip().upper() for item in items)
    for code in codes:
        if not _PREFIX_PATTERN.match(code):
            message = _(
                "{code} is not a rule code or code prefix such as 'CMC001' or 'CMC0'",
                code=_shown(code),
            )
            raise ConfigError(message, key, source)
    return codes


def _severities(value: object, source: str | None) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, Mapping):
        message = _("expected a table of rule code = severity, got {value}", value=_shown(value))
        raise ConfigError(message, "severity", source)
    levels = tuple(str(severity) for severity in Severity)
    chosen: list[tuple[str, Severity]] = []
    for raw_code, raw_level in value.items():
        key = f"severity.{raw_code}"
        code = str(raw_code).strip().upper()
        if not CODE_PATTERN.match(code):
            message = _(
                "{code} is not a rule code such as 'CMC001' (severities are set per code)",
                code=_shown(raw_code),
            )
            raise ConfigError(message, key, source)
        if not isinstance(raw_level, str) or raw_level.strip().lower() not in levels:
            raise ConfigError(_bad_level(raw_level, levels), key, source)
        chosen.append((code, Severity(raw_level.strip().lower())))
    return tuple(sorted(chosen))


def _bad_level(raw_level: object, levels: tuple[str, ...]) -> str:
    """What is wrong with a severity that is none of ``levels``, with the closest one."""
    level = raw_level.strip().lower() if isinstance(raw_level, str) else ""
    close = _closest(level, list(levels)) if level else None
    fields = {"levels": ", ".join(levels), "value": _shown(raw_level)}
    if close is None:
        return _("expected one of {levels}, got {value}", **fields)
    return _("expected one of {levels}, got {value}; did you mean {name}?", name=close, **fields)


def _setting(name: str, key: str, value: object, source: str | None) -> int | float:
    field = _SETTINGS[name]
    if field.type in (int, "int"):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            message = _("expected a whole number of at least 1, got {value}", value=_shown(value))
            raise ConfigError(message, key, source)
        if value > _MAX_COUNT:
            message = _(
                "expected a whole number from 1 to {maximum}, got {value}",
                maximum=_thousands(_MAX_COUNT),
                value=_shown(value),
            )
            raise ConfigError(message, key, source)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(_("expected a number, got {value}", value=_shown(value)), key, source)
    try:
        number = float(value)
    except OverflowError:  # a whole number beyond any float
        number = math.inf
    if name in _SHARES and not 0 <= number <= 1:
        message = _("expected a share from 0 to 1, got {value}", value=_shown(value))
        raise ConfigError(message, key, source)
    if not math.isfinite(number):
        message = _("expected a finite number, got {value}", value=_shown(value))
        raise ConfigError(message, key, source)
    return number


def _unknown_key(name: str) -> str:
    """What is wrong with a key cmc does not know, with the closest one it knows."""
    close = _closest(name, [*_KEYS, "plugins", "plugin_modules"])  # cmc_core.config's two
    if close is None:
        return _("unknown key")
    return _("unknown key; did you mean {name}?", name=close)


def config_from_mapping(data: Mapping[str, object], source: str | None = None) -> ValidationConfig:
    """Build a :class:`~cmc_core.rules.engine.ValidationConfig` from a ``[tool.cmc]`` mapping.

    :param data: the table's content, as :mod:`tomllib` gives it.
    :param source: the file it came from, named in errors.
    :raises ConfigError: for an unknown key or a value of the wrong type or range.
    """
    if not isinstance(data, Mapping):
        raise ConfigError(
            _("expected a table of settings, got {value}", value=_shown(data)), None, source
        )
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
            raise ConfigError(_unknown_key(name), key, source)
    return ValidationConfig(RuleSelection(**selection), RuleSettings(**settings))
