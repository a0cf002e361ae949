"""The rule engine: rules as small named objects, their settings, selection and the run.

The configuration of a run (:class:`ValidationConfig`) is built here from a ``[tool.cmc]``-style
table too (:func:`config_from_mapping`); finding and reading the files that hold one is
:mod:`cmc_core.config`'s job, a layer above, so the engine does no I/O.

A rule is data (code, default severity, title, rationale, source) plus a check function that
yields :class:`~cmc_core.diagnostics.Finding` objects. The engine runs every selected rule, stamps
each finding with the rule's code and effective severity and, when the canvas came from a file,
with the file location of its path. It collects everything; it never stops at the first problem.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs

from cmc_core.diagnostics import Diagnostic, Finding, Location, Report, Severity
from cmc_core.errors import CmcError
from cmc_core.gctools import gc_paused
from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import Messages, current_language
from cmc_core.vocabulary import Language

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas

__all__ = [
    "CODE_PATTERN",
    "CheckFunction",
    "ConfigError",
    "Locator",
    "Rule",
    "RuleContext",
    "RuleSelection",
    "RuleSettings",
    "ValidationConfig",
    "config_from_mapping",
    "run_rules",
]

_ = Messages("cmc_core", "rules")

#: A rule code: an upper-case prefix (``CMC`` for the built-ins) and three digits.
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")

CheckFunction = Callable[["Canvas", "RuleContext"], Iterable[Finding]]
#: Maps a logical path such as ``flows[3].to`` to where it was written, if known.
Locator = Callable[[str], "Location | None"]


def _check_code(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not CODE_PATTERN.match(value):
        raise ValueError(
            _(
                "rule code {code} must be an upper-case prefix and three digits",
                code=repr(value),
            )
        )


@attrs.frozen
class Rule:
    """One validation rule.

    :param code: stable code such as ``CMC001``; never reused for another meaning.
    :param name: short kebab-case name, such as ``several-suppliers-and-demanders``.
    :param severity: the default severity of its findings.
    :param title: one line saying what the rule wants.
    :param rationale: why, traced to the domain reference.
    :param source: where the rationale comes from (sources and rule ids of the reference).
    :param check: yields the findings for a canvas.
    :param messages: the catalog its title and rationale are translated from (a plugin passes
        its own, see ``docs/languages.md``); ``None``: cmc's ``rules`` catalog.
    """

    code: str = attrs.field(validator=_check_code)
    name: str
    severity: Severity
    title: str
    rationale: str
    source: str
    check: CheckFunction = attrs.field(eq=False, repr=False)
    messages: Messages | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def __call__(self, canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
        """Run the check."""
        return iter(self.check(canvas, context))

    def title_in(self, language: Language | None = None) -> str:
        """The title in ``language`` (default: the current one), from :attr:`messages`; a title
        no catalog translates is kept as written."""
        catalog = self.messages or _
        return catalog.translate(self.title, language) if self.title else self.title

    def rationale_in(self, language: Language | None = None) -> str:
        """The rationale in ``language`` (default: the current one), or as written (see
        :meth:`title_in`)."""
        if not self.rationale:
            return self.rationale
        return " ".join((self.messages or _).translate(self.rationale, language).split())


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

    def severity_of(self, rule: Rule) -> Severity | None:
        """The severity configured for a rule, or ``None`` to keep the rule's own."""
        return dict(self.severities).get(rule.code)


@attrs.frozen
class ValidationConfig:
    """Everything that configures a validation run: selection plus thresholds."""

    selection: RuleSelection = RuleSelection()
    settings: RuleSettings = RuleSettings()

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ValidationConfig:
        """Build from a ``[tool.cmc]``-style mapping; see :mod:`cmc_core.config` for the keys."""
        return config_from_mapping(data)


class RuleContext:
    """What every rule of one run shares: the settings and an index computed once, on demand."""

    def __init__(self, canvas: Canvas, settings: RuleSettings) -> None:
        self.canvas = canvas
        self.settings = settings

    @cached_property
    def index(self) -> CanvasIndex:
        """Lookups and counts over the canvas, built on first use and shared by all rules."""
        return CanvasIndex(self.canvas)


def run_rules(
    canvas: Canvas,
    rules: Iterable[Rule],
    config: ValidationConfig = ValidationConfig(),
    locator: Locator | None = None,
) -> Report:
    """Run the selected rules over a canvas and collect every diagnostic.

    The cyclic garbage collector is paused for the run: on a large canvas the index makes a
    tuple per flow and many small sets and lists, and the rules many findings, none in a cycle.
    """
    context = RuleContext(canvas, config.settings)
    selection = config.selection
    diagnostics: list[Diagnostic] = []
    with gc_paused():
        for rule in rules:
            if not selection.selects(rule.code):
                continue
            forced = selection.severity_of(rule)
            for finding in rule(canvas, context):
                severity = forced or finding.severity or rule.severity
                location = locator(finding.path) if locator is not None else None
                diagnostics.append(
                    Diagnostic(
                        code=rule.code,
                        severity=severity,
                        message=finding.message,
                        path=finding.path,
                        subject=finding.subject,
                        figures=finding.figures,
                        location=location,
                    )
                )
    return Report(tuple(diagnostics))


# -- the configuration from a [tool.cmc] table ---------------------------------------------------

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
    """

    def __init__(self, message: str, key: str | None = None, source: str | None = None) -> None:
        self.message = message
        self.key = key
        self.source = source
        where = f"{source}: " if source else ""
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
    close = _closest(name, list(_KEYS))
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
