"""end-customer-orientation: the network reasons from the value it delivers to the end customer."""

from __future__ import annotations

from cmc_core.canvas import Canvas
from cmc_core.scoring.builtin._common import Tally, flows_of, make_scorer, percent, plural
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.vocabulary import Role

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

_WHAT = {
    "customer": "who the end customer is",
    "value": "the added value the end customer receives",
    "problem": "the end customer's problem the community solves",
    "waste": "the waste or friction towards the end customer today",
    "measure": "how delivery with minimal waste is measured",
}


def _described(canvas: Canvas, points: dict[str, float], tally: Tally) -> None:
    for field, worth in points.items():
        path = f"end_customer.{field}"
        if str(getattr(canvas.end_customer, field)).strip():
            tally.add(worth, f"Block A1 says {_WHAT[field]}", path)
        else:
            tally.note(f"Block A1 does not say {_WHAT[field]} (worth {worth:g} points)", path)


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
            "No party is the end customer or a demander that serves one: mark who serves the "
            "end customer (serves_end_customer)",
            "parties",
        )
        return
    if not reaching:
        tally.note(
            f"No market flow reaches the end customer or one of the "
            f"{plural(len(serving), 'demander')} serving them (V09)",
            "flows",
        )
        return
    tally.add(
        REACH_POINTS,
        f"Market flows reach the end customer side: {plural(len(serving), 'party', 'parties')} "
        "that are the end customer or serve them receive flows",
        "flows",
    )
    if table.unit is None:
        what = f"{reaching:g} of {plural(total, 'market flow')}"
    else:  # the shares are of volumes
        what = f"{reaching:g} of {table.total:g} {table.unit} of market flows"
    tally.add(
        REACH_SHARE_POINTS * reaching / table.total,
        f"{what} ({percent(reaching / table.total)}) end at the end customer or a demander "
        "serving them",
        "flows",
    )


def score_end_customer_orientation(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the end-customer orientation (see :data:`END_CUSTOMER_ORIENTATION`)."""
    tally = Tally()
    _described(canvas, DESCRIPTION_POINTS, tally)
    _reach(canvas, context, tally)
    _described(canvas, MEASURE_POINTS, tally)
    return tally.score()


END_CUSTOMER_ORIENTATION = make_scorer(
    name="end-customer-orientation",
    title="End-customer orientation",
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
