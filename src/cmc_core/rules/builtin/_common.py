"""What the built-in rule modules share: a decorator that makes a rule, and message wording.

The wording (``describe`` and the rest) is :mod:`cmc_core.analysis`'s, which the score card
shares; it is re-exported here so that a rule module imports everything it needs from one place.
Rule titles and rationales are marked for the ``rules`` catalog with ``N_`` where a rule is
made, and translated where they are shown (:func:`cmc_core.rules.engine.Rule.title_in`).
"""

from __future__ import annotations

from collections.abc import Callable

from cmc_core.analysis import describe, describe_all, join_and, plural, quote, quote_all
from cmc_core.diagnostics import Severity
from cmc_core.rules.engine import CheckFunction, Rule
from cmc_core.translation import N_, Messages, current_language
from cmc_core.vocabulary import Role, label

__all__ = [
    "describe",
    "describe_all",
    "join_and",
    "plural",
    "quote",
    "quote_all",
    "role_label",
    "role_name",
    "rule",
    "side_word",
]

_ = Messages("cmc_core", "rules")

#: A market side as a message names it: the English word is the value the rules compute.
_SIDE_WORDS = {"supplier": N_("supplier"), "demander": N_("demander")}


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


def role_label(role: Role) -> str:
    """The label of a role in the current language: ``network leader`` or ``netwerkleider``."""
    return label(role, current_language())


def side_word(side: str) -> str:
    """``supplier`` or ``demander`` in the current language (``aanbieder``, ``afnemer``)."""
    word = _SIDE_WORDS.get(side)
    return _.translate(word) if word is not None else side
