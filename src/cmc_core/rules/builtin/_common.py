"""What the built-in rule modules share: a decorator that makes a rule, and message wording.

The wording (``describe`` and the rest) is :mod:`cmc_core.analysis`'s, which the score card
shares; it is re-exported here so that a rule module imports everything it needs from one place.
"""

from __future__ import annotations

from collections.abc import Callable

from cmc_core.analysis import describe, describe_all, plural, quote, quote_all
from cmc_core.diagnostics import Severity
from cmc_core.rules.engine import CheckFunction, Rule
from cmc_core.vocabulary import Role, label

__all__ = [
    "describe",
    "describe_all",
    "plural",
    "quote",
    "quote_all",
    "role_name",
    "rule",
]


def rule(
    *, code: str, name: str, severity: Severity, title: str, rationale: str, source: str
) -> Callable[[CheckFunction], Rule]:
    """Turn a check function into a :class:`~cmc_core.rules.engine.Rule` with this metadata."""

    def make(check: CheckFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            title=title,
            rationale=" ".join(rationale.split()),
            source=source,
            check=check,
        )

    return make


def role_name(role: Role) -> str:
    """The English label of a role, such as ``network leader``."""
    return label(role)
