"""end-customer-orientation: the network reasons from the value it delivers to the end customer."""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.scoring.builtin._common import Tally, flows_of, make_scorer, percent
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Role

_ = Messages("cmc_core", "scores")

__all__ = [
    "DESCRIPTION_POINTS",
    "END_CUSTOMER_ORIENTATION",
    "MEASURE_POINTS",
    "REACH_POINTS",
    "REACH_SHARE_POINTS",
    "score_end_customer_orientation",
]

#: Points for each part of block A1 that says who the end customer is and what they get.
DESCRIPTION_POINTS = {"customer": 10.0, "value": 15.0, "problem": 10.0}
#: Points for each part of block A1 that says how waste towards the customer is measured.
MEASURE_POINTS = {"waste": 10.0, "measure": 10.0}
#: Points when at least one market flow reaches the end customer side (V09).
REACH_POINTS = 20.0
#: Points for the share of market flows that reach the end customer side.
REACH_SHARE_POINTS = 25.0

#: What block A1 says, or does not say, per field.
_SAYS = {
    "customer": (
        N_("Block A1 says who the end customer is"),
        N_("Block A1 does not say who the end customer is (worth {worth} points)"),
    ),
    "value": (
        N_("Block A1 says the added value the end customer receives"),
        N_(
            "Block A1 does not say the added value the end customer receives (worth {worth} points)"
        ),
    ),
    "problem": (
        N_("Block A1 says the end customer's problem the community solves"),
        N_(
            "Block A1 does not say the end customer's problem the community solves "
            "(worth {worth} points)"
        ),
    ),
    "waste": (
        N_("Block A1 says the waste or friction towards the end customer today"),
        N_(
            "Block A1 does not say the waste or friction towards the end customer today "
            "(worth {worth} points)"
        ),
    ),
    "measure": (
        N_("Block A1 says how delivery with minimal waste is measured"),
        N_(
            "Block A1 does not say how delivery with minimal waste is measured "
            "(worth {worth} points)"
        ),
    ),
}


def _described(canvas: Canvas, points: dict[str, float], tally: Tally) -> None:
    for field, worth in points.items():
        path = f"end_customer.{field}"
        says, lacks = _SAYS[field]
        if str(getattr(canvas.end_customer, field)).strip():
            tally.add(worth, _.translate(says), path)
        else:
            tally.note(_.translate(lacks, worth=format(worth, "g")), path)


def _reach(canvas: Canvas, context: ScoreContext, tally: Tally) -> None:
    table = flows_of(context)
    parties = canvas.parties
    serving = [
        number
        for number in table.party_numbers
        if Role.END_CUSTOMER in parties[number].roles
        or (Role.DEMANDER in parties[number].roles and parties[number].serves_end_customer)
    ]
    total = table.market_flows
    reaching = sum(table.received.get(number, 0) for number in serving)
    if not serving:
        tally.note(
            _(
                "No party is the end customer or a demander that serves one: mark who serves "
                "the end customer (serves_end_customer)"
            ),
            "parties",
        )
        return
    if not reaching:
        tally.note(
            _.plural(
                "No market flow reaches the end customer or one of the {count} demander "
                "serving them (V09)",
                "No market flow reaches the end customer or one of the {count} demanders "
                "serving them (V09)",
                len(serving),
            ),
            "flows",
        )
        return
    tally.add(
        REACH_POINTS,
        _.plural(
            "Market flows reach the end customer side: {count} party that are the end "
            "customer or serve them receive flows",
            "Market flows reach the end customer side: {count} parties that are the end "
            "customer or serve them receive flows",
            len(serving),
        ),
        "flows",
    )
    fraction = percent(reaching / table.total)
    if table.unit is None:
        text = _.plural(
            "{reaching} of {count} market flow ({share}) end at the end customer or a demander "
            "serving them",
            "{reaching} of {count} market flows ({share}) end at the end customer or a "
            "demander serving them",
            total,
            reaching=format(reaching, "g"),
            share=fraction,
        )
    else:  # the shares are of volumes
        text = _(
            "{reaching} of {total} {unit} of market flows ({share}) end at the end customer or "
            "a demander serving them",
            reaching=format(reaching, "g"),
            total=format(table.total, "g"),
            unit=table.unit,
            share=fraction,
        )
    tally.add(REACH_SHARE_POINTS * reaching / table.total, text, "flows")


def score_end_customer_orientation(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the end-customer orientation (see :data:`END_CUSTOMER_ORIENTATION`)."""
    tally = Tally()
    _described(canvas, DESCRIPTION_POINTS, tally)
    _reach(canvas, context, tally)
    _described(canvas, MEASURE_POINTS, tally)
    return tally.score()


END_CUSTOMER_ORIENTATION = make_scorer(
    name="end-customer-orientation",
    title=N_("End-customer orientation"),
    rules=("CMC009",),
    score=score_end_customer_orientation,
    description="""
        Whether the network reasons from the end customer's added value:
        10 for the end customer named + 15 for their added value + 10 for their problem
        (block A1) + 20 when a market flow reaches an end customer or a demander serving one
        + 25 x (market flows ending there / market flows) + 10 for the waste towards the end
        customer + 10 for how minimal waste is measured.
        Grounding: the CMC "redeneert vanuit het leveren van toegevoegde waarde voor de
        eindklant" at minimal waste [S1]; principle 1 (finalize: deliver to the demander);
        domain.md 3.2 A1 and 3.4 V09.""",
)
