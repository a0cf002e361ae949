"""market-balance: several independent suppliers and demanders trading on an equal footing.

Everything is counted per organisation (parties of one legal entity are one market player,
decision 1 of the domain reference) over the market flows (:mod:`cmc_core.scoring.flows`); the
supply side is who sends them, the demand side who receives them.

Why these terms and not others: the score must never drop when an independent supplier joins
and sells to the least-served demander, and must drop to the floor when one party takes over
every flow. Side plurality, evenness (1 - HHI) and the share of market parties that trade all
behave so; the terms that do not (Freeman's degree centralisation, which rises when a newcomer
links to a ring of equals, and the hub share) are reported as facts without points.
"""

from __future__ import annotations

import math
from collections import Counter

from cmc_core.canvas import Canvas
from cmc_core.rules.engine import RuleSettings
from cmc_core.scoring.builtin._common import (
    Tally,
    describe,
    flows_of,
    index_of,
    make_scorer,
    network_of,
    party_path,
    percent,
    quote,
    share,
)
from cmc_core.scoring.builtin._footing import footing_cuts
from cmc_core.scoring.contract import Score, ScoreContext
from cmc_core.scoring.flows import FlowTable
from cmc_core.scoring.network import NetworkAnalysis
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Role

_ = Messages("cmc_core", "scores")

__all__ = [
    "CONNECTED_POINTS",
    "EVENNESS_POINTS",
    "HIGHLY_CONCENTRATED",
    "MAJORITY",
    "MARKET_BALANCE",
    "PLURALITY_POINTS",
    "score_market_balance",
]

#: Points per side for the number k of organisations trading on it: ``(1 - 1/k)``.
PLURALITY_POINTS = 15.0
#: Points per side for how evenly its flows spread over organisations: ``(1 - HHI)``.
EVENNESS_POINTS = 25.0
#: Points for the share of the inside market parties that take part in a market flow.
CONNECTED_POINTS = 20.0
#: A side's largest organisation with more than this share of the side's flows dominates it.
MAJORITY = 2 / 3
#: An HHI above this is "highly concentrated" (decision 4; the rules' default threshold).
HIGHLY_CONCENTRATED = RuleSettings().hhi_threshold


