"""The rule engine: rules as small named objects, their settings, selection and the run.

The configuration of a run (:class:`ValidationConfig`) is built from a ``[tool.cmc]``-style table
by :mod:`cmc_core.rules.configuration`; finding and reading the files that hold one is
:mod:`cmc_core.config`'s job, a layer above, so the engine does no I/O.

A rule is data (code, default severity, title, rationale, source) plus a check function that
yields :class:`~cmc_core.diagnostics.Finding` objects. The engine runs every selected rule, stamps
each finding with the rule's code and effective severity and, when the canvas came from a file,
with the file location of its path. It collects everything; it never stops at the first problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

import attrs

from cmc_core.diagnostics import Diagnostic, Finding, Location, Report, Severity
from cmc_core.gctools import gc_paused
from cmc_core.plugin_config import PluginConfig

# What configures a run is defined next to the reading of a [tool.cmc] table; the engine's
# names stay importable from here, as they were before that split.
from cmc_core.rules.configuration import (
    CODE_PATTERN,
    ConfigError,
    RuleSelection,
    RuleSettings,
    ValidationConfig,
    config_from_mapping,
)
from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import Messages
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
T = TypeVar("T")


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


class RuleContext:
    """What every rule of one run shares: the settings and an index computed once, on demand.

    :param plugins: the plugins' own settings; a plugin's rule reads its with
        :meth:`plugin_config`.
    """

    def __init__(
        self, canvas: Canvas, settings: RuleSettings, plugins: PluginConfig | None = None
    ) -> None:
        self.canvas = canvas
        self.settings = settings
        self.plugins = PluginConfig() if plugins is None else plugins

    def plugin_config(self, settings_class: type[T]) -> T:
        """The configured settings of the class a plugin declared (its defaults when the project
        sets none)."""
        return self.plugins.get(settings_class)

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
    context = RuleContext(canvas, config.settings, config.plugins)
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
