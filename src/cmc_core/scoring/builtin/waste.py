"""waste-reduction: how well the canvas substantiates the waste it removes."""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.model import Waste
from cmc_core.scoring.builtin._common import Tally, amount, figure, make_scorer
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import SavingStatus

_ = Messages("cmc_core", "scores")

__all__ = [
    "BASELINE_SHARE_POINTS",
    "BASELINE_TEXT_POINTS",
    "BASIS_ALONE_POINTS",
    "BASIS_POINTS",
    "SAVING_POINTS",
    "WASTE_REDUCTION",
    "score_waste_reduction",
]

#: Points for describing today's waste in words.
BASELINE_TEXT_POINTS = 15.0
#: Points for estimating the share of cost that goes to communication and control today.
BASELINE_SHARE_POINTS = 20.0
#: Points for an expected saving in percent.
SAVING_POINTS = 35.0
#: The share of the saving points a promised (not realised) saving earns.
PROMISED_SHARE = 0.5
#: Points for the basis of the expected saving.
BASIS_POINTS = 30.0
#: Points for a basis given without a saving to substantiate.
BASIS_ALONE_POINTS = 10.0


def _saving(tally: Tally, waste: Waste, saving: float) -> None:
    """A realised saving earns every point; a promised one a share, none without a baseline
    figure to measure it against (rule CMC018's error)."""
    if waste.expected_saving is not None:
        size = f"{figure(saving)}%"
    else:
        size = amount(saving, waste.unit, waste.period)
    path = "waste.expected_saving" if waste.expected_saving is not None else "waste.saving_amount"
    if waste.status is SavingStatus.REALISED:
        tally.add(SAVING_POINTS, _("A saving of {size} is realised", size=size.strip()), path)
    elif waste.has_baseline:
        points = SAVING_POINTS * PROMISED_SHARE
        text = _("A saving of {size} is promised, not yet realised", size=size.strip())
        tally.add(points, text, path)
    else:
        tally.note(
            _(
                "A saving of {size} is promised without a baseline figure to measure it "
                "against: no points",
                size=size.strip(),
            ),
            path,
        )


def score_waste_reduction(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the waste-reduction potential (see :data:`WASTE_REDUCTION` for the formula)."""
    waste = canvas.waste
    tally = Tally()
    if waste.baseline.strip():
        tally.add(BASELINE_TEXT_POINTS, _("Today's waste is described"), "waste.baseline")
    else:
        tally.note(
            _(
                "Today's waste is not described: how much time and money goes to "
                "communication and control now? (worth {worth} points)",
                worth=format(BASELINE_TEXT_POINTS, "g"),
            ),
            "waste.baseline",
        )
    if waste.baseline_share is not None:
        tally.add(
            BASELINE_SHARE_POINTS,
            _(
                "{share}% of the cost is estimated to go to communication and control today",
                share=format(waste.baseline_share, "g"),
            ),
            "waste.baseline_share",
        )
    elif waste.baseline_amount is not None:
        tally.add(
            BASELINE_SHARE_POINTS,
            _(
                "The waste today is {amount}",
                amount=amount(waste.baseline_amount, waste.unit, waste.period),
            ),
            "waste.baseline_amount",
        )
    else:
        tally.note(
            _(
                "No estimate of the share of cost that goes to communication and control "
                "(worth {worth} points)",
                worth=format(BASELINE_SHARE_POINTS, "g"),
            ),
            "waste.baseline_share",
        )
    saving = waste.expected_saving if waste.expected_saving is not None else waste.saving_amount
    if saving is not None:
        _saving(tally, waste, saving)
    else:
        tally.note(
            _(
                "No expected saving in percent (worth {worth} points)",
                worth=format(SAVING_POINTS, "g"),
            ),
            "waste.expected_saving",
        )
    if not waste.basis.strip():
        tally.note(
            _(
                "The estimate has no basis: how is it substantiated? (worth {worth} points)",
                worth=format(BASIS_POINTS, "g"),
            ),
            "waste.basis",
        )
    elif saving is not None:
        tally.add(BASIS_POINTS, _("The expected saving has a basis"), "waste.basis")
    else:
        tally.add(
            BASIS_ALONE_POINTS,
            _("A basis is given, but no expected saving to substantiate"),
            "waste.basis",
        )
    return tally.score()


WASTE_REDUCTION = make_scorer(
    name="waste-reduction",
    title=N_("Waste reduction potential"),
    rules=("CMC018",),
    score=score_waste_reduction,
    description="""
        Whether block D2 substantiates the saving:
        15 for today's waste in words + 20 for it as a figure (its share of the cost in %, or
        an amount) + 35 for a realised saving (% or amount), half of that for a promised one
        measured against a baseline figure and none for a promised one without + 30 for the
        basis of that saving (10 for a basis without a saving).
        Grounding: the CMC aims at "minimale verspilling" and savings of "tientallen procenten"
        [S1]; more than 30% of work is control [S7]; the Digital Waste Assessment [S9];
        domain.md 3.2 D2 and 3.4 V18.""",
)
