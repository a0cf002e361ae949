"""quickscan-suitability: the quickscan's verdict, when the quickscan's answers come along.

The answers are ``context.extras["quickscan"]`` when given (``cmc score --answers``, ``cmc
export --answers``), else the ones the canvas remembers from the quickscan that made or filled
it (:attr:`cmc_core.Canvas.quickscan`); explicit answers win. Without either the dimension does
not apply. The verdict is :func:`cmc_core.questionnaires.assess_quickscan`'s, and its reasons
are the verdict's, in the current language.
"""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.questionnaires import AnswerSet, assess_quickscan
from cmc_core.questionnaires.quickscan import recalled_answers
from cmc_core.scoring.builtin._common import Tally, make_scorer
from cmc_core.scoring.contract import Reason, Score, ScoreContext
from cmc_core.translation import N_, Messages, current_language

__all__ = ["EXTRA", "QUICKSCAN_SUITABILITY", "SUITABILITY_POINTS", "score_quickscan_suitability"]

_ = Messages("cmc_core", "scores")

#: The key in ``ScoreContext.extras`` that holds the quickscan's answers.
EXTRA = "quickscan"
#: The score of each verdict.
SUITABILITY_POINTS = {"suitable": 100.0, "needs_work": 50.0, "not_a_community_case": 0.0}


def score_quickscan_suitability(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the quickscan's verdict; not applicable without quickscan answers, given or kept
    in the canvas.

    :raises TypeError: when ``extras["quickscan"]`` holds something other than an AnswerSet.
    """
    answers = context.extras.get(EXTRA)
    kept = recalled_answers(canvas)
    if answers is None:
        answers = kept
    if answers is None:
        reason = Reason(
            _(
                'No quickscan answers were given (extras["{extra}"]): the dimension does not apply',
                extra=EXTRA,
            )
        )
        return Score(0.0, (reason,), applicable=False)
    if not isinstance(answers, AnswerSet):
        raise TypeError(
            f'extras["{EXTRA}"] must be the quickscan\'s AnswerSet, not {type(answers).__name__}'
        )
    verdict = assess_quickscan(answers, canvas)
    language = current_language()
    tally = Tally()
    tally.add(
        SUITABILITY_POINTS[verdict.suitability.value],
        _("The quickscan's verdict: {verdict}", verdict=verdict.label(language)),
    )
    for text in verdict.explain(language):
        tally.note(text)
    if kept is not None and answers == kept:  # given by assess(), or by no one
        tally.note(_("The answers are the ones the quickscan kept in the canvas"), EXTRA)
    return tally.score()


QUICKSCAN_SUITABILITY = make_scorer(
    name="quickscan-suitability",
    title=N_("Quickscan suitability"),
    score=score_quickscan_suitability,
    description="""
        The quickscan's verdict on the case, from its answers given as extras["quickscan"]
        (cmc score --answers), else from those the canvas kept when the quickscan made or
        filled it (quickscan:): suitable 100, needs work 50, not a community case 0; not
        applicable without answers. Suitable: at least two suppliers and two demanders,
        processes to cooperate on, a shared facility, and a budget with a group ready to
        start; one supplier or one demander only is not a community case.
        Grounding: the quickscan judges whether an idea suits Weconomics [S5]; domain.md 2.9
        and 4 (the suggested outcome bands); V01.""",
)
