"""Validation: the rule engine and the built-in rules V01-V20 (codes CMC001-CMC020)."""

from __future__ import annotations

from collections.abc import Iterable

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Report
from cmc_core.rules.builtin import BUILTIN_RULES, UnknownRuleError, bmc_blockers, get_rule
from cmc_core.rules.engine import (
    CODE_PATTERN,
    CheckFunction,
    Locator,
    Rule,
    RuleContext,
    RuleSelection,
    RuleSettings,
    ValidationConfig,
    run_rules,
)

__all__ = [
    "BUILTIN_RULES",
    "CODE_PATTERN",
    "CheckFunction",
    "Locator",
    "Rule",
    "RuleContext",
    "RuleSelection",
    "RuleSettings",
    "UnknownRuleError",
    "ValidationConfig",
    "bmc_blockers",
    "get_rule",
    "run_rules",
    "validate",
]


def validate(
    canvas: Canvas,
    *,
    rules: Iterable[Rule] | None = None,
    config: ValidationConfig | None = None,
    locator: Locator | None = None,
) -> Report:
    """Check a canvas against the rules and return every diagnostic.

    :param rules: the rules to run; the built-in rules when ``None``.
    :param config: which rules run, at what severity, with which thresholds.
    :param locator: maps a logical path to its file location (a loaded document provides one).
    """
    chosen = BUILTIN_RULES if rules is None else tuple(rules)
    return run_rules(canvas, chosen, config or ValidationConfig(), locator)
