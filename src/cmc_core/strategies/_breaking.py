"""``canvases_breaking(code)``: a valid canvas with one targeted mutation that breaks one rule.

Each rule has one or more mutations, each a small function ``(draw, canvas) -> canvas`` that
changes exactly what its rule looks at, in a way no other rule reports as an error (checked
against the rule specifications under the default :class:`~cmc_core.rules.RuleSettings`).
Mutations rely on the shape :func:`~cmc_core.strategies.valid_canvases` guarantees: at least two
suppliers and two demanders that supply or demand only, each with an organisation of its own, a
steward outside the market, decision rights held by the steward alone or by several market
parties together.
"""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from cmc_core.canvas import Canvas
from cmc_core.rules.engine import RuleSettings
from cmc_core.strategies._breaks_integrity import INTEGRITY_MUTATIONS
from cmc_core.strategies._breaks_market import MARKET_MUTATIONS
from cmc_core.strategies._draws import pick
from cmc_core.strategies._mutations import Mutation
from cmc_core.strategies._valid import valid_canvases
from cmc_core.vocabulary import Language

__all__ = ["BREAKABLE_RULE_CODES", "UNBREAKABLE_RULE_CODES", "canvases_breaking"]

_MUTATIONS: dict[str, tuple[Mutation, ...]] = {**MARKET_MUTATIONS, **INTEGRITY_MUTATIONS}

#: The built-in rule codes :func:`canvases_breaking` supports, in order.
BREAKABLE_RULE_CODES: tuple[str, ...] = tuple(sorted(_MUTATIONS))

#: Built-in rule codes no canvas can trigger without another error, and why.
UNBREAKABLE_RULE_CODES: dict[str, str] = {
    "CMC015": "it reports only when CMC001 (an error) fails: it explains that failure",
}


def canvases_breaking(
    code: str,
    *,
    min_parties: int = 5,
    max_parties: int = 10,
    min_flows: int = 1,
    max_flows: int = 16,
    language: Language | str | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Canvas]:
    """Canvases that trigger rule ``code`` and no error-level diagnostic of any other rule.

    Each is a :func:`valid_canvases` canvas with one targeted mutation, drawn from the rule's
    ways of being broken (for CMC003: terms that favour a market party, exclusivity, an exit
    ban, or empty access terms). For warning and info rules
    the canvas triggers the code and no error at all. The promise holds under the default
    :class:`~cmc_core.rules.RuleSettings`; the size arguments are those of
    :func:`valid_canvases` (mutations may add one party, flow or area).

    :param code: a code of :data:`BREAKABLE_RULE_CODES`.
    :raises hypothesis.errors.InvalidArgument: for a code that cannot be broken alone.
    """
    if code not in _MUTATIONS:
        why = UNBREAKABLE_RULE_CODES.get(code, "it is no built-in rule code")
        raise InvalidArgument(f"cannot break {code!r} alone: {why}")
    base = valid_canvases(
        min_parties=min_parties,
        max_parties=max_parties,
        min_flows=min_flows,
        max_flows=max_flows,
        language=language,
        settings=RuleSettings(),
        text=text,
    )
    return _broken(base, _MUTATIONS[code])


@st.composite
def _broken(
    draw: st.DrawFn, base: st.SearchStrategy[Canvas], mutations: Iterable[Mutation]
) -> Canvas:
    canvas = draw(base)
    mutation = pick(draw, tuple(mutations))
    return mutation(draw, canvas)
