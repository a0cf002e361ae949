"""commonality-strength: a shared facility that the market parties use and nobody of them owns."""

from __future__ import annotations

from cmc_core.analysis import primary_position
from cmc_core.canvas import Canvas
from cmc_core.model import Commonality
from cmc_core.rules.control import trades
from cmc_core.scoring.builtin._common import (
    Tally,
    describe,
    flows_of,
    index_of,
    make_scorer,
    network_of,
    percent,
    plural,
    share,
)
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.vocabulary import Role

__all__ = [
    "BYPASS_SHARE",
    "COMMONALITY_STRENGTH",
    "FLOW_POINTS",
    "MARKET_STEWARD_POINTS",
    "STEWARD_POINTS",
    "USE_POINTS",
    "score_commonality_strength",
]

#: Points for the share of inside market parties that use the primary commonality.
USE_POINTS = 35.0
#: Points for the share of the trade (market flows, or their volume) over the commonality.
FLOW_POINTS = 25.0
#: Below this share of the trade over it, the reasons say that most trade bypasses it.
BYPASS_SHARE = 0.5
#: Points for a steward that is no market party.
STEWARD_POINTS = 40.0
#: Points for a steward that is a market party but no hub of the flows.
MARKET_STEWARD_POINTS = 20.0


def _use(canvas: Canvas, commonality: Commonality, where: str, tally: Tally) -> None:
    market = [
        (position, party)
        for position, party in enumerate(canvas.parties)
        if party.is_market_party and not party.external
    ]
    users = set(commonality.users)
    using = sum(party.id in users for _, party in market)
    tally.add(
        USE_POINTS * share(using, len(market)),
        f"{using} of {plural(len(market), 'market party', 'market parties')} inside the "
        f"community use {describe(commonality)}",
        f"{where}.users",
    )
    tally.missing(
        (
            (f"{describe(party)} does not use the commonality", f"parties[{position}]")
            for position, party in market
            if party.id not in users
        ),
        "market parties",
        f"{where}.users",
    )


def _flows(context: ScoreContext, tally: Tally) -> None:
    """The share of the trade that runs over the commonality: market flows only (a fee or a
    report is no trade), weighed by their volumes when every one gives one in one unit."""
    table = flows_of(context)
    if not table.total:
        tally.note("There are no market flows to run over the commonality yet", "flows")
        return
    over = share(table.over_commonality(), table.total)
    if table.unit is None:
        what = f"{plural(table.market_flows, 'market flow')}"
        how_much = f"{round(over * table.total)} of {what} ({percent(over)})"
    else:
        how_much = f"{percent(over)} of the traded volume ({table.unit})"
    verb = "runs" if table.unit is not None or table.market_flows == 1 else "run"
    tally.add(FLOW_POINTS * over, f"{how_much} {verb} over the commonality", "flows")
    if table.unweighed:
        tally.note(f"Counted in flows, not volumes: {table.unweighed}", "flows")
    if over < BYPASS_SHARE:
        tally.note(
            f"Most trade bypasses the commonality: {percent(1 - over)} of it runs outside, so "
            "the shared facility carries too little to be the community's ground",
            "flows",
        )


def _steward(
    canvas: Canvas, context: ScoreContext, commonality: Commonality, where: str, tally: Tally
) -> None:
    path = f"{where}.steward"
    steward = commonality.steward
    if not steward:
        tally.note("The commonality has no steward (V06): name who runs it for everyone", path)
        return
    table = flows_of(context)
    position = table.party_position.get(steward)
    if position is None:
        tally.note(f"The steward '{steward}' names no party of the canvas", path)
        return
    party = canvas.parties[position]
    hubs = {hub.party: hub for hub in network_of(context).hubs}
    if steward in hubs:
        tally.note(
            f"The steward {describe(party)} is a dominant market party: it takes part in "
            f"{percent(hubs[steward].share)} of the market flows, so the commonality is its "
            "platform rather than a shared facility",
            path,
        )
    elif trades(index_of(context), party):
        tally.add(
            MARKET_STEWARD_POINTS,
            f"The steward {describe(party)} is itself a market party or part of one: a "
            "conflict of interest to manage (V04), though no hub of the flows",
            path,
        )
    else:
        leader = " the network leader," if Role.NETWORK_LEADER in party.roles else ""
        tally.add(
            STEWARD_POINTS,
            f"The steward {describe(party)} is{leader} no market party: neutral ground",
            path,
        )


def score_commonality_strength(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the primary commonality (see :data:`COMMONALITY_STRENGTH` for the formula)."""
    tally = Tally()
    position = primary_position(canvas)
    if position is None:
        tally.note(
            "There is no commonality: the market parties of a business community share one (V05)",
            "commonalities",
        )
        return tally.score()
    commonality = canvas.commonalities[position]
    where = f"commonalities[{position}]"
    _use(canvas, commonality, where, tally)
    _flows(context, tally)
    _steward(canvas, context, commonality, where, tally)
    return tally.score()


COMMONALITY_STRENGTH = make_scorer(
    name="commonality-strength",
    title="Commonality strength",
    rules=("CMC005", "CMC006"),
    score=score_commonality_strength,
    weight=2.0,
    description="""
        How far the primary commonality is shared ground:
        35 x (inside market parties among its users / inside market parties)
        + 25 x (market flows via the commonality / all market flows; by volume when every
        market flow gives one in one unit, so thin real use shows)
        + 40 for a steward that is no market party, 20 for a steward that is a market party but
        no hub (more than half of the market flows), 0 for a hub, an unknown or no steward.
        Grounding: market parties "maken gebruik van een commonality" [S1]; partners use the
        shared capabilities and keep their independence [S7]; domain.md 3.4 V04, V05, V06 and
        decision 2 (the primary commonality).""",
)
