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
    share,
)
from cmc_core.scoring.builtin.market import more_market_parties
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Role

_ = Messages("cmc_core", "scores")

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
    using = sum(party.id in users for _position, party in market)
    tally.add(
        USE_POINTS * share(using, len(market)),
        _.plural(
            "{using} of {count} market party inside the community use {commonality}",
            "{using} of {count} market parties inside the community use {commonality}",
            len(market),
            using=using,
            commonality=describe(commonality),
        ),
        f"{where}.users",
    )
    tally.missing(
        (
            (
                _("{party} does not use the commonality", party=describe(party)),
                f"parties[{position}]",
            )
            for position, party in market
            if party.id not in users
        ),
        more_market_parties,
        f"{where}.users",
    )


def _flows(context: ScoreContext, tally: Tally) -> None:
    """The share of the trade that runs over the commonality: market flows only (a fee or a
    report is no trade), weighed by their volumes when every one gives one in one unit."""
    table = flows_of(context)
    if not table.total:
        tally.note(_("There are no market flows to run over the commonality yet"), "flows")
        return
    over = share(table.over_commonality(), table.total)
    if table.unit is None:
        text = _.plural(
            "{over} of {count} market flow ({share}) runs over the commonality",
            "{over} of {count} market flows ({share}) run over the commonality",
            table.market_flows,
            over=round(over * table.total),
            share=percent(over),
        )
    else:
        text = _(
            "{share} of the traded volume ({unit}) runs over the commonality",
            share=percent(over),
            unit=table.unit,
        )
    tally.add(FLOW_POINTS * over, text, "flows")
    if table.unweighed:
        tally.note(_("Counted in flows, not volumes: {why}", why=table.unweighed), "flows")
    if over < BYPASS_SHARE:
        tally.note(
            _(
                "Most trade bypasses the commonality: {share} of it runs outside, so the shared "
                "facility carries too little to be the community's ground",
                share=percent(1 - over),
            ),
            "flows",
        )


def _steward(
    canvas: Canvas, context: ScoreContext, commonality: Commonality, where: str, tally: Tally
) -> None:
    path = f"{where}.steward"
    steward = commonality.steward
    if not steward:
        tally.note(_("The commonality has no steward (V06): name who runs it for everyone"), path)
        return
    table = flows_of(context)
    position = table.party_position.get(steward)
    if position is None:
        tally.note(_("The steward '{steward}' names no party of the canvas", steward=steward), path)
        return
    party = canvas.parties[position]
    hubs = {hub.party: hub for hub in network_of(context).hubs}
    if steward in hubs:
        tally.note(
            _(
                "The steward {steward} is a dominant market party: it takes part in {share} of "
                "the market flows, so the commonality is its platform rather than a shared "
                "facility",
                steward=describe(party),
                share=percent(hubs[steward].share),
            ),
            path,
        )
    elif trades(index_of(context), party):
        tally.add(
            MARKET_STEWARD_POINTS,
            _(
                "The steward {steward} is itself a market party or part of one: a conflict of "
                "interest to manage (V04), though no hub of the flows",
                steward=describe(party),
            ),
            path,
        )
    else:
        text = (
            N_("The steward {steward} is the network leader, no market party: neutral ground")
            if Role.NETWORK_LEADER in party.roles
            else N_("The steward {steward} is no market party: neutral ground")
        )
        tally.add(STEWARD_POINTS, _.translate(text, steward=describe(party)), path)


def score_commonality_strength(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the primary commonality (see :data:`COMMONALITY_STRENGTH` for the formula)."""
    tally = Tally()
    position = primary_position(canvas)
    if position is None:
        tally.note(
            _(
                "There is no commonality: the market parties of a business community share one "
                "(V05)"
            ),
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
    title=N_("Commonality strength"),
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