class _Side:
    """One side of the market: who is on it and how its flows spread over organisations."""

    def __init__(self, table: FlowTable, name: str) -> None:
        self.table = table
        self.name = name
        self.supply = supply = name == "supply"
        self.role = Role.SUPPLIER if supply else Role.DEMANDER
        self.counts: Counter[int] = table.sent if supply else table.received
        self.by_organisation = table.by_organisation(self.counts)
        # the largest organisation, a group's part split within it; ties go to the lower
        # number, the earlier in the canvas
        self.largest, self.most = max(
            ((key, count / self._group_size(key)) for key, count in self.by_organisation.items()),
            key=lambda item: (item[1], -item[0]),
        )
        self.largest_share = self.most / table.total

    @property
    def dominance(self) -> float:
        """From 0 (largest share two thirds or less) to 1 (one organisation has every flow)."""
        return max(0.0, (self.largest_share - MAJORITY) / (1 - MAJORITY))

    def _group_size(self, organisation: int) -> int:
        """How many organisations an organisation number stands for: a group's ``represents``."""
        parties = self.table.canvas.parties
        return max(parties[number].organisations for number in self.table.members(organisation))

    def trading_organisations(self) -> int:
        """Organisations of inside parties with the side's role that have flows on the side; a
        group counts as the organisations it stands for."""
        parties, organisation_of = self.table.canvas.parties, self.table.organisation_of
        trading = {
            organisation_of[number]
            for number in self.counts
            if self.role in parties[number].roles and not parties[number].external
        }
        return sum(self._group_size(organisation) for organisation in trading)

    def hhi(self) -> float:
        """The HHI over the organisations, a group's share split evenly within it."""
        total = self.table.total
        return math.fsum(
            (count / total) ** 2 / self._group_size(organisation)
            for organisation, count in self.by_organisation.items()
        )

    def lead_party(self) -> int:
        """The number of the largest organisation's party with the most flows on the side."""
        parties = self.table.canvas.parties
        return min(
            self.table.members(self.largest),
            key=lambda n: (-self.counts.get(n, 0), parties[n].name, parties[n].id),
        )

    def largest_named(self) -> str:
        """The largest organisation as messages name it: through its lead party."""
        members = len(self.table.members(self.largest))
        text = describe(self.table.canvas.parties[self.lead_party()])
        if members > 1:
            key = self.table.organisation_ids[self.largest]
            text = _.plural(
                "{party} (with {count} other party of organisation {organisation})",
                "{party} (with {count} other parties of organisation {organisation})",
                members - 1,
                party=text,
                organisation=quote(key),
            )
        return text

    def add_terms(self, tally: Tally) -> None:
        """Add the side's plurality and evenness points."""
        trading = self.trading_organisations()
        if self.supply:
            text = _.plural(
                "{count} supplier organisation inside the community sends market flows",
                "{count} supplier organisations inside the community send market flows",
                trading,
            )
        else:
            text = _.plural(
                "{count} demander organisation inside the community receives market flows",
                "{count} demander organisations inside the community receive market flows",
                trading,
            )
        tally.add(PLURALITY_POINTS * (1 - 1 / trading) if trading else 0.0, text, "parties")
        hhi = self.hhi()
        # a group counts as the organisations it stands for, as in the plurality term above
        organisations = sum(self._group_size(key) for key in self.by_organisation)
        grade = (
            _("highly concentrated") if hhi > HIGHLY_CONCENTRATED else _("not highly concentrated")
        )
        tied = sum(
            count / self._group_size(key) == self.most
            for key, count in self.by_organisation.items()
        )
        fields = {
            "share": percent(self.largest_share),
            "basis": self.table.basis,
            "largest": self.largest_named(),
            "tied": tied,
        }
        if tied == 1 and self.supply:
            largest = _("the largest, {largest}, sends {share} of the {basis}", **fields)
        elif tied == 1:
            largest = _("the largest, {largest}, receives {share} of the {basis}", **fields)
        elif self.supply:
            largest = _(
                "{tied} organisations send the largest share, {share} each, among them {largest}",
                **fields,
            )
        else:
            largest = _(
                "{tied} organisations receive the largest share, {share} each, among them "
                "{largest}",
                **fields,
            )
        side = (
            _.plural(
                "The supply side: {count} organisation, HHI {hhi} ({grade}; threshold "
                "{threshold}); {largest}",
                "The supply side: {count} organisations, HHI {hhi} ({grade}; threshold "
                "{threshold}); {largest}",
                organisations,
                hhi=format(hhi, ".2f"),
                grade=grade,
                threshold=format(HIGHLY_CONCENTRATED, ".2f"),
                largest=largest,
            )
            if self.supply
            else _.plural(
                "The demand side: {count} organisation, HHI {hhi} ({grade}; threshold "
                "{threshold}); {largest}",
                "The demand side: {count} organisations, HHI {hhi} ({grade}; threshold "
                "{threshold}); {largest}",
                organisations,
                hhi=format(hhi, ".2f"),
                grade=grade,
                threshold=format(HIGHLY_CONCENTRATED, ".2f"),
                largest=largest,
            )
        )
        tally.add(EVENNESS_POINTS * (1 - hhi), side, "flows")


def _connected(table: FlowTable, tally: Tally) -> None:
    parties = table.canvas.parties
    market = [
        number
        for number in table.party_numbers
        if parties[number].is_market_party and not parties[number].external
    ]
    trading = [number for number in market if table.takes_part(number)]
    tally.add(
        CONNECTED_POINTS * share(len(trading), len(market)),
        _.plural(
            "{trading} of {count} market party inside the community take part in market flows",
            "{trading} of {count} market parties inside the community take part in market flows",
            len(market),
            trading=len(trading),
        ),
        "parties",
    )
    idle = [number for number in market if not table.takes_part(number)]
    tally.missing(
        (
            (_("{party} takes part in no market flow", party=describe(parties[n])), f"parties[{n}]")
            for n in idle
        ),
        more_market_parties,
        "parties",
    )


def more_market_parties(count: int) -> str:
    """The note that counts the market parties a list leaves out."""
    return _.plural(
        "... and {count} more market party", "... and {count} more market parties", count
    )


def _dominance(tally: Tally, sides: list[_Side]) -> None:
    """Multiply the points by (1 - dominance) per side, each cut explained by its cause."""
    kept = tally.points
    for side in sides:
        if not side.dominance:
            continue
        cut = kept * side.dominance
        kept -= cut
        fields = {
            "party": side.largest_named(),
            "share": percent(side.largest_share),
            "basis": side.table.basis,
            "keeps": percent(1 - side.dominance),
        }
        if side.supply:
            text = _(
                "{party} dominates the supply side: it sends {share} of the {basis}, more than "
                "two thirds, so the score keeps {keeps} of the points of the other terms",
                **fields,
            )
        else:
            text = _(
                "{party} dominates the demand side: it receives {share} of the {basis}, more "
                "than two thirds, so the score keeps {keeps} of the points of the other terms",
                **fields,
            )
        tally.add(-cut, text, f"parties[{side.lead_party()}]", first=True)


