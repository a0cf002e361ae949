"""The rule engine: rules as small named objects, their settings, selection and the run.

A rule is data (code, default severity, title, rationale, source) plus a check function that
yields :class:`~cmc_core.diagnostics.Finding` objects. The engine runs every selected rule, stamps
each finding with the rule's code and effective severity and, when the canvas came from a file,
with the file location of its path. It collects everything; it never stops at the first problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING

import attrs

from cmc_core.diagnostics import Diagnostic, Finding, Location, Report, Severity

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.rules.index import CanvasIndex

__all__ = [
    "CODE_PATTERN",
    "CheckFunction",
    "Locator",
    "Rule",
    "RuleContext",
    "RuleSelection",
    "RuleSettings",
    "ValidationConfig",
    "run_rules",
]

#: A rule code: an upper-case prefix (``CMC`` for the built-ins) and three digits.
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")

CheckFunction = Callable[["Canvas", "RuleContext"], Iterable[Finding]]
#: Maps a logical path such as ``flows[3].to`` to where it was written, if known.
Locator = Callable[[str], "Location | None"]


def _check_code(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not CODE_PATTERN.match(value):
        raise ValueError(f"rule code {value!r} must be an upper-case prefix and three digits")


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
    """

    code: str = attrs.field(validator=_check_code)
    name: str
    severity: Severity
    title: str
    rationale: str
    source: str
    check: CheckFunction = attrs.field(eq=False, repr=False)

    def __call__(self, canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
        """Run the check."""
        return iter(self.check(canvas, context))


@attrs.frozen
class RuleSettings:
    """Thresholds the built-in rules use; every one is configurable (product owner's decisions).

    :param min_suppliers: distinct supplier organisations needed (V01).
    :param min_demanders: distinct demander organisations needed (V01).
    :param min_organisations: distinct organisations among all market parties (decision 1).
    :param hhi_threshold: an HHI of flows above this on one market side is highly concentrated
        (V03).
    :param hub_share: a party in more than this share of all flows is a hub (V03).
    """

    min_suppliers: int = 2
    min_demanders: int = 2
    min_organisations: int = 3
    hhi_threshold: float = 0.18
    hub_share: float = 0.5


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
        from cmc_core.config import config_from_mapping

        return config_from_mapping(data)


class RuleContext:
    """What every rule of one run shares: the settings and an index computed once, on demand."""

    def __init__(self, canvas: Canvas, settings: RuleSettings) -> None:
        self.canvas = canvas
        self.settings = settings

    @cached_property
    def index(self) -> CanvasIndex:
        """Lookups and counts over the canvas, built on first use and shared by all rules."""
        from cmc_core.rules.index import CanvasIndex

        return CanvasIndex(self.canvas)


def run_rules(
    canvas: Canvas,
    rules: Iterable[Rule],
    config: ValidationConfig = ValidationConfig(),
    locator: Locator | None = None,
) -> Report:
    """Run the selected rules over a canvas and collect every diagnostic."""
    context = RuleContext(canvas, config.settings)
    selection = config.selection
    diagnostics: list[Diagnostic] = []
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
