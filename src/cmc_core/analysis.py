"""Measures of a canvas and the wording of messages about it, shared by the rules and the score.

The validation rules (:mod:`cmc_core.rules`) and the score card (:mod:`cmc_core.scoring`) judge
the same things: how concentrated a market side is, which commonality is the primary one, and
they name the entities they talk about the same way. Those shared pieces live here, one layer
below both, so that neither reaches into the other's internals and a message of a rule reads
like a reason of a score.

Messages name entities as ``'Port of X' (p-port)`` and list several sorted by (name, id), so that
a message never depends on the order of the lists in the canvas.

Everything here is pure: no I/O, no state, and only the model and the catalogs are imported.
The wording speaks the language of the moment (:mod:`cmc_core.translation`), from the ``rules``
catalog: "and 3 more" in English, "en nog 3" in Dutch.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import mul
from typing import Protocol

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Severity
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language

__all__ = [
    "LIST_LIMIT",
    "Named",
    "describe",
    "describe_all",
    "herfindahl",
    "join_and",
    "plural",
    "primary_position",
    "quote",
    "quote_all",
    "severity_label",
]

_ = Messages("cmc_core", "rules")

#: The words a person reads for the severities; the severities' values themselves are ids.
_SEVERITY_WORDS = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}

#: How many entities a message lists before it says "and N more".
LIST_LIMIT = 5


# -- measures -------------------------------------------------------------------------------------


def herfindahl(counts: list[int]) -> float:
    """The Herfindahl-Hirschman index (HHI, 0-1) of parties with these numbers of flows.

    The sum of the squared shares: 1.0 for a single party, ``1/n`` for ``n`` equal ones, and
    0.0 when there are no flows at all. Computed in integers and divided once, so the result is
    exact up to one rounding and does not depend on the order of the parties (what
    ``math.fsum`` would give for the shares).
    """
    total = sum(counts)
    return sum(map(mul, counts, counts)) / (total * total) if total else 0.0


def primary_position(canvas: Canvas) -> int | None:
    """The position of :attr:`~cmc_core.Canvas.primary_commonality` in
    ``canvas.commonalities``: the first one marked primary, else the first one; ``None`` when
    the canvas has no commonality.
    """
    for position, commonality in enumerate(canvas.commonalities):
        if commonality.primary:
            return position
    return 0 if canvas.commonalities else None


# -- wording --------------------------------------------------------------------------------------


class Named(Protocol):
    """Anything with an id and a name: a party, a value, a commonality, a process area."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


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
    return _and_more(shown, len(ordered) - limit)


def _and_more(shown: str, rest: int) -> str:
    """``shown`` and a count of the ``rest`` left out, in the current language."""
    if rest <= 0:
        return shown
    return _("{shown} and {rest} more", shown=shown, rest=rest)


def quote_all(texts: Iterable[str], limit: int = LIST_LIMIT) -> str:
    """Several ids or names, sorted and quoted, at most ``limit`` of them and a count of others."""
    ordered = sorted(set(texts))
    shown = ", ".join(quote(text) for text in ordered[:limit])
    return _and_more(shown, len(ordered) - limit)


def join_and(texts: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` in the current language (``a, b en c`` in Dutch)."""
    items = list(texts)
    if len(items) < 2:
        return "".join(items)
    return _("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def plural(number: int, singular: str, plural_form: str | None = None) -> str:
    """``1 supplier``, ``2 suppliers``, ``0 suppliers``."""
    word = singular if number == 1 else plural_form or f"{singular}s"
    return f"{number} {word}"


def severity_label(severity: Severity, language: Language | None = None) -> str:
    """The word for ``severity`` in ``language`` (default: the current one): ``error``, or
    ``fout`` in Dutch. JSON and SARIF keep the severity's value, which is an id."""
    return _.translate(_SEVERITY_WORDS[severity], language)
