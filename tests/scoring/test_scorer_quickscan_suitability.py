"""quickscan-suitability: the quickscan's verdict, applicable only with its answers."""

from __future__ import annotations

import pytest

from cmc_core.canvas import Canvas
from cmc_core.questionnaires import Answer, AnswerSet, assess_quickscan
from cmc_core.scoring import ScoreContext, score_canvas
from cmc_core.scoring.builtin.quickscan import QUICKSCAN_SUITABILITY


def answers(**values: object) -> AnswerSet:
    ids = {
        "suppliers": "qs-suppliers-count",
        "demanders": "qs-demanders-count",
        "cooperate": "qs-cooperate",
        "commonality": "qs-commonality",
        "kickoff": "qs-kickoff-ready",
    }
    return AnswerSet({ids[key]: Answer(ids[key], value) for key, value in values.items()})


SUITABLE = answers(
    suppliers=4, demanders=6, cooperate=["booking"], commonality="A portal", kickoff=True
)
NEEDS_WORK = answers(suppliers=4, demanders=6)
NOT_A_COMMUNITY = answers(suppliers=1, demanders=6)


@pytest.mark.parametrize(
    ("given", "expected"), [(SUITABLE, 100.0), (NEEDS_WORK, 50.0), (NOT_A_COMMUNITY, 0.0)]
)
def test_the_verdict_sets_the_score_and_its_reasons_are_the_verdicts(
    given: AnswerSet, expected: float
) -> None:
    canvas = Canvas()
    result = QUICKSCAN_SUITABILITY(canvas, ScoreContext(canvas, {"quickscan": given}))
    assert result.applicable
    assert result.value == expected
    verdict = assess_quickscan(given, canvas)
    assert result.reasons[0].text == f"The quickscan's verdict: {verdict.label()}"
    assert [r.text for r in result.reasons[1:]] == verdict.explain()


def test_without_answers_it_does_not_apply_and_stays_out_of_the_overall_score() -> None:
    card = score_canvas(Canvas())
    dimension = card.dimension("quickscan-suitability")
    assert not dimension.applicable
    assert dimension.band is None
    with_answers = score_canvas(Canvas(), extras={"quickscan": SUITABLE})
    assert with_answers.dimension("quickscan-suitability").applicable
    assert with_answers.overall != card.overall


def test_something_other_than_answers_is_refused_by_name() -> None:
    canvas = Canvas()
    with pytest.raises(TypeError, match="AnswerSet, not dict"):
        QUICKSCAN_SUITABILITY(canvas, ScoreContext(canvas, {"quickscan": {"qs-name": "x"}}))