def _network_facts(table: FlowTable, network: NetworkAnalysis, tally: Tally) -> None:
    parties = table.canvas.parties
    for hub in network.hubs:
        party = parties[table.party_position[hub.party]]
        tally.note(
            _(
                "{party} takes part in {share} of the market flows: a hub of the value network "
                "(more than {limit}, rule CMC025)",
                party=describe(party),
                share=percent(hub.share),
                limit=percent(network.hub_share),
            ),
            party_path(table, party),
        )
    central = network.most_partners
    if central:
        most = network.partners[central[0]]
        names = ", ".join(describe(parties[table.party_position[key]]) for key in central[:3])
        if len(central) > 3:
            names = _("{names} and {count} more", names=names, count=len(central) - 3)
        groups = _.plural(
            "{count} connected group", "{count} connected groups", len(network.components)
        )
        bridges = _.plural("{count} bridge", "{count} bridges", len(network.bridges))
        tally.note(
            _(
                "Degree centralisation (Freeman) of the value network: {centralisation}; the "
                "most trading partners ({most}): {names}; {groups}, {bridges}",
                centralisation=format(network.centralisation, ".2f"),
                most=most,
                names=names,
                groups=groups,
                bridges=bridges,
            ),
            "flows",
        )


def score_market_balance(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the market balance of a canvas (see :data:`MARKET_BALANCE` for the formula)."""
    table = flows_of(context)
    tally = Tally()
    if not table.market_flows:
        tally.note(
            _(
                "There are no market flows between two known parties yet: a market needs "
                "suppliers and demanders that trade"
            ),
            "flows",
        )
        return tally.score()
    sides = [_Side(table, "supply"), _Side(table, "demand")]
    for side in sides:
        side.add_terms(tally)
    _connected(table, tally)
    _dominance(tally, sides)
    footing_cuts(canvas, index_of(context), tally)
    _network_facts(table, network_of(context), tally)
    if table.unweighed:
        tally.note(
            _("The shares are of flows, not volumes: {why}", why=table.unweighed),
            "flows",
        )
    return tally.score()


MARKET_BALANCE = make_scorer(
    name="market-balance",
    title=N_("Market balance and equal footing"),
    rules=(
        "CMC001",
        "CMC002",
        "CMC003",
        "CMC004",
        "CMC006",
        "CMC021",
        "CMC024",
        "CMC025",
        "CMC026",
    ),
    score=score_market_balance,
    weight=3.0,
    description="""
        Several independent suppliers and demanders transact "op gelijkwaardige basis" (on an
        equal footing) [S1]; V01 and decision 1 count organisations, decision 4 measures
        concentration per market side with the HHI and the largest share.
        Per organisation, over the primary flows between two known parties (supply = senders,
        demand = receivers):
        points = 15 (1 - 1/Ks) + 15 (1 - 1/Kd) + 25 (1 - HHIs) + 25 (1 - HHId) + 20 C,
        with Ks, Kd the supplier and demander organisations inside the community that send or
        receive flows, the HHI per side over the organisations' shares of its flows, and C the
        share of inside market parties that take part in a flow (V19).
        score = points x (1 - Ds) x (1 - Dd), where a side's dominance D = (s - 2/3) / (1/3)
        when its largest organisation has a share s above two thirds, else 0: one organisation
        on one side of every flow scores 0. Shares are of volumes when every market flow gives
        one in one unit, and a group counts as the organisations it stands for.
        Then the equal footing, from facts (rules CMC003, CMC004, CMC006, CMC024): the score
        keeps 50% when the steward trades, 1 - 0.4 m when market parties own a share m of the
        primary commonality or its steward (0.2 m when parties outside the market decide
        access; 0.2 g for a group of one side owning g), 70% when one market party or one side
        decides the transaction rules, 80% for terms that favour market parties, 85% for an
        exit ban, 85% when one side decides who may join, 95% for member tariffs.
        Hubs (CMC025) and Freeman's degree centralisation of the value network are reported as
        facts; the dominating party is named.
        Grounding: domain.md 2.1 [S1], 3.4 V01 V03 V19, decisions 1 and 4.""",
)
