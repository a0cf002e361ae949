"""The scorer contract: one dimension of the community score card.

A :class:`Scorer` is data (a stable name, a title, a weight) plus a function from a canvas to a
:class:`Score`: a number from 0 to 100 and the :class:`Reason` objects that produced it. A bare
number is useless in a workshop, so a score without reasons is allowed only when the dimension
does not apply (``applicable=False``). This module defines the contract; the score card is in
:mod:`cmc_core.scoring.card`, the built-in scorers in :mod:`cmc_core.scoring.builtin`.

How the contract may evolve: new fields always come with defaults; ``api_version`` is raised only
for a change a scorer must opt in to.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from cmc_core.naming import check_name
from cmc_core.plugin_config import PluginConfig
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas

__all__ = [
    "MAXIMUM_SCORE",
    "SCORER_API_VERSION",
    "Reason",
    "Score",
    "ScoreContext",
    "ScoreFunction",
    "Scorer",
]

SCORER_API_VERSION = 1
#: Every score lies between 0 and this.
MAXIMUM_SCORE = 100.0


def _check_score(_instance: object, _attribute: attrs.Attribute[float], value: float) -> None:
    if not (isinstance(value, int | float) and math.isfinite(value)):
        raise ValueError(f"a score must be a finite number, got {value!r}")
    if not 0 <= value <= MAXIMUM_SCORE:
        raise ValueError(f"a score must lie between 0 and {MAXIMUM_SCORE:g}, got {value!r}")


def _codes(codes: Iterable[str]) -> frozenset[str]:
    return frozenset(codes)


def _check_weight(_instance: object, _attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"a weight must be a finite number of at least 0, got {value!r}")


@attrs.frozen
class Reason:
    """One fact behind a score, readable in a workshop.

    :param text: the fact in a sentence (``2 of 3 suppliers use the commonality``).
    :param path: the logical path into the canvas it is about (``commonalities[0].users``), or
        ``""`` for the canvas as a whole.
    :param effect: how many points it added (positive) or cost (negative), when the scorer's
        formula can say so.
    """

    text: str
    path: str = ""
    effect: float | None = None


@attrs.frozen
class Score:
    """What a scorer says about one canvas.

    :param value: from 0 (weak) to 100 (strong).
    :param reasons: the facts that produced it, most important first.
    :param applicable: ``False`` when the dimension says nothing about this canvas (a quickscan
        score without quickscan answers); the score card then leaves it out of the overall score.
    """

    value: float = attrs.field(validator=_check_score)
    reasons: tuple[Reason, ...] = ()
    applicable: bool = True


def _copied(value: Mapping[str, Any]) -> dict[str, Any]:
    # A private copy that pickles, so contexts can go to worker processes.
    return dict(value)


_Shared = TypeVar("_Shared")
_Settings = TypeVar("_Settings")


class _Memo(dict[object, Any]):
    """What the scorers of one run computed for each other; pickles empty, as a cache should."""

    def __reduce__(self) -> tuple[type[_Memo], tuple[()]]:
        return (_Memo, ())


@attrs.frozen
class ScoreContext:
    """What every scorer of one run shares.

    :param canvas: the canvas being scored.
    :param extras: further inputs by name, such as ``"quickscan"`` answers; a scorer reads what
        it knows and ignores the rest.
    :param plugins: the plugins' settings from the configuration (``[tool.cmc.plugins.NAME]``);
        a plugin's scorer reads its own with :meth:`plugin_config`.

    Scorers of one run also share what is expensive to compute on a large canvas (the flow
    counts, the network analysis) through :meth:`shared`; the cache takes no part in equality
    and pickles empty.
    """

    canvas: Canvas
    extras: Mapping[str, Any] = attrs.field(factory=dict, converter=_copied, hash=False)
    plugins: PluginConfig = attrs.field(default=PluginConfig(), kw_only=True)
    _memo: _Memo = attrs.field(factory=_Memo, init=False, eq=False, repr=False, hash=False)

    def plugin_config(self, settings_class: type[_Settings]) -> _Settings:
        """The configured settings of the class a plugin declared (``cmc_register_settings``),
        or its defaults when the project sets none."""
        return self.plugins.get(settings_class)

    def shared(self, compute: Callable[[ScoreContext], _Shared]) -> _Shared:
        """``compute(self)``, computed once per context and handed to every scorer that asks.

        :param compute: a module-level function of the context (the function is the cache
            key), such as the built-ins' network analysis; it may ask for other shared results.
            What it returns is shared, so nobody may change it.
        """
        memo = self._memo
        if compute not in memo:
            memo[compute] = compute(self)
        result: _Shared = memo[compute]
        return result


ScoreFunction = Callable[["Canvas", ScoreContext], Score]


@attrs.frozen
class Scorer:
    """One dimension of the score card.

    :param name: stable name, such as ``market-balance``.
    :param title: one line for the score card (``Market balance and equal footing``).
    :param score: computes the score; must be deterministic and must not change the canvas.
    :param description: the formula and its grounding, for the docs and ``cmc plugins``.
    :param weight: its default weight in the overall score.
    :param api_version: the version of this contract the scorer was written for.
    :param rules: the codes of the rules whose error-level diagnostics concern this dimension:
        when the canvas has one, the dimension cannot score in the top band (see
        :func:`~cmc_core.scoring.score_canvas`'s ``errors``).
    :param messages: the catalog its title is translated from (a plugin passes its own, see
        ``docs/languages.md``); ``None``: cmc's ``scores`` catalog.
    """

    name: str = attrs.field(validator=check_name)
    title: str
    score: ScoreFunction = attrs.field(eq=False, repr=False)
    description: str = ""
    weight: float = attrs.field(default=1.0, validator=_check_weight)
    api_version: int = SCORER_API_VERSION
    rules: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    messages: Messages | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def __call__(self, canvas: Canvas, context: ScoreContext | None = None) -> Score:
        """Score a canvas.

        :raises TypeError: when the score function returns something other than a Score.
        """
        result = self.score(canvas, context or ScoreContext(canvas))
        if not isinstance(result, Score):
            raise TypeError(
                f"scorer {self.name!r} returned {type(result).__name__}; expected a Score"
            )
        return result
