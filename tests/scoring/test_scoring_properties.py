"""Properties of the built-in scorers over generated canvases (issue 5, "done when")."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cmc_core.canvas import Canvas
from cmc_core.questionnaires import Answer, AnswerSet
from cmc_core.scoring import ScoreContext, score_canvas
from cmc_core.scoring.builtin import BUILTIN_SCORERS, MARKET_BALANCE
from cmc_core.strategies import canvases, id_strings, rename_ids, valid_canvases

from .score_builders import least_served_demander, moved_onto, shuffled, with_new_supplier

EXAMPLES = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
COMMUNITIES = valid_canvases(max_parties=12, max_flows=24)
QUICKSCAN = AnswerSet(
    {
        "qs-suppliers-count": Answer("qs-suppliers-count", 3),
        "qs-demanders-count": Answer("qs-demanders-count", 4),
    }
)


def market_balance(canvas: Canvas) -> float:
    return MARKET_BALANCE(canvas, ScoreContext(canvas)).value


def values(canvas: Canvas) -> dict[str, float]:
    card = score_canvas(canvas, extras={"quickscan": QUICKSCAN})
    return {dimension.name: dimension.score for dimension in card.dimensions}


def close(first: dict[str, float], second: dict[str, float]) -> bool:
    return first.keys() == second.keys() and all(
        math.isclose(first[name], second[name], abs_tol=1e-9) for name in first
    )


@EXAMPLES
@given(st.one_of(canvases(), COMMUNITIES))
def test_every_score_lies_between_0_and_100_and_its_reasons_add_up_to_it(canvas: Canvas) -> None:
    context = ScoreContext(canvas, {"quickscan": QUICKSCAN})
    for scorer in BUILTIN_SCORERS:
        score = scorer(canvas, context)
        assert 0 <= score.value <= 100, scorer.name
        effects = math.fsum(reason.effect or 0.0 for reason in score.reasons)
        assert math.isclose(effects, score.value, abs_tol=1e-9), scorer.name


@EXAMPLES
@given(COMMUNITIES)
def test_an_independent_supplier_selling_to_the_least_served_demander_never_lowers_market_balance(
    canvas: Canvas,
) -> None:
    target = least_served_demander(canvas)
    assert target is not None  # a valid canvas has demanders
    before = market_balance(canvas)
    after = market_balance(with_new_supplier(canvas, target))
    assert after >= before - 1e-9


@EXAMPLES
@given(COMMUNITIES, st.data())
def test_moving_every_flow_onto_one_party_never_raises_market_balance(
    canvas: Canvas, data: st.DataObject
) -> None:
    hub = data.draw(st.sampled_from(canvas.parties)).id
    assert market_balance(moved_onto(canvas, hub)) <= market_balance(canvas) + 1e-9


@EXAMPLES
@given(st.one_of(COMMUNITIES, canvases()))
def test_scores_do_not_change_when_ids_are_renamed(canvas: Canvas) -> None:
    # New ids sort the other way round, so no tie may be broken by the spelling of an id.
    old = sorted(id_strings(canvas))
    renaming = {key: f"renamed-{len(old) - n:04d}" for n, key in enumerate(old)}
    assert close(values(rename_ids(canvas, renaming)), values(canvas))


@EXAMPLES
@given(COMMUNITIES, st.integers(0, 2**32))
def test_scores_do_not_change_when_parties_flows_and_values_are_reordered(
    canvas: Canvas, seed: int
) -> None:
    reordered = shuffled(canvas, seed)
    assume(reordered != canvas)
    assert close(values(reordered), values(canvas))
