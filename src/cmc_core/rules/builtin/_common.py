"""What the built-in rule modules share: a decorator that makes a rule, and message wording.

Messages name entities as ``'Port of X' (p-port)`` and list several sorted by (name, id), so that
a message never depends on the order of the lists in the canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from cmc_core.diagnostics import Severity
from cmc_core.rules.engine import CheckFunction, Rule
from cmc_core.vocabulary import Role, label

__all__ = [
    "LIST_LIMIT",
    "Named",
    "describe",
    "describe_all",
    "plural",
    "quote",
    "role_name",
    "rule",
]

#: How many entities a message lists before it says "and N more".
LIST_LIMIT = 5


class Named(Protocol):
    """Anything with an id and a name: a party, a value, a commonality, a process area."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


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


def quote(text: str) -> str:
    """``text`` in single quotes, as messages cite ids and names."""
    return f"'{text}'"


def describe(entity: Named) -> str:
    """``'Name' (id)``, or ``'id'`` for an entity without a name."""
    name = entity.name.strip()
    return f"{quote(name)} ({entity.id})" if name else quote(entity.id)


def _name_then_id(entity: Named) -> tuple[str, str]:
    return (entity.name, entity.id)


def describe_all(entities: Iterable[Named], limit: int = LIST_LIMIT) -> str:
    """Several entities, sorted by (name, id), at most ``limit`` of them and a count of the rest."""
    ordered = sorted(entities, key=_name_then_id)
    shown = ", ".join(describe(entity) for entity in ordered[:limit])
    rest = len(ordered) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown


def quote_all(texts: Iterable[str], limit: int = LIST_LIMIT) -> str:
    """Several ids or names, sorted and quoted, at most ``limit`` of them and a count of others."""
    ordered = sorted(set(texts))
    shown = ", ".join(quote(text) for text in ordered[:limit])
    rest = len(ordered) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown


def plural(number: int, singular: str, plural_form: str | None = None) -> str:
    """``1 supplier``, ``2 suppliers``, ``0 suppliers``."""
    word = singular if number == 1 else plural_form or f"{singular}s"
    return f"{number} {word}"


def role_name(role: Role) -> str:
    """The English label of a role, such as ``network leader``."""
    return label(role)
