"""quickscan-suitability: the quickscan's verdict, when the quickscan's answers come along.

Applicable only when ``context.extras["quickscan"]`` holds the quickscan's
:class:`~cmc_core.questionnaires.AnswerSet`; the verdict is
:func:`cmc_core.questionnaires.assess_quickscan`'s, and its reasons are the verdict's.
"""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.questionnaires import AnswerSet, assess_quickscan
from cmc_core.scoring.builtin._common import Tally, make_scorer
from cmc_core.scoring.contract import Reason, Score, ScoreContext

__all__ = ["EXTRA", "QUICKSCAN_SUITABILITY", "SUITABILITY_POINTS", "score_quickscan_suitability"]

#: The key in ``ScoreContext.extras`` that holds the quickscan's answers.
EXTRA = "quickscan"
#: The score of each verdict.
SUITABILITY_POINTS = {"suitable": 100.0, "needs_work": 50.0, "not_a_community_case": 0.0}


def score_quickscan_suitability(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the quickscan's verdict; not applicable without quickscan answers.

    :raises TypeError: when ``extras["quickscan"]`` holds something other than an AnswerSet.
    """
    answers = context.extras.get(EXTRA)
    if answers is None:
        reason = Reason(
            f'No quickscan answers were given (extras["{EXTRA}"]): the dimension does not apply'
        )
        return Score(0.0, (reason,), applicable=False)
    if not isinstance(answers, AnswerSet):
        raise TypeError(
            f'extras["{EXTRA}"] must be the quickscan\'s AnswerSet, not {type(answers).__name__}'
        )
    verdict = assess_quickscan(answers, canvas)
    tally = Tally()
    tally.add(
        SUITABILITY_POINTS[verdict.suitability.value],
        f"The quickscan's verdict: {verdict.label()}",
    )
    for text in verdict.explain():
        tally.note(text)
    return tally.score()


QUICKSCAN_SUITABILITY = make_scorer(
    name="quickscan-suitability",
    title="Quickscan suitability",
    score=score_quickscan_suitability,
    description="""
        The quickscan's verdict on the case, when its answers are given as
        extras["quickscan"]: suitable 100, needs work 50, not a community case 0; not
        applicable without answers. Suitable: at least two suppliers and two demanders,
        processes to cooperate on, a shared facility, and a budget with a group ready to
        start; one supplier or one demander only is not a community case.
        Grounding: the quickscan judges whether an idea suits Weconomics [S5]; domain.md 2.9
        and 4 (the suggested outcome bands); V01.""",
)
